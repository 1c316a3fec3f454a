package com.anycompany.shop.frontend.checkout;

import java.math.BigDecimal;

import com.anycompany.shop.frontend.stub.Backends;
import com.anycompany.shop.frontend.stub.TestClients;
import com.anycompany.shop.testsupport.StubServers;
import com.anycompany.shop.clients.problem.DownstreamUnavailableException;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.jsonResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderClientTests {

	@RegisterExtension
	static WireMockExtension stub = StubServers.extension();

	final OrderClient client = new OrderClient(TestClients.untraced(StubServers.url(stub), OrderClient.OrderApi.class));

	@Test
	void placesAnOrderOnceAndReadsItBack() {
		String order = Backends.order("O-1234567890abcdef", "key-1", "cart-1");
		// as orderservice answers: 201 for the new order, 200 with the same order for its
		// key again
		stub.stubFor(post("/api/v1/order").inScenario("key-1")
			.whenScenarioStateIs(STARTED)
			.willSetStateTo("placed")
			.willReturn(jsonResponse(order, 201)));
		stub.stubFor(post("/api/v1/order").inScenario("key-1").whenScenarioStateIs("placed").willReturn(okJson(order)));
		stub.stubFor(get("/api/v1/order/O-1234567890abcdef").willReturn(okJson(order)));

		Order first = this.client.place(request("key-1", "cart-1"));
		Order again = this.client.place(request("key-1", "cart-1"));

		assertThat(first.orderId()).isEqualTo("O-1234567890abcdef");
		assertThat(again).isEqualTo(first);
		assertThat(first.lines()).singleElement().satisfies((line) -> {
			assertThat(line.name()).isEqualTo("Copper Kettle");
			assertThat(line.quantity()).isEqualTo(2);
		});
		assertThat(first.total()).isEqualByComparingTo(new BigDecimal("69.80"));
		assertThat(first.customer().name()).isEqualTo("Ana Silva");
		assertThat(first.createdAt()).isNotNull();
		stub.verify(2, postRequestedFor(urlEqualTo("/api/v1/order")).withRequestBody(equalToJson("""
				{"idempotencyKey":"key-1","cartId":"cart-1",
				 "customer":{"name":"Ana Silva","email":"ana@example.test"},
				 "shipping":{"street":"1 Main St","city":"Springfield","postalCode":"12345","country":"US"}}""")));

		assertThat(this.client.get(first.orderId())).contains(first);
	}

	@Test
	void unknownOrderIsEmpty() {
		stub.stubFor(get("/api/v1/order/O-0000000000000000").willReturn(Backends.problem(404, "No order")));
		assertThat(this.client.get("O-0000000000000000")).isEmpty();
	}

	@Test
	void emptyCartIsRefused() {
		stub.stubFor(post("/api/v1/order").withRequestBody(matchingJsonPath("$.cartId", equalTo("empty")))
			.willReturn(Backends.problem(409, "The cart is empty")));
		assertThatThrownBy(() -> this.client.place(request("key-2", "empty"))).isInstanceOf(EmptyCartException.class);
	}

	@Test
	void serverErrorAndRefusedConnectionMeanUnavailable() {
		Backends.down(stub, "orderservice");
		assertThatThrownBy(() -> this.client.place(request("key-3", "cart-3")))
			.isInstanceOf(DownstreamUnavailableException.class)
			.hasMessageContaining("orderservice");
		OrderClient nowhere = new OrderClient(
				TestClients.untraced(StubServers.refusingUrl(), OrderClient.OrderApi.class));
		assertThatThrownBy(() -> nowhere.get("O-1")).isInstanceOf(DownstreamUnavailableException.class);
	}

	private static PlaceOrderRequest request(String key, String cartId) {
		return new PlaceOrderRequest(key, cartId, new Order.Customer("Ana Silva", "ana@example.test"),
				new Order.Shipping("1 Main St", "Springfield", "12345", "US"));
	}

}
