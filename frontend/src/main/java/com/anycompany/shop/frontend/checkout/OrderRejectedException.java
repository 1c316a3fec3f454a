package com.anycompany.shop.frontend.checkout;

import java.util.Map;

/**
 * orderservice found the order details unacceptable (a 400 problem), naming the fields.
 */
class OrderRejectedException extends RuntimeException {

	private final Map<String, String> fieldErrors;

	OrderRejectedException(String detail, Map<String, String> fieldErrors) {
		super(detail);
		this.fieldErrors = Map.copyOf(fieldErrors);
	}

	/** The rejected form fields (by the form's field names) and why. */
	Map<String, String> fieldErrors() {
		return this.fieldErrors;
	}

}
