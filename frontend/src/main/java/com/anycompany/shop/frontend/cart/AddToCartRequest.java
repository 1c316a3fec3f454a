package com.anycompany.shop.frontend.cart;

/**
 * The body of {@code POST /api/v1/cart}.
 */
record AddToCartRequest(String cartId, String productId, int quantity) {
}
