package com.anycompany.shop.order;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Nothing to order: the cart has no lines (or was already ordered). */
class EmptyCartException extends ErrorResponseException {

	EmptyCartException(String cartId) {
		super(HttpStatus.CONFLICT, problem("Cart " + cartId + " is empty; add products before placing an order"), null);
	}

	private static ProblemDetail problem(String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
		problem.setTitle("Cart is empty");
		return problem;
	}

}
