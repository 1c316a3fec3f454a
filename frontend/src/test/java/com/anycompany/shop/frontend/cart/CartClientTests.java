package com.anycompany.shop.frontend.cart;

import java.util.Map;

import com.anycompany.shop.frontend.product.ProductNotFoundException;
import com.anycompany.shop.frontend.stub.StubServices;
import com.anycompany.shop.frontend.stub.TestClients;
import com.anycompany.shop.tracing.DownstreamUnavailableException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CartClientTests {

	static final StubServices stub = StubServices.start();

	final CartClient client = new CartClient(TestClients.untraced(stub.url()));

	@AfterAll
	static void stop() {
		stub.close();
	}

	@BeforeEach
	void reset() {
		stub.reset();
	}

	@Test
	void readsACart() {
		stub.seedCarts(Map.of("P-0003", 2));
		Cart cart = this.client.get("c-1");
		assertThat(cart.cartId()).isEqualTo("c-1");
		assertThat(cart.items()).containsExactly(new Cart.Item("P-0003", 2));
		assertThat(cart.itemCount()).isEqualTo(2);
	}

	@Test
	void addsWithTheContractsBodyAndRemoves() {
		this.client.add("c-2", "P-0001", 2);
		Cart cart = this.client.add("c-2", "P-0002", 1);
		assertThat(cart.items()).containsExactly(new Cart.Item("P-0001", 2), new Cart.Item("P-0002", 1));
		assertThat(stub.received().get(0).body()).contains("\"cartId\":\"c-2\"")
			.contains("\"productId\":\"P-0001\"")
			.contains("\"quantity\":2");

		Cart after = this.client.remove("c-2", "P-0001");
		assertThat(after.items()).containsExactly(new Cart.Item("P-0002", 1));
		assertThat(stub.received().get(2).method()).isEqualTo("DELETE");
		assertThat(stub.received().get(2).path()).isEqualTo("/api/v1/cart/c-2/item/P-0001");
	}

	@Test
	void unknownProductAndTooManyPiecesAreTheShoppersProblems() {
		assertThatThrownBy(() -> this.client.add("c-3", "P-9999", 1)).isInstanceOf(ProductNotFoundException.class);
		this.client.add("c-3", "P-0001", 99);
		assertThatThrownBy(() -> this.client.add("c-3", "P-0001", 1)).isInstanceOf(QuantityRejectedException.class);
	}

	@Test
	void serverErrorAndRefusedConnectionMeanUnavailable() {
		stub.down("cartservice");
		assertThatThrownBy(() -> this.client.get("c-4")).isInstanceOf(DownstreamUnavailableException.class)
			.hasMessageContaining("cartservice");
		CartClient nowhere = new CartClient(TestClients.untraced(TestClients.refusedUrl()));
		assertThatThrownBy(() -> nowhere.add("c-4", "P-0001", 1)).isInstanceOf(DownstreamUnavailableException.class);
	}

}
