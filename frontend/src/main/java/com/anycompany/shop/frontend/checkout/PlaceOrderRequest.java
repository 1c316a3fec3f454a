package com.anycompany.shop.frontend.checkout;

/**
 * The body of {@code POST /api/v1/order}: the same idempotency key twice yields the same
 * order.
 */
record PlaceOrderRequest(String idempotencyKey, String cartId, Order.Customer customer, Order.Shipping shipping) {
}
