package com.anycompany.shop.support.server;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Writes the body of an error that Tomcat answers itself, before the application sees the
 * request: an invalid URI (an encoded slash, NUL, a backslash), a request line or headers
 * too large, a request that is not HTTP. A service replaces the default
 * ({@link ProblemDetailsRejectedRequestRenderer}, RFC 7807 problem details) with a bean
 * of its own, as the storefront does with its error page.
 */
@FunctionalInterface
public interface RejectedRequestRenderer {

	/**
	 * Sets the content type and writes the body; the status is set already.
	 * @param status the status the answer carries (400, 414, 431, ...)
	 * @param request what Tomcat could parse of the request: its URI, method or headers
	 * may be missing, and no servlet context is attached to it
	 * @param response the answer
	 */
	void render(int status, HttpServletRequest request, HttpServletResponse response) throws IOException;

}
