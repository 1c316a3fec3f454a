package com.anycompany.shop.recommender.catalog;

/**
 * The catalog answered that it has no product with this id.
 */
public class ProductNotFoundException extends RuntimeException {

	private final String productId;

	public ProductNotFoundException(String productId) {
		super("No product with id " + productId);
		this.productId = productId;
	}

	public String getProductId() {
		return this.productId;
	}

}
