package com.anycompany.shop.order;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.service.annotation.DeleteExchange;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

/**
 * What orderservice asks cartservice: the HTTP service group {@code cartservice}
 * (timeouts, a subsegment per call, the shop's status mapping).
 */
@HttpExchange("/api/v1/cart")
public interface CartClient {

	/** The cart's lines (none for an unknown cart). */
	@GetExchange("/{cartId}")
	CartContents cart(@PathVariable String cartId);

	@DeleteExchange("/{cartId}")
	void empty(@PathVariable String cartId);

	/** A cart as cartservice returns it. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record CartContents(String cartId, List<Line> items) {

		public CartContents {
			items = (items != null) ? List.copyOf(items) : List.of();
		}

		@JsonIgnoreProperties(ignoreUnknown = true)
		public record Line(String productId, int quantity) {

		}

	}

}
