package com.anycompany.shop.catalog.product;

import java.math.BigDecimal;
import java.util.List;

/**
 * A product as the shop shows it. Prices are in {@code currency}, two decimals.
 */
public record Product(String id, String name, String description, String category, BigDecimal price, String currency,
		String image, List<String> tags) {

	public Product {
		tags = List.copyOf(tags);
	}

}
