package com.anycompany.shop.recommender.recommendation;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.anycompany.shop.recommender.catalog.CatalogClient;
import com.anycompany.shop.recommender.catalog.Product;
import com.anycompany.shop.clients.catalog.ProductNotFoundException;

import org.springframework.stereotype.Component;

/**
 * Picks the products to show next to one product: same category first, then the nearest
 * price, then the id, so the same catalog always gives the same answer.
 */
@Component
class Recommender {

	static final int LIMIT = 4;

	private final CatalogClient catalog;

	Recommender(CatalogClient catalog) {
		this.catalog = catalog;
	}

	/**
	 * Up to {@value #LIMIT} other products. Asks the catalog for the product, then for
	 * its category; only a category too small to fill the list costs a third call for the
	 * whole catalog.
	 */
	List<Product> recommendationsFor(String productId) {
		Product product = this.catalog.product(productId).orElseThrow(() -> new ProductNotFoundException(productId));
		List<Product> picks = rank(product, orEmpty(this.catalog.products(product.category())));
		if (picks.size() < LIMIT) {
			picks = rank(product, orEmpty(this.catalog.products(null)));
		}
		return picks;
	}

	private static List<Product> orEmpty(List<Product> products) {
		return (products != null) ? products : List.of();
	}

	static List<Product> rank(Product product, Collection<Product> candidates) {
		Comparator<Product> order = Comparator
			.comparing((Product candidate) -> !Objects.equals(candidate.category(), product.category()))
			.thenComparing((candidate) -> priceDistance(product, candidate),
					Comparator.nullsLast(Comparator.naturalOrder()))
			.thenComparing(Product::id, Comparator.nullsLast(Comparator.naturalOrder()));
		Map<String, Product> distinct = new LinkedHashMap<>();
		candidates.stream()
			.filter((candidate) -> candidate.id() != null && !candidate.id().equals(product.id()))
			.forEach((candidate) -> distinct.putIfAbsent(candidate.id(), candidate));
		return distinct.values().stream().sorted(order).limit(LIMIT).toList();
	}

	private static BigDecimal priceDistance(Product product, Product candidate) {
		if (product.price() == null || candidate.price() == null) {
			return null;
		}
		return product.price().subtract(candidate.price()).abs();
	}

}
