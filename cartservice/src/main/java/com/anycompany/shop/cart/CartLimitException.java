package com.anycompany.shop.cart;

import com.anycompany.shop.clients.problem.ProblemException;

import org.springframework.http.HttpStatus;

/** The change would take a line past its limit, or the cart past its number of lines. */
class CartLimitException extends ProblemException {

	CartLimitException(String detail) {
		super(HttpStatus.BAD_REQUEST, "Cart limit exceeded", detail);
	}

}
