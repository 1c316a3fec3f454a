package com.anycompany.shop.order;

import java.time.Duration;

import com.anycompany.shop.testsupport.StubServers;
import com.anycompany.shop.tracing.DownstreamRejectedException;
import com.anycompany.shop.tracing.DownstreamUnavailableException;
import com.anycompany.shop.tracing.RemoteServiceClients;
import com.anycompany.shop.tracing.ShopClientProperties;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.web.client.RestClient;

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

	private static CartClient client(String url) {
		return client(url, new ShopClientProperties());
	}

	/** With a read timeout much shorter than the stub's delay. */
	private static CartClient impatientClient(String url) {
		ShopClientProperties properties = new ShopClientProperties();
		properties.setReadTimeout(Duration.ofMillis(300));
		return client(url, properties);
	}

	private static CartClient client(String url, ShopClientProperties properties) {
		ShopClientProperties.Service service = new ShopClientProperties.Service();
		service.setBaseUrl(url);
		properties.getServices().put("cartservice", service);
		return new RemoteServiceClients(RestClient.builder(), properties, null).service(CartClient.class,
				"cartservice");
	}

}
