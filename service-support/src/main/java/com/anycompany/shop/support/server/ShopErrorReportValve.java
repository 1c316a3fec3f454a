package com.anycompany.shop.support.server;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.apache.tomcat.util.res.StringManager;

/**
 * Takes the place of Tomcat's own error report (a bare HTML page naming Tomcat) for what
 * Tomcat answers before any servlet runs, so that these answers come in the service's
 * format too (see {@link RejectedRequestRenderer}). Errors raised inside the application
 * never get here: its error page ({@code /error}) has written them already.
 * <p>
 * Tomcat answers 400 to headers or a request line larger than
 * {@code server.max-http-request-header-size}; this valve says which: 414 URI Too Long
 * when the request line itself did not fit, else 431 Request Header Fields Too Large.
 */
public class ShopErrorReportValve extends ErrorReportValve {

	/** Tomcat's message (in the JVM's language) for a request head that did not fit. */
	private static final String HEAD_TOO_LARGE = StringManager.getManager("org.apache.coyote.http11")
		.getString("iib.requestheadertoolarge.error");

	private static final RejectedRequestRenderer FALLBACK = new ProblemDetailsRejectedRequestRenderer();

	private final Supplier<RejectedRequestRenderer> renderer;

	/**
	 * @param renderer looked up on each error, so the application's renderer is used once
	 * it exists (Tomcat starts before the application context is complete)
	 */
	public ShopErrorReportValve(Supplier<RejectedRequestRenderer> renderer) {
		this.renderer = renderer;
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		if (response.getStatus() < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		AtomicBoolean ioAllowed = new AtomicBoolean(false);
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
		if (!ioAllowed.get()) {
			return;
		}
		int status = status(request, response.getStatus(), throwable);
		response.setStatus(status);
		RejectedRequestRenderer own = this.renderer.get();
		try {
			try {
				(own != null ? own : FALLBACK).render(status, request.getRequest(), response.getResponse());
			}
			catch (RuntimeException ex) {
				container.getLogger().warn("Rendering the answer to a rejected request failed", ex);
				if (response.getContentWritten() > 0 || response.isCommitted()) {
					return;
				}
				response.resetBuffer();
				FALLBACK.render(status, request.getRequest(), response.getResponse());
			}
			response.finishResponse();
		}
		catch (IOException | IllegalStateException ex) {
			// the client is gone or the response cannot be written: nothing left to tell
		}
	}

	static int status(Request request, int status, Throwable throwable) {
		if (status == 400 && throwable instanceof IllegalArgumentException
				&& HEAD_TOO_LARGE.equals(throwable.getMessage())) {
			// the request line is parsed first: without a URI, it was the line that did
			// not fit
			return request.getCoyoteRequest().requestURI().isNull() ? 414 : 431;
		}
		return status;
	}

}
