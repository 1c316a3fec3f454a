package com.anycompany.shop.frontend.product;

import java.util.List;
import java.util.Optional;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

/**
 * catalogservice's API, as the storefront calls it: the HTTP service group
 * {@code catalogservice}.
 */
@HttpExchange("/api/v1")
public interface CatalogApi {

	@GetExchange("/products")
	List<Product> products(@RequestParam(required = false) String category);

	@GetExchange("/products?featured=true")
	List<Product> featured();

	@GetExchange("/product/{id}")
	Optional<Product> product(@PathVariable String id);

	@GetExchange("/categories")
	List<String> categories();

}
