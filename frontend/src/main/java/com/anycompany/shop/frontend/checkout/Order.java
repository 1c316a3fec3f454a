package com.anycompany.shop.frontend.checkout;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An order as orderservice returns it. Its prices come from the catalog, never from the
 * storefront.
 */
public record Order(String orderId, String idempotencyKey, String cartId, Customer customer, Shipping shipping,
		List<Line> lines, BigDecimal total, String currency, String status, Instant createdAt) {

	public Order {
		lines = (lines != null) ? List.copyOf(lines) : List.of();
	}

	public int itemCount() {
		return this.lines.stream().mapToInt(Line::quantity).sum();
	}

	/** Who ordered. */
	public record Customer(String name, String email) {
	}

	/** Where it goes. */
	public record Shipping(String street, String city, String postalCode, String country) {
	}

	/** One priced line. */
	public record Line(String productId, String name, BigDecimal unitPrice, int quantity, BigDecimal lineTotal) {
	}

}
