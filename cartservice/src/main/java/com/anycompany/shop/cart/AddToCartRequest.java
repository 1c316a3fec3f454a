package com.anycompany.shop.cart;

import com.anycompany.shop.constraints.Quantity;
import com.anycompany.shop.constraints.ShopId;
import jakarta.validation.constraints.NotNull;

/**
 * Adds {@code quantity} of a product to a cart (the line grows; it never exceeds
 * {@value Quantity#MAX}).
 */
record AddToCartRequest(@NotNull @ShopId String cartId, @NotNull @ShopId String productId,
		@NotNull @Quantity Integer quantity) {

}
