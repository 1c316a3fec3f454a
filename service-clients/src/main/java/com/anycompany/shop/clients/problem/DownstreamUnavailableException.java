package com.anycompany.shop.clients.problem;

import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * Another service could not answer: the connection was refused, it timed out, it answered
 * with a 5xx or with something unreadable. The only failure that becomes a 503 for the
 * caller's own client; a 4xx from the callee is a {@link DownstreamRejectedException}
 * instead. The problem names the service.
 */
public class DownstreamUnavailableException extends ProblemException {

	private final String service;

	public DownstreamUnavailableException(String service, String reason, Throwable cause) {
		super(HttpStatus.SERVICE_UNAVAILABLE,
				problem(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable",
						service + " cannot answer (" + reason + "); try again shortly.", Map.of("service", service)),
				cause);
		this.service = service;
	}

	/** The callee, as it is named on the service map. */
	public String getService() {
		return this.service;
	}

}
