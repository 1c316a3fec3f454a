package com.anycompany.shop.support.web;

import java.net.URI;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error leaves a shop service as RFC 7807 problem details:
 * <ul>
 * <li>Spring MVC's own exceptions (malformed JSON, a parameter of the wrong type or
 * missing, wrong method, unknown path) through the base class;</li>
 * <li>the service's own errors, thrown as
 * {@link org.springframework.web.ErrorResponseException} subclasses (or
 * {@code ResponseStatusException}) carrying their status, title and detail, also through
 * the base class;</li>
 * <li>validation failures as 400 with the offending fields listed in {@code errors};</li>
 * <li>a failing AWS call (DynamoDB unreachable, throttled, failing) as 503;</li>
 * <li>anything else as 500 that shows no internals.</li>
 * </ul>
 * {@code type} is always present (the shop's contract lists it), {@code about:blank}
 * unless a problem says otherwise. A service that needs more extends this class and
 * declares its subclass as a bean; the auto-configured one then backs off.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

	private static final URI ABOUT_BLANK = URI.create("about:blank");

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		if (statusCode.is5xxServerError()) {
			// the service's own "cannot answer now" errors: worth a line in the log
			log.warn("Answering {}: {}", statusCode.value(), ex.getMessage());
		}
		ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
		if (response != null && response.getBody() instanceof ProblemDetail problem) {
			withType(problem);
		}
		return response;
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<String> errors = ex.getBindingResult().getAllErrors().stream().map((error) -> {
			String name = (error instanceof FieldError field) ? field.getField() : error.getObjectName();
			return name + ": " + error.getDefaultMessage();
		}).sorted().toList();
		return invalid(ex, errors, headers, status, request);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<String> errors = ex.getParameterValidationResults()
			.stream()
			.flatMap((result) -> result.getResolvableErrors()
				.stream()
				.map(MessageSourceResolvable::getDefaultMessage)
				.map((message) -> result.getMethodParameter().getParameterName() + ": " + message))
			.sorted()
			.toList();
		return invalid(ex, errors, headers, status, request);
	}

	private ResponseEntity<Object> invalid(Exception ex, List<String> errors, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		ProblemDetail body = ProblemDetail.forStatusAndDetail(status, "Invalid request: " + String.join("; ", errors));
		body.setTitle("Invalid request");
		body.setProperty("errors", errors);
		return handleExceptionInternal(ex, body, headers, status, request);
	}

	@ExceptionHandler(SdkException.class)
	public ProblemDetail storageUnavailable(SdkException ex) {
		log.warn("AWS call failed: {}", ex.toString());
		ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"The service's storage is unavailable; try again shortly.");
		body.setTitle("Storage unavailable");
		return withType(body);
	}

	@ExceptionHandler(Exception.class)
	public ProblemDetail unexpected(Exception ex) {
		log.error("Unexpected error", ex);
		return withType(ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"Something went wrong on our side."));
	}

	private static ProblemDetail withType(ProblemDetail problem) {
		if (problem.getType() == null) {
			problem.setType(ABOUT_BLANK);
		}
		return problem;
	}

}
