package com.anycompany.shop.cart;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * catalogservice did not answer (refused, timed out) or failed: the cart cannot check the
 * product, so it changes nothing and says so with a 503.
 */
public class CatalogUnavailableException extends ErrorResponseException {

	CatalogUnavailableException(String reason, Throwable cause) {
		super(HttpStatus.SERVICE_UNAVAILABLE, problem(), cause);
		setDetail("The catalog cannot be reached (" + reason + "); try again shortly.");
	}

	private static ProblemDetail problem() {
		ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.SERVICE_UNAVAILABLE);
		problem.setTitle("Catalog unavailable");
		return problem;
	}

}
