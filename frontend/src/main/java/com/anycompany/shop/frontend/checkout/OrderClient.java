package com.anycompany.shop.frontend.checkout;

import java.util.Optional;

import com.anycompany.shop.frontend.system.ServiceUnavailableException;
import com.anycompany.shop.tracing.RemoteServiceClients;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Calls orderservice.
 */
@Component
public class OrderClient {

	static final String SERVICE = "orderservice";

	private final RestClient rest;

	public OrderClient(RemoteServiceClients clients, @Value("${shop.endpoints.order}") String baseUrl) {
		this.rest = clients.builder(SERVICE, baseUrl).build();
	}

	/**
	 * Places the order (201), or returns the one already placed with this key (200).
	 * @throws EmptyCartException when there is nothing in the cart
	 * @throws OrderRejectedException when orderservice refuses the details
	 */
	public Order place(PlaceOrderRequest request) {
		try {
			Order order = this.rest.post().uri("/api/v1/order").body(request).retrieve().body(Order.class);
			if (order == null || order.orderId() == null) {
				throw new ServiceUnavailableException(SERVICE, new IllegalStateException("No order in the answer"));
			}
			return order;
		}
		catch (HttpClientErrorException ex) {
			if (ex.getStatusCode().isSameCodeAs(HttpStatus.CONFLICT)
					|| ex.getStatusCode().isSameCodeAs(HttpStatus.UNPROCESSABLE_CONTENT)) {
				throw new EmptyCartException(ex);
			}
			if (ex.getStatusCode().isSameCodeAs(HttpStatus.BAD_REQUEST)) {
				throw new OrderRejectedException(ex.getResponseBodyAsString());
			}
			throw new ServiceUnavailableException(SERVICE, ex);
		}
		catch (RestClientException ex) {
			throw new ServiceUnavailableException(SERVICE, ex);
		}
	}

	/** The order, or empty when there is no such order. */
	public Optional<Order> get(String orderId) {
		try {
			return Optional.ofNullable(this.rest.get().uri("/api/v1/order/{id}", orderId).retrieve().body(Order.class));
		}
		catch (HttpClientErrorException.NotFound | HttpClientErrorException.BadRequest ex) {
			return Optional.empty();
		}
		catch (RestClientException ex) {
			throw new ServiceUnavailableException(SERVICE, ex);
		}
	}

}
