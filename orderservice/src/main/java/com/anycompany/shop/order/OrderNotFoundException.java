package com.anycompany.shop.order;

import com.anycompany.shop.clients.problem.ProblemException;

import org.springframework.http.HttpStatus;

/** No order with this id. */
class OrderNotFoundException extends ProblemException {

	OrderNotFoundException(String orderId) {
		super(HttpStatus.NOT_FOUND, "Order not found", "No order with id " + orderId);
	}

}
