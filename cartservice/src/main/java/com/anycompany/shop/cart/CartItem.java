package com.anycompany.shop.cart;

/** One line of a cart: a product and how many of it. */
public record CartItem(String productId, int quantity) {

}
