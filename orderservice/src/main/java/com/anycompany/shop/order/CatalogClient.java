package com.anycompany.shop.order;

import java.math.BigDecimal;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

/**
 * What orderservice asks catalogservice: the current price of a product. The HTTP service
 * group {@code catalogservice} (timeouts, a subsegment per call, the shop's status
 * mapping).
 */
@HttpExchange("/api/v1")
public interface CatalogClient {

	/** The product with its current price, or empty when the catalog does not hold it. */
	@GetExchange("/product/{id}")
	Optional<CatalogProduct> product(@PathVariable String id);

	/** What an order needs of a product. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record CatalogProduct(String id, String name, BigDecimal price, String currency) {

	}

}
