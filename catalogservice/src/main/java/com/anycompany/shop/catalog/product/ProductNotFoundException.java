package com.anycompany.shop.catalog.product;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A well-formed product id that the catalog does not hold: 404 problem details. */
class ProductNotFoundException extends ErrorResponseException {

	ProductNotFoundException(String id) {
		super(HttpStatus.NOT_FOUND, problem(id), null);
	}

	private static ProblemDetail problem(String id) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No product with id " + id);
		problem.setTitle("Product not found");
		return problem;
	}

}
