package com.anycompany.shop.recommender.catalog;

import java.util.List;
import java.util.Optional;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

/**
 * Reads products from the catalog service, the HTTP service group {@code catalogservice}:
 * every call is a {@code catalogservice} subsegment, and a catalog that cannot answer is
 * a 503 naming it.
 * <p>
 * Deliberately no cache: each recommendation asks the catalog again (one GetItem and one
 * index Query there), so the service map always shows the recommender's edge to the
 * catalog, and a price or category change is visible at once.
 */
@HttpExchange("/api/v1")
public interface CatalogClient {

	/** One product, or empty when the catalog has no such product. */
	@GetExchange("/product/{id}")
	Optional<Product> product(@PathVariable String id);

	/** Every product of a category, or of the whole catalog when it is null. */
	@GetExchange("/products")
	List<Product> products(@RequestParam(required = false) String category);

}
