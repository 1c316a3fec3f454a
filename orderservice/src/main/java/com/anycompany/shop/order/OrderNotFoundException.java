package com.anycompany.shop.order;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** No order with this id. */
class OrderNotFoundException extends ErrorResponseException {

	OrderNotFoundException(String orderId) {
		super(HttpStatus.NOT_FOUND, problem("No order with id " + orderId), null);
	}

	private static ProblemDetail problem(String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
		problem.setTitle("Order not found");
		return problem;
	}

}
