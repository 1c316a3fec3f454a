package com.anycompany.shop.launcher;

/**
 * A problem the user can act on, told in plain words: the command line prints its message
 * and no stack trace.
 */
public class LaunchException extends RuntimeException {

	public LaunchException(String message) {
		super(message);
	}

	public LaunchException(String message, Throwable cause) {
		super(message, cause);
	}

}
