package com.anycompany.shop.recommender.catalog;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The catalog answered that it has no product with this id: 404 problem details.
 */
public class ProductNotFoundException extends ErrorResponseException {

	private final String productId;

	public ProductNotFoundException(String productId) {
		super(HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, message(productId)), null);
		this.productId = productId;
	}

	public String getProductId() {
		return this.productId;
	}

	@Override
	public String getMessage() {
		return message(this.productId);
	}

	private static String message(String productId) {
		return "No product with id " + productId;
	}

}
