package com.anycompany.shop.support.server;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Renders the body of an error that Tomcat answers itself, before the application sees
 * the request: an invalid URI (an encoded slash, NUL, a backslash), a request line or
 * headers too large, a request that is not HTTP. A service replaces the default
 * ({@link ProblemDetailsRejectedRequestRenderer}, RFC 7807 problem details) with a bean
 * of its own, as the storefront does with its error page.
 */
@FunctionalInterface
public interface RejectedRequestRenderer {

	/**
	 * The body for this status.
	 * @param status the status the answer carries (400, 414, 431, ...)
	 * @param request what Tomcat could parse of the request: its URI, method or headers
	 * may be missing
	 */
	Body render(int status, HttpServletRequest request);

	/**
	 * A rendered error.
	 *
	 * @param contentType its media type, with the charset
	 * @param text the body
	 */
	record Body(String contentType, String text) {

	}

}
