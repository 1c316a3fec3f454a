package com.anycompany.shop.cart;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The change would take a line past its limit, or the cart past its number of lines. */
class CartLimitException extends ErrorResponseException {

	CartLimitException(String detail) {
		super(HttpStatus.BAD_REQUEST, problem(detail), null);
	}

	private static ProblemDetail problem(String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setTitle("Cart limit exceeded");
		return problem;
	}

}
