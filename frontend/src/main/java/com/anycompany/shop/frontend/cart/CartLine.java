package com.anycompany.shop.frontend.cart;

import java.math.BigDecimal;

import com.anycompany.shop.frontend.product.Product;

/**
 * One line of the cart as the shopper sees it.
 */
public record CartLine(Product product, int quantity) {

	public BigDecimal lineTotal() {
		return this.product.price().multiply(BigDecimal.valueOf(this.quantity));
	}

}
