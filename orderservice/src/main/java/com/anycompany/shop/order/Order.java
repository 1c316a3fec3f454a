package com.anycompany.shop.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A placed order, priced by the catalog at the time it was placed. */
public record Order(String orderId, String idempotencyKey, String cartId, OrderRequest.Customer customer,
		OrderRequest.Shipping shipping, List<OrderLine> lines, BigDecimal total, String currency, String status,
		Instant createdAt) {

	public static final String PLACED = "PLACED";

	public Order {
		lines = List.copyOf(lines);
	}

}
