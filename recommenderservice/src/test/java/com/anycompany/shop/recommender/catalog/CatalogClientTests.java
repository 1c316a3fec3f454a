package com.anycompany.shop.recommender.catalog;

import java.math.BigDecimal;

import com.anycompany.shop.clients.testing.TestServiceClients;
import com.anycompany.shop.testsupport.StubServers;
import com.anycompany.shop.clients.problem.DownstreamUnavailableException;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.web.service.registry.ImportHttpServices;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CatalogClientTests {

	final TestServiceClients clients = new TestServiceClients(Groups.class);

	@AfterEach
	void closeClients() {
		this.clients.close();
	}

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

	private CatalogClient client(String url) {
		return this.clients.client(CatalogClient.class, "catalogservice", url,
				"spring.http.serviceclient.catalogservice.read-timeout=10s");
	}

	@ImportHttpServices(group = "catalogservice", types = CatalogClient.class)
	static class Groups {

	}

}
