package com.anycompany.shop.loadgen;

/**
 * What a shopper requests, one row of the report each, in the order they are shown.
 */
enum Page {

	HOME("GET /"),

	PRODUCT("GET /product/{id}"),

	/** Now and then a product id that does not exist: the storefront must answer 404. */
	UNKNOWN_PRODUCT("GET /product/{unknown id}"),

	IMAGE("GET /images/{name}"),

	CART("GET /cart"),

	ADD_TO_CART("POST /cart"),

	CHECKOUT("GET /cart/checkout"),

	PLACE_ORDER("POST /cart/order");

	private final String label;

	Page(String label) {
		this.label = label;
	}

	String label() {
		return this.label;
	}

}
