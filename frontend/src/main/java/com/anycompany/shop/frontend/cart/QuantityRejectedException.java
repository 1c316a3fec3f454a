package com.anycompany.shop.frontend.cart;

/**
 * cartservice refused the quantity (a line never holds more than 99 pieces).
 */
class QuantityRejectedException extends RuntimeException {

	QuantityRejectedException(String detail) {
		super(detail);
	}

}
