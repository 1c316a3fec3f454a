package com.anycompany.shop.frontend.product;

import java.math.BigDecimal;
import java.util.List;

/**
 * A product as catalogservice (and recommenderservice) describe it.
 */
public record Product(String id, String name, String description, String category, BigDecimal price, String currency,
		String image, List<String> tags) {

	public Product {
		tags = (tags != null) ? List.copyOf(tags) : List.of();
	}

}
