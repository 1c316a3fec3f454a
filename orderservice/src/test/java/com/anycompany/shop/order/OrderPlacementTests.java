package com.anycompany.shop.order;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import com.anycompany.shop.clients.problem.DownstreamUnavailableException;
import com.anycompany.shop.tracing.TraceAnnotations;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.core.task.SimpleAsyncTaskExecutor;

import static com.anycompany.shop.order.OrderFixtures.order;
import static com.anycompany.shop.order.OrderFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verifyNoInteractions;

class OrderPlacementTests {

	private static final Instant NOW = Instant.parse("2026-11-25T10:00:00.123Z");

	private final OrderRepository orders = mock();

	private final CartClient carts = mock();

	private final CatalogClient catalog = mock();

	private final TraceAnnotations trace = mock();

	private final OrderPlacement placement = new OrderPlacement(this.orders, this.carts, this.catalog,
			new SimpleAsyncTaskExecutor(), this.trace, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(1));

	private final String orderId = OrderIds.fromIdempotencyKey("k-1");

	@Test
	void pricesEveryLineWithTheCatalogStoresAndEmptiesTheCart() {
		cartHolds(new CartClient.CartContents.Line("P-0001", 2), new CartClient.CartContents.Line("P-0002", 1));
		catalogSells("P-0001", "Copper Kettle", "34.90");
		catalogSells("P-0002", "Cast Iron Skillet", "42");
		given(this.orders.create(any())).willReturn(true);

		PlacedOrder placed = this.placement.place(request("k-1", "abc"));

		assertThat(placed.created()).isTrue();
		Order order = placed.order();
		assertThat(order.orderId()).isEqualTo(this.orderId).matches("O-[0-9a-f]{16}");
		assertThat(order.lines()).containsExactly(
				new OrderLine("P-0001", "Copper Kettle", new BigDecimal("34.90"), 2, new BigDecimal("69.80")),
				new OrderLine("P-0002", "Cast Iron Skillet", new BigDecimal("42.00"), 1, new BigDecimal("42.00")));
		assertThat(order.total()).isEqualTo(new BigDecimal("111.80"));
		assertThat(order.currency()).isEqualTo("USD");
		assertThat(order.status()).isEqualTo("PLACED");
		assertThat(order.createdAt()).isEqualTo(Instant.parse("2026-11-25T10:00:00Z"));
		assertThat(order.customer()).isEqualTo(OrderFixtures.CUSTOMER);
		ArgumentCaptor<Order> stored = ArgumentCaptor.captor();
		then(this.orders).should().create(stored.capture());
		assertThat(stored.getValue()).isEqualTo(order);
		then(this.carts).should().empty("abc");
		then(this.trace).should().put("OrderID", this.orderId);
	}

	@Test
	void sameKeyAgainReturnsTheStoredOrderAndOnlyFinishesEmptyingItsCart() {
		Order earlier = order("k-1", "abc");
		given(this.orders.findById(this.orderId)).willReturn(Optional.of(earlier));

		PlacedOrder placed = this.placement.place(request("k-1", "abc"));

		assertThat(placed).isEqualTo(new PlacedOrder(earlier, false));
		// the first submission may have stored the order and failed to empty the cart
		then(this.carts).should().empty("abc");
		then(this.carts).shouldHaveNoMoreInteractions();
		verifyNoInteractions(this.catalog);
		then(this.orders).should(never()).create(any());
	}

	@Test
	void concurrentSubmissionThatStoredFirstWins() {
		Order winner = order("k-1", "abc");
		given(this.orders.findById(this.orderId)).willReturn(Optional.empty(), Optional.of(winner));
		cartHolds(new CartClient.CartContents.Line("P-0001", 2));
		catalogSells("P-0001", "Copper Kettle", "34.90");
		given(this.orders.create(any())).willReturn(false);

		PlacedOrder placed = this.placement.place(request("k-1", "abc"));

		assertThat(placed).isEqualTo(new PlacedOrder(winner, false));
		then(this.carts).should(never()).empty(anyString());
	}

	@Test
	void emptyCartPlacesNothing() {
		given(this.carts.cart("abc")).willReturn(new CartClient.CartContents("abc", List.of()));
		assertThatExceptionOfType(EmptyCartException.class)
			.isThrownBy(() -> this.placement.place(request("k-1", "abc")));
		then(this.orders).should(never()).create(any());
	}

	@Test
	void productGoneFromTheCatalogPlacesNothing() {
		cartHolds(new CartClient.CartContents.Line("P-0001", 1), new CartClient.CartContents.Line("P-0003", 1));
		catalogSells("P-0001", "Copper Kettle", "34.90");
		given(this.catalog.product("P-0003")).willReturn(Optional.empty());
		assertThatExceptionOfType(ProductUnavailableException.class)
			.isThrownBy(() -> this.placement.place(request("k-1", "abc")));
		then(this.orders).should(never()).create(any());
	}

	@Test
	void unreachableCatalogSurfacesAsItselfNotAsAWrappedFailure() {
		cartHolds(new CartClient.CartContents.Line("P-0001", 1));
		given(this.catalog.product("P-0001"))
			.willThrow(new DownstreamUnavailableException("catalogservice", "no answer", null));
		assertThatExceptionOfType(DownstreamUnavailableException.class)
			.isThrownBy(() -> this.placement.place(request("k-1", "abc")));
		then(this.orders).should(never()).create(any());
	}

	@Test
	void orderStandsWhenTheCartCannotBeEmptied() {
		cartHolds(new CartClient.CartContents.Line("P-0001", 1));
		catalogSells("P-0001", "Copper Kettle", "34.90");
		given(this.orders.create(any())).willReturn(true);
		willThrow(new DownstreamUnavailableException("cartservice", "no answer", null)).given(this.carts).empty("abc");

		assertThat(this.placement.place(request("k-1", "abc")).created()).isTrue();
	}

	@Test
	void orderIdsFollowFromKeys() {
		assertThat(OrderIds.fromIdempotencyKey("k-1")).isEqualTo(OrderIds.fromIdempotencyKey("k-1"))
			.isNotEqualTo(OrderIds.fromIdempotencyKey("k-2"))
			.hasSize(18);
	}

	private void cartHolds(CartClient.CartContents.Line... lines) {
		given(this.carts.cart("abc")).willReturn(new CartClient.CartContents("abc", List.of(lines)));
	}

	private void catalogSells(String id, String name, String price) {
		given(this.catalog.product(id))
			.willReturn(Optional.of(new CatalogClient.CatalogProduct(id, name, new BigDecimal(price), "USD")));
	}

}
