package com.anycompany.shop.frontend.cart;

import java.util.Map;

import com.anycompany.shop.clients.catalog.ProductNotFoundException;
import com.anycompany.shop.frontend.stub.Backends;
import com.anycompany.shop.frontend.stub.TestClients;
import com.anycompany.shop.testsupport.StubServers;
import com.anycompany.shop.clients.problem.DownstreamUnavailableException;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CartClientTests {

	@RegisterExtension
	static WireMockExtension stub = StubServers.extension();

	final CartClient client = new CartClient(TestClients.untraced(StubServers.url(stub), CartClient.CartApi.class));

	@Test
	void readsACart() {
		stub.stubFor(get("/api/v1/cart/c-1").willReturn(okJson(Backends.cart("c-1", Map.of("P-0003", 2)))));
		Cart cart = this.client.get("c-1");
		assertThat(cart.cartId()).isEqualTo("c-1");
		assertThat(cart.items()).containsExactly(new Cart.Item("P-0003", 2));
		assertThat(cart.itemCount()).isEqualTo(2);
	}

	@Test
	void addsWithTheContractsBodyAndRemoves() {
		stub.stubFor(post("/api/v1/cart").withRequestBody(matchingJsonPath("$.productId", equalTo("P-0001")))
			.willReturn(okJson(Backends.cart("c-2", Map.of("P-0001", 2)))));
		stub.stubFor(post("/api/v1/cart").withRequestBody(matchingJsonPath("$.productId", equalTo("P-0002")))
			.willReturn(okJson(
					"{\"cartId\":\"c-2\",\"items\":[{\"productId\":\"P-0001\",\"quantity\":2},{\"productId\":\"P-0002\",\"quantity\":1}]}")));
		stub.stubFor(
				delete("/api/v1/cart/c-2/item/P-0001").willReturn(okJson(Backends.cart("c-2", Map.of("P-0002", 1)))));

		this.client.add("c-2", "P-0001", 2);
		Cart cart = this.client.add("c-2", "P-0002", 1);
		assertThat(cart.items()).containsExactly(new Cart.Item("P-0001", 2), new Cart.Item("P-0002", 1));
		stub.verify(postRequestedFor(anyUrl())
			.withRequestBody(equalToJson("{\"cartId\":\"c-2\",\"productId\":\"P-0001\",\"quantity\":2}")));

		Cart after = this.client.remove("c-2", "P-0001");
		assertThat(after.items()).containsExactly(new Cart.Item("P-0002", 1));
		assertThat(stub.findAll(anyRequestedFor(anyUrl()))).extracting(LoggedRequest::getMethod)
			.extracting(Object::toString)
			.containsExactly("POST", "POST", "DELETE");
		assertThat(stub.findAll(anyRequestedFor(anyUrl())).get(2).getUrl()).isEqualTo("/api/v1/cart/c-2/item/P-0001");
	}

	@Test
	void unknownProductAndTooManyPiecesAreTheShoppersProblems() {
		stub.stubFor(post("/api/v1/cart").withRequestBody(matchingJsonPath("$.productId", equalTo("P-9999")))
			.atPriority(1)
			.willReturn(Backends.problem(404, "No product P-9999")));
		stub.stubFor(post("/api/v1/cart").withRequestBody(matchingJsonPath("$.quantity", equalTo("99")))
			.willReturn(okJson(Backends.cart("c-3", Map.of("P-0001", 99)))));
		stub.stubFor(post("/api/v1/cart").withRequestBody(matchingJsonPath("$.quantity", equalTo("1")))
			.willReturn(Backends.problem(400, "A line holds at most 99")));

		assertThatThrownBy(() -> this.client.add("c-3", "P-9999", 1)).isInstanceOf(ProductNotFoundException.class);
		this.client.add("c-3", "P-0001", 99);
		assertThatThrownBy(() -> this.client.add("c-3", "P-0001", 1)).isInstanceOf(QuantityRejectedException.class)
			.hasMessageContaining("A line holds at most 99");
	}

	@Test
	void serverErrorAndRefusedConnectionMeanUnavailable() {
		Backends.down(stub, "cartservice");
		assertThatThrownBy(() -> this.client.get("c-4")).isInstanceOf(DownstreamUnavailableException.class)
			.hasMessageContaining("cartservice");
		CartClient nowhere = new CartClient(TestClients.untraced(StubServers.refusingUrl(), CartClient.CartApi.class));
		assertThatThrownBy(() -> nowhere.add("c-4", "P-0001", 1)).isInstanceOf(DownstreamUnavailableException.class);
	}

}
