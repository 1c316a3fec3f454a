package com.anycompany.shop.order;

import com.anycompany.shop.clients.testing.TestServiceClients;
import com.anycompany.shop.testsupport.StubServers;
import com.anycompany.shop.clients.problem.DownstreamRejectedException;
import com.anycompany.shop.clients.problem.DownstreamUnavailableException;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.web.service.registry.ImportHttpServices;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.noContent;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CartClientTests {

	final TestServiceClients clients = new TestServiceClients(Groups.class);

	@AfterEach
	void closeClients() {
		this.clients.close();
	}

	@RegisterExtension
	static WireMockExtension cartservice = StubServers.extension();

	@Test
	void readsTheCartIgnoringWhatItDoesNotNeed() {
		cartservice.stubFor(get("/api/v1/cart/abc").willReturn(
				okJson("{\"cartId\":\"abc\",\"items\":[{\"productId\":\"P-0001\",\"quantity\":2}],\"extra\":true}")));
		CartClient.CartContents cart = client(url()).cart("abc");
		assertThat(cart.items()).containsExactly(new CartClient.CartContents.Line("P-0001", 2));
	}

	@Test
	void emptiesTheCart() {
		cartservice.stubFor(delete("/api/v1/cart/abc").willReturn(noContent()));
		client(url()).empty("abc");
		cartservice.verify(1, deleteRequestedFor(urlEqualTo("/api/v1/cart/abc")));
		assertThat(cartservice.getAllServeEvents()).hasSize(1);
	}

	@Test
	void unexpectedAnswersAreUnavailable() {
		cartservice.stubFor(get("/api/v1/cart/abc").willReturn(serverError().withBody("{}")));
		cartservice.stubFor(
				delete("/api/v1/cart/xyz").willReturn(notFound().withHeader("Content-Type", "application/problem+json")
					.withBody("{\"status\":404,\"title\":\"Not Found\"}")));
		CartClient client = client(url());
		assertThatExceptionOfType(DownstreamUnavailableException.class).isThrownBy(() -> client.cart("abc"))
			.satisfies((ex) -> assertThat(ex.getBody().getProperties()).containsEntry("service", "cartservice"));
		// a 404 keeps its meaning: the cart service did not fail
		assertThatExceptionOfType(DownstreamRejectedException.class).isThrownBy(() -> client.empty("xyz"))
			.satisfies((ex) -> assertThat(ex.isNotFound()).isTrue());
	}

	@Test
	void refusedConnectionIsUnavailable() {
		CartClient client = client(StubServers.refusingUrl());
		assertThatExceptionOfType(DownstreamUnavailableException.class).isThrownBy(() -> client.cart("abc"));
		assertThatExceptionOfType(DownstreamUnavailableException.class).isThrownBy(() -> client.empty("abc"));
	}

	@Test
	void slowCartTimesOut() {
		cartservice.stubFor(
				get("/api/v1/cart/abc").willReturn(okJson("{\"cartId\":\"abc\",\"items\":[]}").withFixedDelay(2000)));
		assertThatExceptionOfType(DownstreamUnavailableException.class)
			.isThrownBy(() -> impatientClient(url()).cart("abc"));
	}

	private static String url() {
		return StubServers.url(cartservice);
	}

	private CartClient client(String url) {
		return this.clients.client(CartClient.class, "cartservice", url);
	}

	/** With a read timeout much shorter than the stub's delay. */
	private CartClient impatientClient(String url) {
		return this.clients.client(CartClient.class, "cartservice", url,
				"spring.http.serviceclient.cartservice.read-timeout=300ms");
	}

	@ImportHttpServices(group = "cartservice", types = CartClient.class)
	static class Groups {

	}

}
