package com.anycompany.shop.cart;

import java.util.List;

/** A cart and its lines, in the order the products were first added. */
public record Cart(String cartId, List<CartItem> items) {

	public Cart {
		items = List.copyOf(items);
	}

	static Cart empty(String cartId) {
		return new Cart(cartId, List.of());
	}

}
