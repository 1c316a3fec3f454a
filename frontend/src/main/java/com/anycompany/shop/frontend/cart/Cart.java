package com.anycompany.shop.frontend.cart;

import java.util.List;

/**
 * A cart as cartservice returns it.
 */
public record Cart(String cartId, List<Item> items) {

	public Cart {
		items = (items != null) ? List.copyOf(items) : List.of();
	}

	/** How many pieces are in the cart (the navbar badge). */
	public int itemCount() {
		return this.items.stream().mapToInt(Item::quantity).sum();
	}

	/** One line of the cart. */
	public record Item(String productId, int quantity) {
	}

}
