package com.anycompany.shop.catalog.product;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OriginalCatalogTests {

	private final List<Product> products = OriginalCatalog.products();

	@Test
	void holdsTheAgreedTwentyFourProductsInOrder() {
		List<String> expectedIds = IntStream.rangeClosed(1, 24).mapToObj((n) -> "P-%04d".formatted(n)).toList();
		assertThat(this.products).extracting(Product::id).containsExactlyElementsOf(expectedIds);
		assertThat(this.products).extracting(Product::name)
			.contains("Copper Kettle", "Chef's Knife", "Solar Lantern", "Headlamp", "Brass Bookends");
	}

	@Test
	void hasSixProductsInEachOfFourCategories() {
		Map<String, Long> perCategory = this.products.stream()
			.collect(Collectors.groupingBy(Product::category, Collectors.counting()));
		assertThat(perCategory).containsOnly(Map.entry("kitchen", 6L), Map.entry("garden", 6L),
				Map.entry("outdoors", 6L), Map.entry("office", 6L));
	}

	@Test
	void everyProductIsComplete() {
		assertThat(this.products).allSatisfy((product) -> {
			assertThat(product.image()).isEqualTo("product-" + product.id().toLowerCase());
			assertThat(product.price()).isPositive();
			assertThat(product.price().scale()).isEqualTo(2);
			assertThat(product.currency()).isEqualTo("USD");
			assertThat(product.description()).hasSizeGreaterThan(30);
			assertThat(product.tags()).first().isEqualTo(product.category());
		});
		assertThat(this.products).extracting(Product::price).doesNotContain(BigDecimal.ZERO);
	}

}
