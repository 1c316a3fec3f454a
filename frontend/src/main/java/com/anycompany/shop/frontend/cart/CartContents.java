package com.anycompany.shop.frontend.cart;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import com.anycompany.shop.frontend.product.CatalogClient;
import com.anycompany.shop.frontend.product.Product;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Loads a cart and the products of its lines. The products are fetched in parallel on
 * Spring Boot's application task executor, whose task decorator (from the tracing module)
 * keeps each call a sibling subsegment of the request's segment.
 */
@Component
public class CartContents {

	private final CartClient carts;

	private final CatalogClient catalog;

	private final AsyncTaskExecutor executor;

	CartContents(CartClient carts, CatalogClient catalog,
			@Qualifier("applicationTaskExecutor") AsyncTaskExecutor executor) {
		this.carts = carts;
		this.catalog = catalog;
		this.executor = executor;
	}

	public CartView load(String cartId) {
		Cart cart = this.carts.get(cartId);
		List<CompletableFuture<Optional<CartLine>>> lines = cart.items()
			.stream()
			.map((item) -> CompletableFuture.supplyAsync(() -> line(item), this.executor))
			.toList();
		// wait for every call, so none outlives the request's segment even when one fails
		CompletableFuture.allOf(lines.toArray(CompletableFuture[]::new)).exceptionally((ex) -> null).join();
		try {
			List<Optional<CartLine>> loaded = lines.stream().map(CompletableFuture::join).toList();
			List<CartLine> found = loaded.stream().flatMap(Optional::stream).toList();
			return new CartView(cart.cartId(), found, loaded.size() - found.size());
		}
		catch (CompletionException ex) {
			// the catalog failed for one of them: the page fails as a whole, with the
			// real cause
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw ex;
		}
	}

	private Optional<CartLine> line(Cart.Item item) {
		Optional<Product> product = this.catalog.product(item.productId());
		return product.map((p) -> new CartLine(p, item.quantity()));
	}

}
