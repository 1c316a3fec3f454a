package com.anycompany.shop.xraylocal.ingest;

/**
 * A document that was not stored, with the reason it is counted under.
 */
public final class Rejection extends Exception {

	private final String reason;

	public Rejection(String reason, String message) {
		super(message, null, false, false);
		this.reason = reason;
	}

	/** A short, stable name such as {@code missing_trace_id}, used as a counter key. */
	public String reason() {
		return this.reason;
	}

}
