package com.anycompany.shop.order;

import java.math.BigDecimal;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * Calls to catalogservice, through a {@link RestClient} from the tracing module's
 * {@code RemoteServiceClients} (timeouts, a subsegment per call, the trace header).
 */
public class CatalogClient {

	private static final String SERVICE = "catalogservice";

	private final RestClient http;

	public CatalogClient(RestClient http) {
		this.http = http;
	}

	/**
	 * The product with its current price, or empty when the catalog does not hold it.
	 * @throws DownstreamUnavailableException when catalogservice cannot answer
	 */
	public Optional<CatalogProduct> product(String productId) {
		try {
			return this.http.get().uri("/api/v1/product/{id}", productId).exchange((request, response) -> {
				HttpStatusCode status = response.getStatusCode();
				if (status.value() == 404) {
					return Optional.empty();
				}
				if (!status.is2xxSuccessful()) {
					throw new DownstreamUnavailableException(SERVICE, "it answered " + status.value(), null);
				}
				CatalogProduct product = response.bodyTo(CatalogProduct.class);
				if (product == null || product.price() == null) {
					throw new DownstreamUnavailableException(SERVICE, "it answered without a price", null);
				}
				return Optional.of(product);
			});
		}
		catch (ResourceAccessException ex) {
			throw new DownstreamUnavailableException(SERVICE, "no answer", ex);
		}
	}

	/** What an order needs of a product. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record CatalogProduct(String id, String name, BigDecimal price, String currency) {

	}

}
