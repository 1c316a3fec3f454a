package com.anycompany.shop.clients.catalog;

import java.util.Map;

import com.anycompany.shop.clients.problem.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * The catalog holds no product with this id, whichever part of the shop asked (the
 * catalog itself, the cart, the recommender, the storefront): 404, with the id in the
 * property {@code productId}.
 */
public class ProductNotFoundException extends ProblemException {

	private final String productId;

	public ProductNotFoundException(String productId) {
		super(HttpStatus.NOT_FOUND, "Product not found", "No product with id " + productId,
				Map.of("productId", productId));
		this.productId = productId;
	}

	public String getProductId() {
		return this.productId;
	}

}
