package com.anycompany.shop.cart;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

/**
 * What cartservice asks catalogservice: the HTTP service group {@code catalogservice}
 * (timeouts, a subsegment per call, and the shop's status mapping: an unreachable or
 * failing catalog is a 503 naming it).
 */
@HttpExchange("/api/v1")
public interface CatalogClient {

	/** The product, or empty when the catalog does not know it. */
	@GetExchange("/product/{id}")
	Optional<CatalogProduct> product(@PathVariable String id);

	/** The part of a product the cart needs: that it exists. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record CatalogProduct(String id) {

	}

}
