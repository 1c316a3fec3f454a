package com.anycompany.shop.order;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A service the order depends on did not answer (refused, timed out) or failed: nothing
 * is placed, and the client may try again with the same idempotency key.
 */
public class DownstreamUnavailableException extends ErrorResponseException {

	DownstreamUnavailableException(String service, String reason, Throwable cause) {
		super(HttpStatus.SERVICE_UNAVAILABLE, problem(service, reason), cause);
	}

	private static ProblemDetail problem(String service, String reason) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				service + " cannot be reached (" + reason + "); try again shortly with the same idempotency key.");
		problem.setTitle("Service unavailable");
		problem.setProperty("service", service);
		return problem;
	}

}
