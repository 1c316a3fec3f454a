package com.anycompany.shop.cart;

import java.time.Duration;

import com.anycompany.shop.testsupport.StubHttpServer;
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
		assertThat(client(this.catalog.url()).exists("P-0001")).isTrue();
		assertThat(this.catalog.received()).extracting(StubHttpServer.Received::request)
			.containsExactly("GET /api/v1/product/P-0001");
	}

	@Test
	void productTheCatalogAnswers404ForDoesNotExist() {
		assertThat(client(this.catalog.url()).exists("P-0999")).isFalse();
	}

	@Test
	void failingCatalogIsUnavailable() {
		this.catalog.answer("GET", "/api/v1/product/P-0001", 500, "{}");
		assertThatExceptionOfType(CatalogUnavailableException.class)
			.isThrownBy(() -> client(this.catalog.url()).exists("P-0001"))
			.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE))
			.withMessageContaining("500");
	}

	@Test
	void refusedConnectionIsUnavailable() {
		assertThatExceptionOfType(CatalogUnavailableException.class)
			.isThrownBy(() -> client(StubHttpServer.refusingUrl()).exists("P-0001"));
	}

	@Test
	void slowCatalogTimesOut() {
		this.catalog.answer("GET", "/api/v1/product/P-0001", 200, KETTLE, Duration.ofSeconds(3));
		long start = System.nanoTime();
		assertThatExceptionOfType(CatalogUnavailableException.class)
			.isThrownBy(() -> impatientClient(this.catalog.url()).exists("P-0001"));
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
		RestClient http = new RemoteServiceClients(RestClient.builder(), properties, null)
			.builder("catalogservice", url)
			.build();
		return new CatalogClient(http);
	}

}
