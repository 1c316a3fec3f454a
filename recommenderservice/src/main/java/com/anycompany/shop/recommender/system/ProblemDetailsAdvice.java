package com.anycompany.shop.recommender.system;

import java.net.URI;

import com.anycompany.shop.recommender.catalog.CatalogUnavailableException;
import com.anycompany.shop.recommender.catalog.ProductNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error as an RFC 7807 problem: Spring MVC's own exceptions (bad parameters,
 * unknown paths, ResponseStatusException) through the base class, the recommender's
 * below, and anything else as a 500 that shows no internals.
 * <p>
 * Problems carry {@code type: about:blank} explicitly (Spring leaves it out, which means
 * the same) so every documented field is present, and so their title is the status
 * phrase, as RFC 7807 asks for that type.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

	private static final URI ABOUT_BLANK = URI.create("about:blank");

	@ExceptionHandler
	ProblemDetail productNotFound(ProductNotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail catalogUnavailable(CatalogUnavailableException ex) {
		log.warn("Catalog unavailable: {}", ex.getMessage());
		return problem(HttpStatus.SERVICE_UNAVAILABLE,
				"The catalog service cannot be reached right now; try again shortly.");
	}

	@ExceptionHandler
	ProblemDetail unexpected(Exception ex) {
		log.error("Unexpected error", ex);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "The recommender could not answer; its log has the details.");
	}

	@Override
	protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
			WebRequest request) {
		if (body instanceof ProblemDetail problem && problem.getType() == null) {
			problem.setType(ABOUT_BLANK);
		}
		return super.createResponseEntity(body, headers, statusCode, request);
	}

	private static ProblemDetail problem(HttpStatus status, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(ABOUT_BLANK);
		return problem;
	}

}
