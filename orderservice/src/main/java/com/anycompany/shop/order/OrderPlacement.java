package com.anycompany.shop.order;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import com.amazonaws.xray.spring.aop.XRayEnabled;
import com.anycompany.shop.clients.problem.ProblemException;
import com.anycompany.shop.clients.problem.DownstreamRejectedException;
import com.anycompany.shop.clients.problem.DownstreamUnavailableException;
import com.anycompany.shop.clients.RequestDeadline;
import com.anycompany.shop.tracing.TraceAnnotations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Places an order: reads the cart, prices every line with the catalog (in parallel),
 * stores the order once per idempotency key, then empties the cart. {@code @XRayEnabled}
 * gives each public method its own subsegment, so the trace shows the placement as a
 * unit.
 */
@Service
@XRayEnabled
public class OrderPlacement {

	private static final Logger logger = LoggerFactory.getLogger(OrderPlacement.class);

	/** The catalog's prices are in US dollars unless it says otherwise. */
	private static final String DEFAULT_CURRENCY = "USD";

	private final OrderRepository orders;

	private final CartClient carts;

	private final CatalogClient catalog;

	private final AsyncTaskExecutor executor;

	private final TraceAnnotations trace;

	private final Clock clock;

	private final Duration minTimeToStore;

	@Autowired
	OrderPlacement(OrderRepository orders, CartClient carts, CatalogClient catalog,
			@Qualifier("applicationTaskExecutor") AsyncTaskExecutor executor, TraceAnnotations trace,
			@Value("${shop.order.min-time-to-store:1s}") Duration minTimeToStore) {
		this(orders, carts, catalog, executor, trace, Clock.systemUTC(), minTimeToStore);
	}

	OrderPlacement(OrderRepository orders, CartClient carts, CatalogClient catalog, AsyncTaskExecutor executor,
			TraceAnnotations trace, Clock clock, Duration minTimeToStore) {
		this.orders = orders;
		this.carts = carts;
		this.catalog = catalog;
		this.executor = executor;
		this.trace = trace;
		this.clock = clock;
		this.minTimeToStore = minTimeToStore;
	}

	/**
	 * Places the order described by the request, or returns the one an earlier submission
	 * with the same idempotency key placed.
	 */
	public PlacedOrder place(OrderRequest request) {
		String orderId = OrderIds.fromIdempotencyKey(request.idempotencyKey());
		this.trace.put("OrderID", orderId);
		// a repeated submission comes after the first emptied the cart: answer it
		// from the stored order, before looking at the cart at all, and finish what the
		// first may not have (its cart's lines were bought)
		Optional<Order> earlier = this.orders.findById(orderId);
		if (earlier.isPresent()) {
			emptyCart(earlier.get().cartId());
			return new PlacedOrder(earlier.get(), false);
		}
		CartClient.CartContents cart = this.carts.cart(request.cartId());
		if (cart == null) {
			throw new DownstreamUnavailableException("cartservice", "it answered without a cart", null);
		}
		if (cart.items().isEmpty()) {
			throw new EmptyCartException(request.cartId());
		}
		List<Priced> priced = price(cart.items());
		List<OrderLine> lines = priced.stream().map(Priced::line).toList();
		String currency = singleCurrency(priced);
		BigDecimal total = lines.stream().map(OrderLine::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
		Order order = new Order(orderId, request.idempotencyKey(), request.cartId(), request.customer(),
				request.shipping(), lines, total, currency, Order.PLACED,
				Instant.now(this.clock).truncatedTo(ChronoUnit.SECONDS));
		requireTimeToStore();
		if (!this.orders.create(order)) {
			// the same submission, running at the same moment, stored it first
			return new PlacedOrder(this.orders.findById(orderId).orElseThrow(), false);
		}
		logger.info("Placed order {} for cart {}: {} lines, {} {}", orderId, request.cartId(), lines.size(), total,
				currency);
		emptyCart(request.cartId());
		return new PlacedOrder(order, true);
	}

	/**
	 * Storing the order is the point of no return. When the caller would give up before
	 * the answer reached it, nothing is stored: the shopper is never told "failed" about
	 * an order that exists, and a retry with the same key places it.
	 */
	private void requireTimeToStore() {
		RequestDeadline.remaining().filter((left) -> left.compareTo(this.minTimeToStore) < 0).ifPresent((left) -> {
			throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "Order not placed in time",
					"Only " + left.toMillis() + " ms were left of the caller's budget, too little to store "
							+ "the order and answer; nothing was placed. Try again with the same idempotency key.");
		});
	}

	/** One catalog lookup per line, side by side; the first failure wins. */
	private List<Priced> price(List<CartClient.CartContents.Line> items) {
		List<CompletableFuture<Priced>> lookups = items.stream()
			.map((item) -> CompletableFuture.supplyAsync(() -> line(item), this.executor))
			.toList();
		try {
			CompletableFuture.allOf(lookups.toArray(CompletableFuture[]::new)).join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw ex;
		}
		return lookups.stream().map(CompletableFuture::join).toList();
	}

	private Priced line(CartClient.CartContents.Line item) {
		CatalogClient.CatalogProduct product = this.catalog.product(item.productId())
			.orElseThrow(() -> new ProductUnavailableException(item.productId()));
		if (product.price() == null) {
			throw new DownstreamUnavailableException("catalogservice", "it answered without a price", null);
		}
		BigDecimal unitPrice = product.price().setScale(2, RoundingMode.HALF_UP);
		BigDecimal lineTotal = unitPrice.multiply(BigDecimal.valueOf(item.quantity()));
		return new Priced(new OrderLine(item.productId(), product.name(), unitPrice, item.quantity(), lineTotal),
				(product.currency() != null) ? product.currency() : DEFAULT_CURRENCY);
	}

	private static String singleCurrency(List<Priced> priced) {
		List<String> currencies = priced.stream().map(Priced::currency).distinct().toList();
		if (currencies.size() != 1) {
			throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "Mixed currencies",
					"The cart's products are priced in different currencies " + currencies);
		}
		return currencies.get(0);
	}

	private void emptyCart(String cartId) {
		try {
			this.carts.empty(cartId);
		}
		catch (DownstreamUnavailableException | DownstreamRejectedException ex) {
			// the order stands; the cart keeps its lines until the shopper removes them
			// (the storefront gives the shopper a new cart with every confirmed order)
			logger.warn("Order placed but cart {} could not be emptied: {}", cartId, ex.getMessage());
		}
	}

	private record Priced(OrderLine line, String currency) {

	}

}
