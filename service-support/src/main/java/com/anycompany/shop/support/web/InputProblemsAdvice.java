package com.anycompany.shop.support.web;

import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.tomcat.util.http.InvalidParameterException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Problem details for input that never reaches a controller's validation, naming what was
 * wrong where Spring MVC's own answer would only say "Failed to read request":
 * <ul>
 * <li>a JSON value of the wrong type ({@code {"quantity": 1.5}}, {@code "cartId": true},
 * see {@link StrictJson}): 400 with the field's path in {@code errors}, in the same shape
 * as a validation failure;</li>
 * <li>a body that is not JSON: 400;</li>
 * <li>a body sent without a length that grows past the limit: 413;</li>
 * <li>a query string that is not correctly percent-encoded ({@code ?q=%zz}), which Tomcat
 * reports only when the parameters are first read: 400, not 500.</li>
 * </ul>
 * Ordered before {@link ProblemDetailsAdvice}, which answers everything else.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class InputProblemsAdvice {

	private static final URI ABOUT_BLANK = URI.create("about:blank");

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ProblemDetail unreadable(HttpMessageNotReadableException ex, HttpServletRequest request) {
		if (causedBy(ex, RequestBodyLimitFilter.BodyTooLargeException.class)) {
			return problem(HttpStatus.CONTENT_TOO_LARGE, "Request body too large",
					"The request body is larger than this service accepts.", request);
		}
		if (ex.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
			String error = path(mismatch) + ": " + expected(mismatch.getTargetType());
			ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request", "Invalid request: " + error,
					request);
			problem.setProperty("errors", List.of(error));
			return problem;
		}
		String detail = (ex.getCause() instanceof StreamReadException) ? "The request body is not valid JSON."
				: "The request body could not be read.";
		return problem(HttpStatus.BAD_REQUEST, "Bad Request", detail, request);
	}

	@ExceptionHandler(InvalidParameterException.class)
	ProblemDetail badlyEncodedParameter(InvalidParameterException ex, HttpServletRequest request) {
		return problem(HttpStatus.BAD_REQUEST, "Bad Request", "A request parameter is not correctly percent-encoded.",
				request);
	}

	/** {@code customer.name}, {@code lines[2].quantity}. */
	private static String path(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	/** What the field wants, in a client's words rather than Java's. */
	private static String expected(Class<?> type) {
		if (type == null) {
			return "has the wrong type";
		}
		if (type == int.class || type == Integer.class || type == long.class || type == Long.class
				|| type == short.class || type == Short.class || type == java.math.BigInteger.class) {
			return "must be a whole number";
		}
		if (type == double.class || type == Double.class || type == float.class || type == Float.class
				|| type == java.math.BigDecimal.class) {
			return "must be a number";
		}
		if (type == boolean.class || type == Boolean.class) {
			return "must be true or false";
		}
		if (CharSequence.class.isAssignableFrom(type)) {
			return "must be a string";
		}
		if (type.isArray() || Collection.class.isAssignableFrom(type)) {
			return "must be an array";
		}
		if (type.isEnum()) {
			return "must be one of the allowed values";
		}
		if (Map.class.isAssignableFrom(type) || !type.isPrimitive()) {
			return "must be an object";
		}
		return "has the wrong type";
	}

	private static ProblemDetail problem(HttpStatus status, String title, String detail, HttpServletRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		problem.setType(ABOUT_BLANK);
		problem.setInstance(URI.create(request.getRequestURI()));
		return problem;
	}

	private static boolean causedBy(Throwable ex, Class<? extends Throwable> type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return true;
			}
		}
		return false;
	}

}
