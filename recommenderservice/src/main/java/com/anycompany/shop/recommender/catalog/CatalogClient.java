package com.anycompany.shop.recommender.catalog;

import java.util.List;
import java.util.Optional;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Reads products from the catalog service. The {@link RestClient} comes from
 * {@code RemoteServiceClients}, so every call is a {@code catalogservice} subsegment.
 * <p>
 * Deliberately no cache: each recommendation asks the catalog again, so the service map
 * always shows the recommender's edge to the catalog, and a price or category change is
 * visible at once. Two small calls per request are cheap next to the page that shows
 * them.
 */
public class CatalogClient {

	private static final ParameterizedTypeReference<List<Product>> PRODUCT_LIST = new ParameterizedTypeReference<>() {
	};

	private final RestClient restClient;

	public CatalogClient(RestClient restClient) {
		this.restClient = restClient;
	}

	/**
	 * One product.
	 * @throws ProductNotFoundException when the catalog has no such product
	 * @throws CatalogUnavailableException when the catalog cannot answer
	 */
	public Product product(String id) {
		try {
			Product product = this.restClient.get()
				.uri("/api/v1/product/{id}", id)
				.retrieve()
				.onStatus((status) -> status.value() == HttpStatus.NOT_FOUND.value(), (request, response) -> {
					throw new ProductNotFoundException(id);
				})
				.body(Product.class);
			if (product == null) {
				throw new CatalogUnavailableException("The catalog answered product " + id + " with no body", null);
			}
			return product;
		}
		catch (RestClientException ex) {
			throw unavailable(ex);
		}
	}

	/**
	 * Every product of a category, or of the whole catalog when {@code category} is null.
	 * @throws CatalogUnavailableException when the catalog cannot answer
	 */
	public List<Product> products(String category) {
		try {
			List<Product> products = this.restClient.get()
				.uri((uri) -> uri.path("/api/v1/products")
					.queryParamIfPresent("category", Optional.ofNullable(category))
					.build())
				.retrieve()
				.body(PRODUCT_LIST);
			return (products != null) ? products : List.of();
		}
		catch (RestClientException ex) {
			throw unavailable(ex);
		}
	}

	private static CatalogUnavailableException unavailable(RestClientException ex) {
		return new CatalogUnavailableException("The catalog service could not answer: " + ex.getMessage(), ex);
	}

}
