package com.anycompany.shop.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Requests and orders shared by the tests. */
final class OrderFixtures {

	static final OrderRequest.Customer CUSTOMER = new OrderRequest.Customer("Ana Silva", "ana@example.test");

	static final OrderRequest.Shipping SHIPPING = new OrderRequest.Shipping("1 Main St", "Springfield", "12345", "US");

	private OrderFixtures() {
	}

	static OrderRequest request(String idempotencyKey, String cartId) {
		return new OrderRequest(idempotencyKey, cartId, CUSTOMER, SHIPPING);
	}

	static String json(String idempotencyKey, String cartId) {
		return """
				{"idempotencyKey":"%s","cartId":"%s",
				 "customer":{"name":"Ana Silva","email":"ana@example.test"},
				 "shipping":{"street":"1 Main St","city":"Springfield","postalCode":"12345","country":"US"}}"""
			.formatted(idempotencyKey, cartId);
	}

	static Order order(String idempotencyKey, String cartId) {
		OrderLine line = new OrderLine("P-0001", "Copper Kettle", new BigDecimal("34.90"), 2, new BigDecimal("69.80"));
		return new Order(OrderIds.fromIdempotencyKey(idempotencyKey), idempotencyKey, cartId, CUSTOMER, SHIPPING,
				List.of(line), new BigDecimal("69.80"), "USD", Order.PLACED, Instant.parse("2026-11-25T10:00:00Z"));
	}

	static String product(String id, String name, String price) {
		return """
				{"id":"%s","name":"%s","description":"Fine.","category":"kitchen","price":%s,
				 "currency":"USD","image":"product-%s","tags":["kitchen"]}""".formatted(id, name, price,
				id.toLowerCase());
	}

}
