package com.anycompany.shop.recommender.catalog;

import java.math.BigDecimal;
import java.time.Duration;

import com.anycompany.shop.testsupport.StubHttpServer;
import com.anycompany.shop.tracing.DownstreamUnavailableException;
import com.anycompany.shop.tracing.RemoteServiceClients;
import com.anycompany.shop.tracing.ShopClientProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CatalogClientTests {

	static final StubCatalog stub = new StubCatalog();

	@BeforeEach
	void clear() {
		stub.clear();
	}

	@AfterAll
	static void stop() {
		stub.close();
	}

	@Test
	void readsOneProduct() {
		Product kettle = client(stub.url()).product("P-0001").orElseThrow();
		assertThat(kettle.name()).isEqualTo("Copper Kettle");
		assertThat(kettle.category()).isEqualTo("kitchen");
		assertThat(kettle.price()).isEqualByComparingTo(new BigDecimal("34.90"));
		assertThat(kettle.image()).isEqualTo("product-p-0001");
		assertThat(stub.calls()).extracting(StubHttpServer.Received::pathAndQuery)
			.containsExactly("/api/v1/product/P-0001");
	}

	@Test
	void readsACategoryOrTheWholeCatalog() {
		assertThat(client(stub.url()).products("garden")).extracting(Product::id).containsExactly("P-0007", "P-0008");
		assertThat(client(stub.url()).products(null)).hasSize(StubCatalog.PRODUCTS.size());
		assertThat(stub.calls()).extracting(StubHttpServer.Received::pathAndQuery)
			.containsExactly("/api/v1/products?category=garden", "/api/v1/products");
	}

	@Test
	void unknownProductIsNotFound() {
		assertThat(client(stub.url()).product("P-0999")).isEmpty();
	}

	@Test
	void serverErrorMeansUnavailable() {
		assertThatExceptionOfType(DownstreamUnavailableException.class)
			.isThrownBy(() -> client(stub.url()).product("P-0500"));
	}

	@Test
	void refusedConnectionMeansUnavailable() {
		CatalogClient client = client(StubHttpServer.refusingUrl());
		assertThatExceptionOfType(DownstreamUnavailableException.class).isThrownBy(() -> client.product("P-0001"));
		assertThatExceptionOfType(DownstreamUnavailableException.class).isThrownBy(() -> client.products("kitchen"));
	}

	private static CatalogClient client(String url) {
		ShopClientProperties properties = new ShopClientProperties();
		// generous: the build machine is shared, and no test here is about timeouts
		properties.setReadTimeout(Duration.ofSeconds(10));
		ShopClientProperties.Service catalog = new ShopClientProperties.Service();
		catalog.setBaseUrl(url);
		properties.getServices().put("catalogservice", catalog);
		return new RemoteServiceClients(RestClient.builder(), properties, null).service(CatalogClient.class,
				"catalogservice");
	}

}
