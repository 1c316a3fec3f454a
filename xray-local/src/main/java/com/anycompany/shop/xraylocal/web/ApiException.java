package com.anycompany.shop.xraylocal.web;

import org.springframework.http.HttpStatus;

/**
 * An X-Ray API error: the HTTP status and the error type that SDKs map to their exception
 * classes ({@code InvalidRequestException}, {@code ThrottledException},
 * {@code ResourceNotFoundException}, ...).
 */
public final class ApiException extends RuntimeException {

	private final HttpStatus status;

	private final String type;

	public ApiException(HttpStatus status, String type, String message) {
		super(message);
		this.status = status;
		this.type = type;
	}

	public static ApiException invalid(String message) {
		return new ApiException(HttpStatus.BAD_REQUEST, "InvalidRequestException", message);
	}

	/** X-Ray answers 404 for a resource named by ARN that does not exist. */
	public static ApiException notFound(String message) {
		return new ApiException(HttpStatus.NOT_FOUND, "ResourceNotFoundException", message);
	}

	/** Any other modelled error (the model gives them all HTTP 400). */
	public static ApiException of(String type, String message) {
		return new ApiException(HttpStatus.BAD_REQUEST, type, message);
	}

	public HttpStatus status() {
		return this.status;
	}

	public String type() {
		return this.type;
	}

}
