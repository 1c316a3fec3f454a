package com.anycompany.shop.frontend.checkout;

/**
 * orderservice found the order details unacceptable (a 400 problem).
 */
class OrderRejectedException extends RuntimeException {

	OrderRejectedException(String detail) {
		super(detail);
	}

}
