package com.anycompany.shop.tracing;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Another service could not answer: the connection was refused, it timed out, it answered
 * with a 5xx or with something unreadable. The only failure that becomes a 503 for the
 * caller's own client; a 4xx from the callee is a {@link DownstreamRejectedException}
 * instead. The problem names the service.
 */
public class DownstreamUnavailableException extends ErrorResponseException {

	private final String service;

	public DownstreamUnavailableException(String service, String reason, Throwable cause) {
		super(HttpStatus.SERVICE_UNAVAILABLE, problem(service, reason), cause);
		this.service = service;
	}

	/** The callee, as it is named on the service map. */
	public String getService() {
		return this.service;
	}

	@Override
	public String getMessage() {
		return getBody().getDetail();
	}

	private static ProblemDetail problem(String service, String reason) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				service + " cannot answer (" + reason + "); try again shortly.");
		problem.setTitle("Service unavailable");
		problem.setProperty("service", service);
		return problem;
	}

}
