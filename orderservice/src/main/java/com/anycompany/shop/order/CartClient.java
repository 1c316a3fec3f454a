package com.anycompany.shop.order;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * Calls to cartservice, through a {@link RestClient} from the tracing module's
 * {@code RemoteServiceClients} (timeouts, a subsegment per call, the trace header).
 */
public class CartClient {

	private static final String SERVICE = "cartservice";

	private final RestClient http;

	public CartClient(RestClient http) {
		this.http = http;
	}

	/**
	 * The cart's lines (none for an unknown cart).
	 * @throws DownstreamUnavailableException when cartservice cannot answer
	 */
	public CartContents cart(String cartId) {
		try {
			return this.http.get().uri("/api/v1/cart/{cartId}", cartId).exchange((request, response) -> {
				requireSuccess(response.getStatusCode());
				CartContents cart = response.bodyTo(CartContents.class);
				if (cart == null) {
					throw new DownstreamUnavailableException(SERVICE, "it answered without a cart", null);
				}
				return cart;
			});
		}
		catch (ResourceAccessException ex) {
			throw new DownstreamUnavailableException(SERVICE, "no answer", ex);
		}
	}

	/**
	 * Empties the cart.
	 * @throws DownstreamUnavailableException when cartservice cannot answer
	 */
	public void empty(String cartId) {
		try {
			this.http.delete().uri("/api/v1/cart/{cartId}", cartId).exchange((request, response) -> {
				requireSuccess(response.getStatusCode());
				return null;
			});
		}
		catch (ResourceAccessException ex) {
			throw new DownstreamUnavailableException(SERVICE, "no answer", ex);
		}
	}

	private static void requireSuccess(HttpStatusCode status) {
		if (!status.is2xxSuccessful()) {
			throw new DownstreamUnavailableException(SERVICE, "it answered " + status.value(), null);
		}
	}

	/** A cart as cartservice returns it. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record CartContents(String cartId, List<Line> items) {

		public CartContents {
			items = (items != null) ? List.copyOf(items) : List.of();
		}

		@JsonIgnoreProperties(ignoreUnknown = true)
		public record Line(String productId, int quantity) {

		}

	}

}
