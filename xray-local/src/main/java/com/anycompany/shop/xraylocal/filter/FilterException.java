package com.anycompany.shop.xraylocal.filter;

/**
 * A filter expression that cannot be parsed, with the 1-based position of the problem.
 */
public final class FilterException extends IllegalArgumentException {

	private final int position;

	public FilterException(String problem, int position) {
		super("Invalid filter expression at position " + position + ": " + problem);
		this.position = position;
	}

	/** 1-based character position in the expression. */
	public int position() {
		return this.position;
	}

}
