package com.anycompany.shop.frontend.stub;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import com.anycompany.shop.frontend.product.Product;

/**
 * Products for the controller tests, from the stub catalog.
 */
public final class Products {

	private Products() {
	}

	public static Product product(String id) {
		StubCatalog.Item item = StubCatalog.find(id).orElseThrow();
		return new Product(item.id(), item.name(), "A sturdy " + item.name().toLowerCase(Locale.ROOT) + ".",
				item.category(), new BigDecimal(item.price()), "USD", "product-" + item.id().toLowerCase(Locale.ROOT),
				List.of(item.category()));
	}

	public static List<Product> all() {
		return StubCatalog.ITEMS.stream().map((item) -> product(item.id())).toList();
	}

}
