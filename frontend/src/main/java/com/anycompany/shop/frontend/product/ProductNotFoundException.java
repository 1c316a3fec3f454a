package com.anycompany.shop.frontend.product;

/**
 * The shopper asked for a product the catalog does not have: a friendly 404 page.
 */
public class ProductNotFoundException extends RuntimeException {

	private final String productId;

	public ProductNotFoundException(String productId) {
		super("No product " + productId);
		this.productId = productId;
	}

	public String getProductId() {
		return this.productId;
	}

}
