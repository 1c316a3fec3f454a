package com.anycompany.shop.support.server;

import java.net.URI;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.tomcat.util.http.InvalidParameterException;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The error page of an API service ({@code /error}) as problem details, in place of
 * Spring Boot's plain error JSON. It answers what the servlet container sends there
 * without an exception handler being involved: a method Tomcat refuses ({@code TRACE}), a
 * {@code sendError} from a filter (a body too large), an exception thrown by a filter.
 * Whatever the client accepts, the body is {@code application/problem+json}: an API has
 * no other format.
 */
@RestController
@RequestMapping("${server.error.path:${error.path:/error}}")
public class ProblemDetailsErrorController implements ErrorController {

	@RequestMapping
	ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
		HttpStatus status = status(request);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
				ProblemDetailsRejectedRequestRenderer.detail(status.value()));
		problem.setType(URI.create("about:blank"));
		Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (path instanceof String uri) {
			try {
				problem.setInstance(URI.create(uri));
			}
			catch (IllegalArgumentException notAUri) {
				// leave it out rather than echo it
			}
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	private static HttpStatus status(HttpServletRequest request) {
		if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof InvalidParameterException) {
			// a badly percent-encoded parameter, first read by a filter: the client's
			// mistake
			return HttpStatus.BAD_REQUEST;
		}
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus status = (code instanceof Integer value) ? HttpStatus.resolve(value) : null;
		// requested directly, /error is not an error of its own: treat it as unknown
		return (status != null) ? status : (code == null) ? HttpStatus.NOT_FOUND : HttpStatus.INTERNAL_SERVER_ERROR;
	}

}
