package com.anycompany.shop.support.server;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;

/**
 * RFC 7807 problem details for a request Tomcat rejected, as every other error of an API
 * service. Fixed texts only: nothing of the rejected request is echoed (it is, by
 * definition, not what it should be), and the JSON is written by hand because the
 * application's message converters are not part of this path.
 */
public class ProblemDetailsRejectedRequestRenderer implements RejectedRequestRenderer {

	static final String CONTENT_TYPE = "application/problem+json;charset=UTF-8";

	@Override
	public Body render(int status, HttpServletRequest request) {
		HttpStatus known = HttpStatus.resolve(status);
		String title = (known != null) ? known.getReasonPhrase() : "Error";
		return new Body(CONTENT_TYPE, "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
				+ ",\"detail\":\"" + detail(status) + "\"}");
	}

	static String detail(int status) {
		return switch (status) {
			case 400 -> "The request is not valid HTTP, or its URI holds characters that are not allowed.";
			case 414 -> "The request's URI is longer than this service accepts.";
			case 431 -> "The request's headers are larger than this service accepts.";
			case 405 -> "This method is not allowed here.";
			default -> (status >= 500) ? "Something went wrong on our side." : "The request was rejected.";
		};
	}

}
