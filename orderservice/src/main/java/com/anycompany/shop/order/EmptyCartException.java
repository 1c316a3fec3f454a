package com.anycompany.shop.order;

import com.anycompany.shop.clients.problem.ProblemException;

import org.springframework.http.HttpStatus;

/** Nothing to order: the cart has no lines (or was already ordered). */
class EmptyCartException extends ProblemException {

	EmptyCartException(String cartId) {
		super(HttpStatus.CONFLICT, "Cart is empty",
				"Cart " + cartId + " is empty; add products before placing an order");
	}

}
