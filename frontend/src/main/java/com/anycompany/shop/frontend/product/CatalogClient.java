package com.anycompany.shop.frontend.product;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import com.anycompany.shop.frontend.system.ServiceUnavailableException;
import com.anycompany.shop.tracing.RemoteServiceClients;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Calls catalogservice. Every page needs it, so when it cannot answer the page cannot be
 * shown: {@link ServiceUnavailableException}.
 */
@Component
public class CatalogClient {

	static final String SERVICE = "catalogservice";

	/** What a product id can look like; anything else is not asked for. */
	private static final Pattern PRODUCT_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

	private static final ParameterizedTypeReference<List<Product>> PRODUCTS = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<List<String>> NAMES = new ParameterizedTypeReference<>() {
	};

	private final RestClient rest;

	public CatalogClient(RemoteServiceClients clients, @Value("${shop.endpoints.catalog}") String baseUrl) {
		this.rest = clients.builder(SERVICE, baseUrl).build();
	}

	/** All products, or those of one category when it is given; sorted by id. */
	public List<Product> products(String category) {
		try {
			List<Product> products = StringUtils.hasText(category)
					? this.rest.get().uri("/api/v1/products?category={category}", category).retrieve().body(PRODUCTS)
					: this.rest.get().uri("/api/v1/products").retrieve().body(PRODUCTS);
			return (products != null) ? products : List.of();
		}
		catch (RestClientException ex) {
			throw new ServiceUnavailableException(SERVICE, ex);
		}
	}

	/** The product, or empty when the catalog has no such product. */
	public Optional<Product> product(String id) {
		if (id == null || !PRODUCT_ID.matcher(id).matches()) {
			return Optional.empty();
		}
		try {
			return Optional.ofNullable(this.rest.get().uri("/api/v1/product/{id}", id).retrieve().body(Product.class));
		}
		catch (HttpClientErrorException.NotFound | HttpClientErrorException.BadRequest ex) {
			return Optional.empty();
		}
		catch (RestClientException ex) {
			throw new ServiceUnavailableException(SERVICE, ex);
		}
	}

	/** The category names, sorted. */
	public List<String> categories() {
		try {
			List<String> categories = this.rest.get().uri("/api/v1/categories").retrieve().body(NAMES);
			return (categories != null) ? categories : List.of();
		}
		catch (RestClientException ex) {
			throw new ServiceUnavailableException(SERVICE, ex);
		}
	}

}
