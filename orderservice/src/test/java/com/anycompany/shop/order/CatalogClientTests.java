package com.anycompany.shop.order;

import java.math.BigDecimal;

import com.anycompany.shop.clients.testing.TestServiceClients;
import com.anycompany.shop.testsupport.StubServers;
import com.anycompany.shop.clients.problem.DownstreamUnavailableException;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.web.service.registry.ImportHttpServices;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CatalogClientTests {

	final TestServiceClients clients = new TestServiceClients(Groups.class);

	@AfterEach
	void closeClients() {
		this.clients.close();
	}

	@RegisterExtension
	static WireMockExtension catalogservice = StubServers.extension();

	@Test
	void readsNameAndPrice() {
		catalogservice.stubFor(get("/api/v1/product/P-0001")
			.willReturn(okJson(OrderFixtures.product("P-0001", "Copper Kettle", "34.90"))));
		assertThat(client(url()).product("P-0001"))
			.contains(new CatalogClient.CatalogProduct("P-0001", "Copper Kettle", new BigDecimal("34.90"), "USD"));
	}

	@Test
	void unknownProductIsEmpty() {
		catalogservice.stubFor(get("/api/v1/product/P-0999")
			.willReturn(notFound().withHeader("Content-Type", "application/problem+json")
				.withBody("{\"status\":404,\"title\":\"Product not found\"}")));
		assertThat(client(url()).product("P-0999")).isEmpty();
	}

	@Test
	void failingCatalogIsUnavailable() {
		catalogservice.stubFor(get("/api/v1/product/P-0001").willReturn(serviceUnavailable().withBody("{}")));
		assertThatExceptionOfType(DownstreamUnavailableException.class)
			.isThrownBy(() -> client(url()).product("P-0001"));
	}

	@Test
	void refusedConnectionIsUnavailable() {
		assertThatExceptionOfType(DownstreamUnavailableException.class)
			.isThrownBy(() -> client(StubServers.refusingUrl()).product("P-0001"))
			.satisfies((ex) -> assertThat(ex.getBody().getProperties()).containsEntry("service", "catalogservice"));
	}

	@Test
	void slowCatalogTimesOut() {
		catalogservice.stubFor(get("/api/v1/product/P-0001")
			.willReturn(okJson(OrderFixtures.product("P-0001", "Copper Kettle", "34.90")).withFixedDelay(2000)));
		assertThatExceptionOfType(DownstreamUnavailableException.class)
			.isThrownBy(() -> impatientClient(url()).product("P-0001"));
	}

	private static String url() {
		return StubServers.url(catalogservice);
	}

	private CatalogClient client(String url) {
		return this.clients.client(CatalogClient.class, "catalogservice", url);
	}

	/** With a read timeout much shorter than the stub's delay. */
	private CatalogClient impatientClient(String url) {
		return this.clients.client(CatalogClient.class, "catalogservice", url,
				"spring.http.serviceclient.catalogservice.read-timeout=300ms");
	}

	@ImportHttpServices(group = "catalogservice", types = CatalogClient.class)
	static class Groups {

	}

}
