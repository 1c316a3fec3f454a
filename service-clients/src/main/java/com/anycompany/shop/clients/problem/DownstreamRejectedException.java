package com.anycompany.shop.clients.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Another service answered with a 4xx: the request was wrong, or asked for something that
 * does not exist. It keeps its meaning all the way to the shopper or API client (a 404
 * stays a 404, a 400 a 400) and is never reported as an outage. Callers that know better
 * catch it ({@link #isNotFound()}, {@link #fieldErrors()}); left alone it is answered
 * with the callee's status and problem.
 */
public class DownstreamRejectedException extends ProblemException {

	private final String service;

	public DownstreamRejectedException(String service, HttpStatusCode status, ProblemDetail problem) {
		super(status, problem, null);
		this.service = service;
	}

	public String getService() {
		return this.service;
	}

	public boolean isNotFound() {
		return getStatusCode().value() == 404;
	}

	@Override
	public String getMessage() {
		return this.service + " answered " + getStatusCode().value() + ": " + getBody().getDetail();
	}

	/**
	 * The rejected fields, as the shop's services list them in the problem's
	 * {@code errors} ({@code "shipping.country: must be ..."}): the field's path to its
	 * message, in the callee's order.
	 */
	public Map<String, String> fieldErrors() {
		Map<String, String> fields = new LinkedHashMap<>();
		Map<String, Object> properties = getBody().getProperties();
		if (properties != null && properties.get("errors") instanceof List<?> errors) {
			for (Object error : errors) {
				String text = String.valueOf(error);
				int colon = text.indexOf(": ");
				if (colon > 0) {
					fields.putIfAbsent(text.substring(0, colon), text.substring(colon + 2));
				}
			}
		}
		return fields;
	}

}
