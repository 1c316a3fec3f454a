package com.anycompany.shop.cart;

import java.time.Duration;

import com.anycompany.shop.clients.testing.TestServiceClients;
import com.anycompany.shop.testsupport.StubServers;
import com.anycompany.shop.clients.problem.DownstreamRejectedException;
import com.anycompany.shop.clients.problem.DownstreamUnavailableException;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.http.HttpStatus;
import org.springframework.web.service.registry.ImportHttpServices;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CatalogClientTests {

	final TestServiceClients clients = new TestServiceClients(Groups.class);

	@AfterEach
	void closeClients() {
		this.clients.close();
	}

	private static final String KETTLE = """
			{"id":"P-0001","name":"Copper Kettle","description":"Boils.","category":"kitchen",
			 "price":34.90,"currency":"USD","image":"product-p-0001","tags":["kitchen"]}""";

	@RegisterExtension
	static WireMockExtension catalog = StubServers.extension();

	@Test
	void productTheCatalogReturnsExists() {
		catalog.stubFor(get("/api/v1/product/P-0001").willReturn(okJson(KETTLE)));
		assertThat(client(url()).product("P-0001")).hasValue(new CatalogClient.CatalogProduct("P-0001"));
		catalog.verify(1, getRequestedFor(urlEqualTo("/api/v1/product/P-0001")));
		assertThat(catalog.getAllServeEvents()).hasSize(1);
	}

	@Test
	void productTheCatalogAnswers404ForDoesNotExist() {
		catalog.stubFor(get("/api/v1/product/P-0999")
			.willReturn(problem(404, "{\"status\":404,\"title\":\"Product not found\"}")));
		assertThat(client(url()).product("P-0999")).isEmpty();
	}

	@Test
	void aBadRequestKeepsItsMeaning() {
		catalog.stubFor(get("/api/v1/product/x").willReturn(
				problem(400, "{\"status\":400,\"title\":\"Invalid request\",\"errors\":[\"id: must match\"]}")));
		assertThatExceptionOfType(DownstreamRejectedException.class).isThrownBy(() -> client(url()).product("x"))
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
				assertThat(ex.fieldErrors()).containsEntry("id", "must match");
			});
	}

	@Test
	void failingCatalogIsUnavailable() {
		catalog.stubFor(get("/api/v1/product/P-0001").willReturn(problem(500, "{}")));
		assertThatExceptionOfType(DownstreamUnavailableException.class)
			.isThrownBy(() -> client(url()).product("P-0001"))
			.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE))
			.satisfies((ex) -> assertThat(ex.getService()).isEqualTo("catalogservice"))
			.withMessageContaining("500");
	}

	@Test
	void refusedConnectionIsUnavailable() {
		assertThatExceptionOfType(DownstreamUnavailableException.class)
			.isThrownBy(() -> client(StubServers.refusingUrl()).product("P-0001"));
	}

	@Test
	void slowCatalogTimesOut() {
		catalog.stubFor(get("/api/v1/product/P-0001").willReturn(okJson(KETTLE).withFixedDelay(3000)));
		long start = System.nanoTime();
		assertThatExceptionOfType(DownstreamUnavailableException.class)
			.isThrownBy(() -> impatientClient(url()).product("P-0001"));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
	}

	private static String url() {
		return StubServers.url(catalog);
	}

	private static ResponseDefinitionBuilder problem(int status, String json) {
		return aResponse().withStatus(status).withHeader("Content-Type", "application/problem+json").withBody(json);
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
