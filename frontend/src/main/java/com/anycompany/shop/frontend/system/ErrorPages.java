package com.anycompany.shop.frontend.system;

import com.anycompany.shop.frontend.product.ProductNotFoundException;
import com.anycompany.shop.tracing.DownstreamRejectedException;
import com.anycompany.shop.tracing.DownstreamUnavailableException;
import com.anycompany.shop.tracing.context.TraceIdMdcListener;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Friendly pages for what goes wrong in the shop's own terms: an unknown product (404), a
 * request a service refused (its 4xx, kept: a typo in a URL is never an outage), and a
 * service the page cannot do without that did not answer (503). Everything else goes to
 * Spring Boot's error handling, which renders templates/error/*.html (never a stack
 * trace).
 */
@ControllerAdvice
class ErrorPages {

	private static final Logger logger = LoggerFactory.getLogger(ErrorPages.class);

	@ExceptionHandler(ProductNotFoundException.class)
	ModelAndView productNotFound(ProductNotFoundException ex, HttpServletRequest request) {
		ModelAndView page = page("error/404", HttpStatus.NOT_FOUND, request);
		page.addObject("headingKey", "error.404.product.heading");
		page.addObject("textKey", "error.404.product.text");
		return page;
	}

	@ExceptionHandler(DownstreamRejectedException.class)
	ModelAndView rejected(DownstreamRejectedException ex, HttpServletRequest request) {
		logger.debug("{} {}: {}", request.getMethod(), request.getRequestURI(), ex.getMessage());
		HttpStatus status = HttpStatus.resolve(ex.getStatusCode().value());
		if (status == HttpStatus.NOT_FOUND) {
			ModelAndView page = page("error/404", status, request);
			page.addObject("headingKey", "error.404.heading");
			page.addObject("textKey", "error.404.text");
			return page;
		}
		return page("error/error", (status != null) ? status : HttpStatus.BAD_REQUEST, request);
	}

	@ExceptionHandler(DownstreamUnavailableException.class)
	ModelAndView serviceUnavailable(DownstreamUnavailableException ex, HttpServletRequest request) {
		logger.warn("{} {}: {} ({})", request.getMethod(), request.getRequestURI(), ex.getMessage(),
				(ex.getCause() != null) ? ex.getCause().getMessage() : "no cause");
		return page("error/503", HttpStatus.SERVICE_UNAVAILABLE, request);
	}

	/**
	 * A parameter that is not correctly percent-encoded ({@code ?category=%zz}): Tomcat
	 * throws when it is first read.
	 */
	@ExceptionHandler(InvalidParameterException.class)
	ModelAndView badlyEncodedParameter(HttpServletRequest request) {
		return page("error/error", HttpStatus.BAD_REQUEST, request);
	}

	private static ModelAndView page(String view, HttpStatus status, HttpServletRequest request) {
		ModelAndView page = new ModelAndView(view, status);
		page.addObject("status", status.value());
		LayoutInterceptor.addLayoutAttributes(page, request);
		String traceId = MDC.get(TraceIdMdcListener.MDC_KEY);
		if (traceId != null) {
			// the trace id alone is what the X-Ray console searches for
			page.addObject("traceId", traceId.split("@", 2)[0]);
		}
		return page;
	}

}
