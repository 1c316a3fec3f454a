package com.anycompany.shop.order;

import com.anycompany.shop.clients.problem.ProblemException;

import org.springframework.http.HttpStatus;

/** The cart holds a product the catalog no longer sells: the order cannot be priced. */
class ProductUnavailableException extends ProblemException {

	ProductUnavailableException(String productId) {
		super(HttpStatus.UNPROCESSABLE_ENTITY, "Product unavailable",
				"Product " + productId + " is no longer in the catalog; remove it from the cart");
	}

}
