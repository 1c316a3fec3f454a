package com.anycompany.shop.frontend.system;

import java.util.List;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.InvalidParameterException;

import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.autoconfigure.error.AbstractErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The storefront's error page for every client: Spring Boot's own error controller
 * answers a client that does not ask for HTML first (a script, {@code curl}, a
 * {@code TRACE} without an Accept header) with its plain error JSON, which is not a page
 * of this shop.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
class StorefrontErrorController extends AbstractErrorController {

	StorefrontErrorController(ErrorAttributes errorAttributes, List<ErrorViewResolver> errorViewResolvers) {
		super(errorAttributes, errorViewResolvers);
	}

	@RequestMapping
	ModelAndView error(HttpServletRequest request, HttpServletResponse response) {
		// Tomcat throws on a badly percent-encoded parameter wherever it is first read,
		// which may be a filter (the CSRF check): the client's mistake, not the shop's
		HttpStatus status = (request
			.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof InvalidParameterException)
					? HttpStatus.BAD_REQUEST : getStatus(request);
		Map<String, Object> model = getErrorAttributes(request, ErrorAttributeOptions.defaults());
		response.setStatus(status.value());
		ModelAndView page = resolveErrorView(request, response, status, model);
		return (page != null) ? page : new ModelAndView("error/error", model, status);
	}

}
