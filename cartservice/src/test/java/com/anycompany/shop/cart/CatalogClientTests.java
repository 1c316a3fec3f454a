package com.anycompany.shop.cart;

import java.time.Duration;

import com.anycompany.shop.testsupport.StubHttpServer;
import com.anycompany.shop.tracing.DownstreamRejectedException;
import com.anycompany.shop.tracing.DownstreamUnavailableException;
import com.anycompany.shop.tracing.RemoteServiceClients;
import com.anycompany.shop.tracing.ShopClientProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CatalogClientTests {

	private static final String KETTLE = """
			{"id":"P-0001","name":"Copper Kettle","description":"Boils.","category":"kitchen",
			 "price":34.90,"currency":"USD","image":"product-p-0001","tags":["kitchen"]}""";

	private final StubHttpServer catalog = new StubHttpServer();

	@AfterEach
	void stop() {
		this.catalog.close();
	}

	@Test
	void productTheCatalogReturnsExists() {
		this.catalog.answer("GET", "/api/v1/product/P-0001", 200, KETTLE);
		assertThat(client(this.catalog.url()).product("P-0001")).hasValue(new CatalogClient.CatalogProduct("P-0001"));
		assertThat(this.catalog.received()).extracting(StubHttpServer.Received::request)
			.containsExactly("GET /api/v1/product/P-0001");
	}

	@Test
	void productTheCatalogAnswers404ForDoesNotExist() {
		this.catalog.answer("GET", "/api/v1/product/P-0999", 404, "{\"status\":404,\"title\":\"Product not found\"}");
		assertThat(client(this.catalog.url()).product("P-0999")).isEmpty();
	}

	@Test
	void aBadRequestKeepsItsMeaning() {
		this.catalog.answer("GET", "/api/v1/product/x", 400,
				"{\"status\":400,\"title\":\"Invalid request\",\"errors\":[\"id: must match\"]}");
		assertThatExceptionOfType(DownstreamRejectedException.class)
			.isThrownBy(() -> client(this.catalog.url()).product("x"))
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
				assertThat(ex.fieldErrors()).containsEntry("id", "must match");
			});
	}

	@Test
	void failingCatalogIsUnavailable() {
		this.catalog.answer("GET", "/api/v1/product/P-0001", 500, "{}");
		assertThatExceptionOfType(DownstreamUnavailableException.class)
			.isThrownBy(() -> client(this.catalog.url()).product("P-0001"))
			.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE))
			.satisfies((ex) -> assertThat(ex.getService()).isEqualTo("catalogservice"))
			.withMessageContaining("500");
	}

	@Test
	void refusedConnectionIsUnavailable() {
		assertThatExceptionOfType(DownstreamUnavailableException.class)
			.isThrownBy(() -> client(StubHttpServer.refusingUrl()).product("P-0001"));
	}

	@Test
	void slowCatalogTimesOut() {
		this.catalog.answer("GET", "/api/v1/product/P-0001", 200, KETTLE, Duration.ofSeconds(3));
		long start = System.nanoTime();
		assertThatExceptionOfType(DownstreamUnavailableException.class)
			.isThrownBy(() -> impatientClient(this.catalog.url()).product("P-0001"));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
	}

	private static CatalogClient client(String url) {
		return client(url, new ShopClientProperties());
	}

	/** With a read timeout much shorter than the stub's delay. */
	private static CatalogClient impatientClient(String url) {
		ShopClientProperties properties = new ShopClientProperties();
		properties.setReadTimeout(Duration.ofMillis(300));
		return client(url, properties);
	}

	private static CatalogClient client(String url, ShopClientProperties properties) {
		ShopClientProperties.Service catalog = new ShopClientProperties.Service();
		catalog.setBaseUrl(url);
		properties.getServices().put("catalogservice", catalog);
		return new RemoteServiceClients(RestClient.builder(), properties, null).service(CatalogClient.class,
				"catalogservice");
	}

}
