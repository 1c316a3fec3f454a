package com.anycompany.shop.order;

import java.math.BigDecimal;
import java.time.Duration;

import com.anycompany.shop.testsupport.StubHttpServer;
import com.anycompany.shop.tracing.DownstreamUnavailableException;
import com.anycompany.shop.tracing.RemoteServiceClients;
import com.anycompany.shop.tracing.ShopClientProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CatalogClientTests {

	private final StubHttpServer catalogservice = new StubHttpServer();

	@AfterEach
	void stop() {
		this.catalogservice.close();
	}

	@Test
	void readsNameAndPrice() {
		this.catalogservice.answer("GET", "/api/v1/product/P-0001", 200,
				OrderFixtures.product("P-0001", "Copper Kettle", "34.90"));
		assertThat(client(this.catalogservice.url()).product("P-0001"))
			.contains(new CatalogClient.CatalogProduct("P-0001", "Copper Kettle", new BigDecimal("34.90"), "USD"));
	}

	@Test
	void unknownProductIsEmpty() {
		assertThat(client(this.catalogservice.url()).product("P-0999")).isEmpty();
	}

	@Test
	void failingCatalogIsUnavailable() {
		this.catalogservice.answer("GET", "/api/v1/product/P-0001", 503, "{}");
		assertThatExceptionOfType(DownstreamUnavailableException.class)
			.isThrownBy(() -> client(this.catalogservice.url()).product("P-0001"));
	}

	@Test
	void refusedConnectionIsUnavailable() {
		assertThatExceptionOfType(DownstreamUnavailableException.class)
			.isThrownBy(() -> client(StubHttpServer.refusingUrl()).product("P-0001"))
			.satisfies((ex) -> assertThat(ex.getBody().getProperties()).containsEntry("service", "catalogservice"));
	}

	@Test
	void slowCatalogTimesOut() {
		this.catalogservice.answer("GET", "/api/v1/product/P-0001", 200,
				OrderFixtures.product("P-0001", "Copper Kettle", "34.90"), Duration.ofSeconds(2));
		assertThatExceptionOfType(DownstreamUnavailableException.class)
			.isThrownBy(() -> impatientClient(this.catalogservice.url()).product("P-0001"));
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
		ShopClientProperties.Service service = new ShopClientProperties.Service();
		service.setBaseUrl(url);
		properties.getServices().put("catalogservice", service);
		return new RemoteServiceClients(RestClient.builder(), properties, null).service(CatalogClient.class,
				"catalogservice");
	}

}
