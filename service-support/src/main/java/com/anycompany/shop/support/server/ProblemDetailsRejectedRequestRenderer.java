package com.anycompany.shop.support.server;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;

/**
 * RFC 7807 problem details for a request Tomcat rejected, as every other error of an API
 * service. Fixed texts only: nothing of the rejected request is echoed (it is, by
 * definition, not what it should be), and the JSON is written by hand because the
 * application's message converters are not part of this path.
 */
public class ProblemDetailsRejectedRequestRenderer implements RejectedRequestRenderer {

	@Override
	public void render(int status, HttpServletRequest request, HttpServletResponse response) throws IOException {
		HttpStatus known = HttpStatus.resolve(status);
		String title = (known != null) ? known.getReasonPhrase() : "Error";
		response.setContentType("application/problem+json");
		response.setCharacterEncoding("UTF-8");
		response.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
					+ detail(status) + "\"}");
	}

	static String detail(int status) {
		return switch (status) {
			case 400 -> "The request is not valid HTTP, or its URI holds characters that are not allowed.";
			case 405 -> "This method is not allowed here.";
			case 413 -> "The request body is larger than this service accepts.";
			case 414 -> "The request's URI is longer than this service accepts.";
			case 431 -> "The request's headers are larger than this service accepts.";
			default -> (status >= 500) ? "Something went wrong on our side." : "The request was rejected.";
		};
	}

}
