package com.anycompany.shop.order;

/**
 * The outcome of a submission.
 *
 * @param order the order, new or the one placed earlier with the same idempotency key
 * @param created whether this submission placed it
 */
record PlacedOrder(Order order, boolean created) {

}
