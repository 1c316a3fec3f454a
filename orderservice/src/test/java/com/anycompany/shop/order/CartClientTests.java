package com.anycompany.shop.order;

import java.time.Duration;

import com.anycompany.shop.testsupport.StubHttpServer;
import com.anycompany.shop.tracing.DownstreamRejectedException;
import com.anycompany.shop.tracing.DownstreamUnavailableException;
import com.anycompany.shop.tracing.RemoteServiceClients;
import com.anycompany.shop.tracing.ShopClientProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CartClientTests {

	private final StubHttpServer cartservice = new StubHttpServer();

	@AfterEach
	void stop() {
		this.cartservice.close();
	}

	@Test
	void readsTheCartIgnoringWhatItDoesNotNeed() {
		this.cartservice.answer("GET", "/api/v1/cart/abc", 200,
				"{\"cartId\":\"abc\",\"items\":[{\"productId\":\"P-0001\",\"quantity\":2}],\"extra\":true}");
		CartClient.CartContents cart = client(this.cartservice.url()).cart("abc");
		assertThat(cart.items()).containsExactly(new CartClient.CartContents.Line("P-0001", 2));
	}

	@Test
	void emptiesTheCart() {
		this.cartservice.answer("DELETE", "/api/v1/cart/abc", 204, null);
		client(this.cartservice.url()).empty("abc");
		assertThat(this.cartservice.received()).extracting(StubHttpServer.Received::request)
			.containsExactly("DELETE /api/v1/cart/abc");
	}

	@Test
	void unexpectedAnswersAreUnavailable() {
		this.cartservice.answer("GET", "/api/v1/cart/abc", 500, "{}");
		CartClient client = client(this.cartservice.url());
		assertThatExceptionOfType(DownstreamUnavailableException.class).isThrownBy(() -> client.cart("abc"))
			.satisfies((ex) -> assertThat(ex.getBody().getProperties()).containsEntry("service", "cartservice"));
		// a 404 keeps its meaning: the cart service did not fail
		assertThatExceptionOfType(DownstreamRejectedException.class).isThrownBy(() -> client.empty("xyz"))
			.satisfies((ex) -> assertThat(ex.isNotFound()).isTrue());
	}

	@Test
	void refusedConnectionIsUnavailable() {
		CartClient client = client(StubHttpServer.refusingUrl());
		assertThatExceptionOfType(DownstreamUnavailableException.class).isThrownBy(() -> client.cart("abc"));
		assertThatExceptionOfType(DownstreamUnavailableException.class).isThrownBy(() -> client.empty("abc"));
	}

	@Test
	void slowCartTimesOut() {
		this.cartservice.answer("GET", "/api/v1/cart/abc", 200, "{\"cartId\":\"abc\",\"items\":[]}",
				Duration.ofSeconds(2));
		assertThatExceptionOfType(DownstreamUnavailableException.class)
			.isThrownBy(() -> impatientClient(this.cartservice.url()).cart("abc"));
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
