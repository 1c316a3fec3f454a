package com.anycompany.shop.recommender.catalog;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The catalog could not be asked (refused, timed out) or did not give a usable answer:
 * 503 problem details. What went wrong stays in the message, for the log; the client is
 * told only to try again.
 */
public class CatalogUnavailableException extends ErrorResponseException {

	private final String reason;

	public CatalogUnavailableException(String reason, Throwable cause) {
		super(HttpStatus.SERVICE_UNAVAILABLE, ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"The catalog service cannot be reached right now; try again shortly."), cause);
		this.reason = reason;
	}

	@Override
	public String getMessage() {
		return this.reason;
	}

}
