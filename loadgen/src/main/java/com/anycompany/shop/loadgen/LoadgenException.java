package com.anycompany.shop.loadgen;

/**
 * A problem to tell the user in one sentence, without a stack trace.
 */
final class LoadgenException extends RuntimeException {

	LoadgenException(String message) {
		super(message);
	}

}
