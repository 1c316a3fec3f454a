package com.anycompany.shop.order;

import java.net.URI;

import com.anycompany.shop.constraints.ShopId;
import com.anycompany.shop.tracing.TraceAnnotations;
import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/order")
class OrderController {

	private final OrderPlacement placement;

	private final OrderRepository orders;

	private final TraceAnnotations trace;

	OrderController(OrderPlacement placement, OrderRepository orders, TraceAnnotations trace) {
		this.placement = placement;
		this.orders = orders;
		this.trace = trace;
	}

	/**
	 * 201 with the new order, or 200 with the order this idempotency key placed before.
	 */
	@PostMapping
	ResponseEntity<Order> place(@Valid @RequestBody OrderRequest request) {
		PlacedOrder placed = this.placement.place(request);
		if (placed.created()) {
			return ResponseEntity.created(URI.create("/api/v1/order/" + placed.order().orderId())).body(placed.order());
		}
		return ResponseEntity.ok(placed.order());
	}

	/**
	 * The order an idempotency key placed: how a client that gave up waiting learns
	 * whether its order exists.
	 */
	@GetMapping(params = "idempotencyKey")
	Order orderFor(@RequestParam @ShopId String idempotencyKey) {
		String orderId = OrderIds.fromIdempotencyKey(idempotencyKey);
		this.trace.put("OrderID", orderId);
		return this.orders.findById(orderId).orElseThrow(() -> new OrderNotFoundException(orderId));
	}

	@GetMapping("/{orderId}")
	Order order(@PathVariable @ShopId String orderId) {
		this.trace.put("OrderID", orderId);
		return this.orders.findById(orderId).orElseThrow(() -> new OrderNotFoundException(orderId));
	}

}
