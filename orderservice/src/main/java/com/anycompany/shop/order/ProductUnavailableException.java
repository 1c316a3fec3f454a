package com.anycompany.shop.order;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The cart holds a product the catalog no longer sells: the order cannot be priced. */
class ProductUnavailableException extends ErrorResponseException {

	ProductUnavailableException(String productId) {
		super(HttpStatus.UNPROCESSABLE_ENTITY,
				problem("Product " + productId + " is no longer in the catalog; remove it from the cart"), null);
	}

	private static ProblemDetail problem(String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, detail);
		problem.setTitle("Product unavailable");
		return problem;
	}

}
