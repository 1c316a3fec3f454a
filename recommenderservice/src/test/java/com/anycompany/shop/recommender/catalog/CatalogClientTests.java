package com.anycompany.shop.recommender.catalog;

import java.math.BigDecimal;
import java.time.Duration;

import com.anycompany.shop.testsupport.StubServers;
import com.anycompany.shop.tracing.DownstreamUnavailableException;
import com.anycompany.shop.tracing.RemoteServiceClients;
import com.anycompany.shop.tracing.ShopClientProperties;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CatalogClientTests {

	@RegisterExtension
	static WireMockExtension stub = StubServers.extension();

	@BeforeEach
	void stubCatalog() {
		CatalogStubs.register(stub);
	}

	@Test
	void readsOneProduct() {
		Product kettle = client(StubServers.url(stub)).product("P-0001").orElseThrow();
		assertThat(kettle.name()).isEqualTo("Copper Kettle");
		assertThat(kettle.category()).isEqualTo("kitchen");
		assertThat(kettle.price()).isEqualByComparingTo(new BigDecimal("34.90"));
		assertThat(kettle.image()).isEqualTo("product-p-0001");
		assertThat(stub.findAll(anyRequestedFor(anyUrl()))).extracting(LoggedRequest::getUrl)
			.containsExactly("/api/v1/product/P-0001");
	}

	@Test
	void readsACategoryOrTheWholeCatalog() {
		assertThat(client(StubServers.url(stub)).products("garden")).extracting(Product::id)
			.containsExactly("P-0007", "P-0008");
		assertThat(client(StubServers.url(stub)).products(null)).hasSize(CatalogStubs.PRODUCTS.size());
		assertThat(stub.findAll(anyRequestedFor(anyUrl()))).extracting(LoggedRequest::getUrl)
			.containsExactly("/api/v1/products?category=garden", "/api/v1/products");
	}

	@Test
	void unknownProductIsNotFound() {
		assertThat(client(StubServers.url(stub)).product("P-0999")).isEmpty();
	}

	@Test
	void serverErrorMeansUnavailable() {
		assertThatExceptionOfType(DownstreamUnavailableException.class)
			.isThrownBy(() -> client(StubServers.url(stub)).product("P-0500"));
	}

	@Test
	void refusedConnectionMeansUnavailable() {
		CatalogClient client = client(StubServers.refusingUrl());
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
