package com.anycompany.shop.frontend.cart;

import java.math.BigDecimal;
import java.util.List;

/**
 * The cart with its products, as the cart page and the checkout summary show it.
 *
 * @param missing how many lines name a product the catalog no longer has
 */
public record CartView(String cartId, List<CartLine> lines, int missing) {

	public CartView {
		lines = List.copyOf(lines);
	}

	public boolean isEmpty() {
		return this.lines.isEmpty();
	}

	public int itemCount() {
		return this.lines.stream().mapToInt(CartLine::quantity).sum();
	}

	public BigDecimal total() {
		return this.lines.stream().map(CartLine::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	public String currency() {
		return this.lines.stream().map((line) -> line.product().currency()).findFirst().orElse("USD");
	}

}
