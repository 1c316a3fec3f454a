package com.anycompany.shop.cart;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * Adds {@code quantity} of a product to a cart (the line grows; it never exceeds
 * {@value CartController#MAX_QUANTITY}).
 */
record AddToCartRequest(@NotNull @Pattern(regexp = CartController.ID_PATTERN) String cartId,
		@NotNull @Pattern(regexp = CartController.ID_PATTERN) String productId,
		@NotNull @Min(1) @Max(CartController.MAX_QUANTITY) Integer quantity) {

}
