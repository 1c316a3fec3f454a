package com.anycompany.shop.frontend.checkout;

import java.util.Map;
import java.util.Optional;

import com.anycompany.shop.clients.problem.DownstreamRejectedException;
import com.anycompany.shop.clients.problem.DownstreamUnavailableException;

import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * orderservice, in the storefront's terms. Placing an order waits longer than other calls
 * ({@code spring.http.serviceclient.orderservice.read-timeout}): more than the whole
 * chain of calls behind it.
 */
@Component
public class OrderClient {

	private final OrderApi api;

	public OrderClient(OrderApi api) {
		this.api = api;
	}

	/**
	 * Places the order (201), or returns the one already placed with this key (200).
	 * @throws EmptyCartException when there is nothing in the cart
	 * @throws OrderRejectedException when orderservice refuses the details
	 * @throws DownstreamUnavailableException when no answer came: the order may or may
	 * not exist, {@link #placedWith(String)} tells
	 */
	public Order place(PlaceOrderRequest request) {
		Order order;
		try {
			order = this.api.place(request);
		}
		catch (DownstreamRejectedException ex) {
			int status = ex.getStatusCode().value();
			if (status == 409 || status == 422) {
				throw new EmptyCartException(ex);
			}
			throw new OrderRejectedException(ex.getBody().getDetail(), fields(ex.fieldErrors()));
		}
		if (order == null || order.orderId() == null) {
			throw new DownstreamUnavailableException("orderservice", "it answered without an order", null);
		}
		return order;
	}

	/** The order, or empty when there is no such order. */
	public Optional<Order> get(String orderId) {
		return this.api.get(orderId);
	}

	/** The order this idempotency key placed, if it placed one. */
	public Optional<Order> placedWith(String idempotencyKey) {
		return this.api.placedWith(idempotencyKey);
	}

	/** orderservice names fields by path ({@code shipping.country}); the form by name. */
	private static Map<String, String> fields(Map<String, String> paths) {
		Map<String, String> fields = new java.util.LinkedHashMap<>();
		paths.forEach((path, message) -> fields.putIfAbsent(path.substring(path.lastIndexOf('.') + 1), message));
		return fields;
	}

	/** The HTTP service group {@code orderservice}. */
	@HttpExchange("/api/v1/order")
	public interface OrderApi {

		@PostExchange
		Order place(@RequestBody PlaceOrderRequest request);

		@GetExchange("/{orderId}")
		Optional<Order> get(@PathVariable String orderId);

		@GetExchange
		Optional<Order> placedWith(@RequestParam String idempotencyKey);

	}

}
