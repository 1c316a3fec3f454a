package com.anycompany.shop.frontend.checkout;

import java.math.BigDecimal;
import java.util.Map;

import com.anycompany.shop.frontend.stub.StubServices;
import com.anycompany.shop.frontend.stub.TestClients;
import com.anycompany.shop.tracing.DownstreamUnavailableException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderClientTests {

	static final StubServices stub = StubServices.start();

	final OrderClient client = new OrderClient(TestClients.untraced(stub.url()));

	@AfterAll
	static void stop() {
		stub.close();
	}

	@BeforeEach
	void reset() {
		stub.reset();
	}

	@Test
	void placesAnOrderOnceAndReadsItBack() {
		stub.seedCarts(Map.of("P-0001", 2));
		Order first = this.client.place(request("key-1", "cart-1"));
		Order again = this.client.place(request("key-1", "cart-1"));

		assertThat(first.orderId()).startsWith("O-");
		assertThat(again).isEqualTo(first);
		assertThat(first.lines()).singleElement().satisfies((line) -> {
			assertThat(line.name()).isEqualTo("Copper Kettle");
			assertThat(line.quantity()).isEqualTo(2);
		});
		assertThat(first.total()).isEqualByComparingTo(new BigDecimal("69.80"));
		assertThat(first.customer().name()).isEqualTo("Ana Silva");
		assertThat(first.createdAt()).isNotNull();
		assertThat(stub.received().get(0).body()).contains("\"idempotencyKey\":\"key-1\"")
			.contains("\"customer\":{\"name\":\"Ana Silva\",\"email\":\"ana@example.test\"}")
			.contains("\"postalCode\":\"12345\"");

		assertThat(this.client.get(first.orderId())).contains(first);
	}

	@Test
	void unknownOrderIsEmpty() {
		assertThat(this.client.get("O-0000000000000000")).isEmpty();
	}

	@Test
	void emptyCartIsRefused() {
		assertThatThrownBy(() -> this.client.place(request("key-2", "empty"))).isInstanceOf(EmptyCartException.class);
	}

	@Test
	void serverErrorAndRefusedConnectionMeanUnavailable() {
		stub.down("orderservice");
		assertThatThrownBy(() -> this.client.place(request("key-3", "cart-3")))
			.isInstanceOf(DownstreamUnavailableException.class)
			.hasMessageContaining("orderservice");
		OrderClient nowhere = new OrderClient(TestClients.untraced(TestClients.refusedUrl()));
		assertThatThrownBy(() -> nowhere.get("O-1")).isInstanceOf(DownstreamUnavailableException.class);
	}

	private static PlaceOrderRequest request(String key, String cartId) {
		return new PlaceOrderRequest(key, cartId, new Order.Customer("Ana Silva", "ana@example.test"),
				new Order.Shipping("1 Main St", "Springfield", "12345", "US"));
	}

}
