package com.anycompany.shop.frontend.checkout;

/**
 * orderservice refused to place an order for an empty cart.
 */
class EmptyCartException extends RuntimeException {

	EmptyCartException(Throwable cause) {
		super("The cart is empty", cause);
	}

}
