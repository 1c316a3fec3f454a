package com.anycompany.shop.frontend.cart;

import com.anycompany.shop.clients.catalog.ProductNotFoundException;
import com.anycompany.shop.clients.problem.DownstreamRejectedException;

import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.DeleteExchange;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * cartservice, in the storefront's terms: a 404 when adding is an unknown product, a 400
 * a quantity the cart will not hold. When cartservice cannot answer, the cart pages
 * cannot be shown (the shared {@code DownstreamUnavailableException}).
 */
@Component
public class CartClient {

	private final CartApi api;

	public CartClient(CartApi api) {
		this.api = api;
	}

	public Cart get(String cartId) {
		return orEmpty(cartId, this.api.get(cartId));
	}

	/**
	 * Adds pieces of a product to the cart.
	 * @throws ProductNotFoundException when the catalog has no such product
	 * @throws QuantityRejectedException when the line would hold too many pieces
	 */
	public Cart add(String cartId, String productId, int quantity) {
		try {
			return orEmpty(cartId, this.api.add(new AddToCartRequest(cartId, productId, quantity)));
		}
		catch (DownstreamRejectedException ex) {
			if (ex.isNotFound()) {
				throw new ProductNotFoundException(productId);
			}
			throw new QuantityRejectedException(ex.getBody().getDetail());
		}
	}

	public Cart remove(String cartId, String productId) {
		return orEmpty(cartId, this.api.remove(cartId, productId));
	}

	private static Cart orEmpty(String cartId, Cart cart) {
		return (cart != null) ? cart : new Cart(cartId, null);
	}

	/** The HTTP service group {@code cartservice}. */
	@HttpExchange("/api/v1/cart")
	public interface CartApi {

		@GetExchange("/{cartId}")
		Cart get(@PathVariable String cartId);

		@PostExchange
		Cart add(@RequestBody AddToCartRequest request);

		@DeleteExchange("/{cartId}/item/{productId}")
		Cart remove(@PathVariable String cartId, @PathVariable String productId);

	}

}
