package com.anycompany.shop.cart;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The catalog does not know the product: nothing is added. */
class ProductNotFoundException extends ErrorResponseException {

	ProductNotFoundException(String productId) {
		super(HttpStatus.NOT_FOUND, problem(productId), null);
	}

	private static ProblemDetail problem(String productId) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
				"No product with id " + productId + " in the catalog");
		problem.setTitle("Product not found");
		return problem;
	}

}
