package com.anycompany.shop.support.web;

import java.util.Map;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * An error of the service's own, in the shop's vocabulary: a status, a title (what kind
 * of problem, the same for every occurrence), a detail (this occurrence, for a person)
 * and properties (for a program, e.g. the id that was not found).
 * {@link ProblemDetailsAdvice} answers it as these problem details; a service's errors
 * are subclasses that fix the status and title, or this class thrown as it is for a
 * one-off.
 */
public class ProblemException extends ErrorResponseException {

	public ProblemException(HttpStatusCode status, String title, String detail) {
		this(status, title, detail, Map.of());
	}

	public ProblemException(HttpStatusCode status, String title, String detail, Map<String, ?> properties) {
		super(status, problem(status, title, detail, properties), null);
	}

	/** The detail: what a log line about this error should say. */
	@Override
	public String getMessage() {
		return getBody().getDetail();
	}

	private static ProblemDetail problem(HttpStatusCode status, String title, String detail,
			Map<String, ?> properties) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		properties.forEach(problem::setProperty);
		return problem;
	}

}
