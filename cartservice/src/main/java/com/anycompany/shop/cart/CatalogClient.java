package com.anycompany.shop.cart;

import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * Calls to catalogservice. The {@link RestClient} comes from the tracing module's
 * {@code RemoteServiceClients}: timeouts, a subsegment per call and the trace header.
 */
public class CatalogClient {

	private final RestClient http;

	public CatalogClient(RestClient http) {
		this.http = http;
	}

	/**
	 * Whether the catalog holds the product.
	 * @throws CatalogUnavailableException when the catalog cannot answer the question
	 */
	public boolean exists(String productId) {
		try {
			return this.http.get().uri("/api/v1/product/{id}", productId).exchange((request, response) -> {
				HttpStatusCode status = response.getStatusCode();
				if (status.is2xxSuccessful()) {
					return true;
				}
				if (status.value() == 404) {
					return false;
				}
				throw new CatalogUnavailableException("it answered " + status.value(), null);
			});
		}
		catch (ResourceAccessException ex) {
			throw new CatalogUnavailableException("no answer", ex);
		}
	}

}
