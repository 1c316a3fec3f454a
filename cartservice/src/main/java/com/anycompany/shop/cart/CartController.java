package com.anycompany.shop.cart;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;

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

	/** Cart and product ids: letters, digits and dashes, at most 64. */
	static final String ID_PATTERN = "[A-Za-z0-9-]{1,64}";

	static final int MAX_QUANTITY = 99;

	static final int MAX_LINES = 50;

	private final CartRepository carts;

	private final CatalogClient catalog;

	CartController(CartRepository carts, CatalogClient catalog) {
		this.carts = carts;
		this.catalog = catalog;
	}

	@GetMapping("/{cartId}")
	Cart cart(@PathVariable @Pattern(regexp = ID_PATTERN) String cartId) {
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
	void empty(@PathVariable @Pattern(regexp = ID_PATTERN) String cartId) {
		this.carts.delete(cartId);
	}

	@DeleteMapping("/{cartId}/item/{productId}")
	Cart remove(@PathVariable @Pattern(regexp = ID_PATTERN) String cartId,
			@PathVariable @Pattern(regexp = ID_PATTERN) String productId) {
		return this.carts.remove(cartId, productId);
	}

}
