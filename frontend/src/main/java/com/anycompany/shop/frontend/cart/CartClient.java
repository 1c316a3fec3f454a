package com.anycompany.shop.frontend.cart;

import com.anycompany.shop.frontend.product.ProductNotFoundException;
import com.anycompany.shop.frontend.system.ServiceUnavailableException;
import com.anycompany.shop.tracing.RemoteServiceClients;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Calls cartservice. The cart pages cannot be shown without it:
 * {@link ServiceUnavailableException} when it does not answer.
 */
@Component
public class CartClient {

	static final String SERVICE = "cartservice";

	private final RestClient rest;

	public CartClient(RemoteServiceClients clients, @Value("${shop.endpoints.cart}") String baseUrl) {
		this.rest = clients.builder(SERVICE, baseUrl).build();
	}

	public Cart get(String cartId) {
		try {
			return orEmpty(cartId, this.rest.get().uri("/api/v1/cart/{cartId}", cartId).retrieve().body(Cart.class));
		}
		catch (RestClientException ex) {
			throw new ServiceUnavailableException(SERVICE, ex);
		}
	}

	/**
	 * Adds pieces of a product to the cart.
	 * @throws ProductNotFoundException when the catalog has no such product
	 * @throws QuantityRejectedException when the line would hold too many pieces
	 */
	public Cart add(String cartId, String productId, int quantity) {
		try {
			Cart cart = this.rest.post()
				.uri("/api/v1/cart")
				.body(new AddToCartRequest(cartId, productId, quantity))
				.retrieve()
				.body(Cart.class);
			return orEmpty(cartId, cart);
		}
		catch (HttpClientErrorException.NotFound ex) {
			throw new ProductNotFoundException(productId);
		}
		catch (HttpClientErrorException.BadRequest ex) {
			throw new QuantityRejectedException(ex.getResponseBodyAsString());
		}
		catch (RestClientException ex) {
			throw new ServiceUnavailableException(SERVICE, ex);
		}
	}

	public Cart remove(String cartId, String productId) {
		try {
			Cart cart = this.rest.delete()
				.uri("/api/v1/cart/{cartId}/item/{productId}", cartId, productId)
				.retrieve()
				.body(Cart.class);
			return orEmpty(cartId, cart);
		}
		catch (RestClientException ex) {
			throw new ServiceUnavailableException(SERVICE, ex);
		}
	}

	private static Cart orEmpty(String cartId, Cart cart) {
		return (cart != null) ? cart : new Cart(cartId, null);
	}

}
