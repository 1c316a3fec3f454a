package com.anycompany.shop.cart;

import com.anycompany.shop.constraints.ShopId;
import com.anycompany.shop.clients.catalog.ProductNotFoundException;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/cart")
class CartController {

	static final int MAX_LINES = 50;

	private final CartRepository carts;

	private final CatalogClient catalog;

	CartController(CartRepository carts, CatalogClient catalog) {
		this.carts = carts;
		this.catalog = catalog;
	}

	@GetMapping("/{cartId}")
	Cart cart(@PathVariable @ShopId String cartId) {
		return this.carts.find(cartId);
	}

	@PostMapping
	Cart add(@Valid @RequestBody AddToCartRequest request) {
		if (this.catalog.product(request.productId()).isEmpty()) {
			throw new ProductNotFoundException(request.productId());
		}
		return this.carts.add(request.cartId(), request.productId(), request.quantity());
	}

	@DeleteMapping("/{cartId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void empty(@PathVariable @ShopId String cartId) {
		this.carts.delete(cartId);
	}

	@DeleteMapping("/{cartId}/item/{productId}")
	Cart remove(@PathVariable @ShopId String cartId, @PathVariable @ShopId String productId) {
		return this.carts.remove(cartId, productId);
	}

}
