package com.anycompany.shop.xraylocal.web;

import java.util.LinkedHashMap;
import java.util.Map;

import com.anycompany.shop.xraylocal.filter.FilterException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Errors of every endpoint in the shape AWS SDKs and the CLI read: the type in
 * {@code x-amzn-ErrorType} and in the body's {@code __type}, the text in {@code message}.
 */
@RestControllerAdvice
class ApiErrors {

	@ExceptionHandler
	ResponseEntity<Map<String, String>> apiError(ApiException ex) {
		return error(ex.status(), ex.type(), ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<Map<String, String>> filterError(FilterException ex) {
		return error(HttpStatus.BAD_REQUEST, "InvalidRequestException", ex.getMessage());
	}

	/**
	 * An operation xray-local does not offer gets an answer SDKs and the CLI can show.
	 */
	@ExceptionHandler
	ResponseEntity<?> unknownPath(NoResourceFoundException ex) {
		if (ex.getHttpMethod() == HttpMethod.POST) {
			return error(HttpStatus.NOT_FOUND, "UnknownOperationException",
					"xray-local does not offer POST /" + ex.getResourcePath());
		}
		return ResponseEntity.notFound().build();
	}

	static ResponseEntity<Map<String, String>> error(HttpStatus status, String type, String message) {
		Map<String, String> body = new LinkedHashMap<>();
		body.put("__type", type);
		body.put("message", message);
		return ResponseEntity.status(status)
			.header("x-amzn-ErrorType", type)
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.contentType(MediaType.APPLICATION_JSON)
			.body(body);
	}

}
