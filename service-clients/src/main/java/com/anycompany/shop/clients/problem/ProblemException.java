package com.anycompany.shop.clients.problem;

import java.util.Map;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * An error in the shop's vocabulary: a status, a title (what kind of problem, the same
 * for every occurrence), a detail (this occurrence, for a person) and properties (for a
 * program, e.g. the id that was not found). Spring MVC answers it as these RFC 7807
 * problem details. A service's own errors are subclasses that fix the status and title,
 * or this class thrown as it is for a one-off; what a callee answered is one of the two
 * {@code Downstream*} subclasses.
 */
public class ProblemException extends ErrorResponseException {

	public ProblemException(HttpStatusCode status, String title, String detail) {
		this(status, title, detail, Map.of());
	}

	public ProblemException(HttpStatusCode status, String title, String detail, Map<String, ?> properties) {
		this(status, problem(status, title, detail, properties), null);
	}

	protected ProblemException(HttpStatusCode status, ProblemDetail problem, Throwable cause) {
		super(status, problem, cause);
	}

	/** The detail: what a log line about this error should say. */
	@Override
	public String getMessage() {
		return getBody().getDetail();
	}

	/** Problem details in the shop's shape, for subclasses that add a cause. */
	protected static ProblemDetail problem(HttpStatusCode status, String title, String detail,
			Map<String, ?> properties) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		properties.forEach(problem::setProperty);
		return problem;
	}

}
