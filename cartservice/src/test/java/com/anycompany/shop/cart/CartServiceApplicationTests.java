package com.anycompany.shop.cart;

import java.time.Duration;
import java.util.List;

import com.anycompany.shop.testsupport.ShopServiceTest;
import com.anycompany.shop.testsupport.StubServers;
import com.anycompany.shop.testsupport.XRayDaemonStub;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole service on a random port against dynalite, with catalogservice played by a
 * local HTTP server, and the segments the SDK really sends over UDP.
 */
@ShopServiceTest(dynamoDb = true)
class CartServiceApplicationTests {

	@Autowired
	XRayDaemonStub daemon;

	@RegisterExtension
	static WireMockExtension catalog = StubServers.extension();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("shop.clients.services.catalogservice.base-url", () -> StubServers.url(catalog));
	}

	@BeforeEach
	void catalogKnowsTwoProducts() {
		for (String id : List.of("P-0001", "P-0002")) {
			catalog
				.stubFor(get("/api/v1/product/" + id).willReturn(okJson("{\"id\":\"" + id + "\",\"name\":\"Thing\"}")));
		}
		catalog.stubFor(get("/api/v1/product/P-0500").willReturn(problem(503)));
		// like the real catalog: any other product is not found
		catalog.stubFor(get(urlPathMatching("/api/v1/product/.*")).atPriority(10).willReturn(problem(404)));
	}

	private static ResponseDefinitionBuilder problem(int status) {
		return aResponse().withStatus(status)
			.withHeader("Content-Type", "application/problem+json")
			.withBody("{\"status\":" + status + "}");
	}

	@Autowired
	private RestTestClient http;

	@Test
	void keepsQuantitiesPerLineAndEmpties() {
		add("c-lines", "P-0001", 2);
		add("c-lines", "P-0001", 3);
		add("c-lines", "P-0002", 1);
		cart("c-lines").json(
				"{\"cartId\":\"c-lines\",\"items\":[{\"productId\":\"P-0001\",\"quantity\":5},"
						+ "{\"productId\":\"P-0002\",\"quantity\":1}]}",
				org.springframework.test.json.JsonCompareMode.STRICT);

		this.http.delete()
			.uri("/api/v1/cart/c-lines/item/P-0001")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.json("{\"items\":[{\"productId\":\"P-0002\",\"quantity\":1}]}");

		this.http.delete().uri("/api/v1/cart/c-lines").exchange().expectStatus().isNoContent();
		cart("c-lines").json("{\"cartId\":\"c-lines\",\"items\":[]}");
	}

	@Test
	void aLineNeverExceedsNinetyNine() {
		add("c-limit", "P-0002", 99);
		post("c-limit", "P-0002", 1).expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		cart("c-limit").jsonPath("$.items[0].quantity").isEqualTo(99);
	}

	@Test
	void fractionsAndBooleansAreRefusedNotCoerced() {
		for (String body : List.of("{\"cartId\":\"c-strict\",\"productId\":\"P-0001\",\"quantity\":1.5}",
				"{\"cartId\":true,\"productId\":\"P-0001\",\"quantity\":1}")) {
			this.http.post()
				.uri("/api/v1/cart")
				.contentType(MediaType.APPLICATION_JSON)
				.body(body)
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.errors[0]")
				.value(String.class, (error) -> assertThat(error).matches("(quantity|cartId): must be .*"));
		}
		cart("c-strict").json("{\"items\":[]}");
		cart("true").json("{\"items\":[]}");
	}

	@Test
	void productsTheCatalogDoesNotKnowOrCannotConfirmAreRefused() {
		post("c-unknown", "P-0999", 1).expectStatus().isNotFound();
		post("c-unknown", "P-0500", 1).expectStatus().isEqualTo(503).expectBody().jsonPath("$.status").isEqualTo(503);
		cart("c-unknown").json("{\"items\":[]}");
	}

	@Test
	void addingIsTracedWithTheCatalogCallAndTheDynamoDbWrite() {
		String traceHeader = post("c-traced", "P-0001", 1).expectStatus()
			.isOk()
			.returnResult()
			.getResponseHeaders()
			.getFirst("X-Amzn-Trace-Id");
		assertThat(traceHeader).as("trace header of the response").startsWith("Root=");
		String traceId = traceHeader.substring("Root=".length()).split(";")[0];

		JsonNode segment = daemon.awaitSegmentOfTrace(traceId, Duration.ofSeconds(10));
		assertThat(segment.path("name").asString()).isEqualTo("cartservice");
		assertThat(segment.path("http").path("request").path("method").asString()).isEqualTo("POST");
		JsonNode catalogCall = XRayDaemonStub.subsegmentNamed(segment, "catalogservice").orElseThrow();
		assertThat(catalogCall.path("namespace").asString()).isEqualTo("remote");
		assertThat(catalogCall.path("http").path("response").path("status").asInt()).isEqualTo(200);
		List<JsonNode> dynamo = XRayDaemonStub.walk(segment)
			.filter((s) -> "DynamoDb".equals(s.path("name").asString()))
			.toList();
		assertThat(dynamo).extracting((s) -> s.path("aws").path("operation").asString()).contains("GetItem", "PutItem");
		assertThat(dynamo)
			.allSatisfy((s) -> assertThat(s.path("aws").path("table_name").asString()).isEqualTo("Carts"));

		// the catalog was asked under the same trace, as a child of the remote subsegment
		String header = catalog.findAll(getRequestedFor(urlPathMatching("/api/v1/product/.*")))
			.stream()
			.map((r) -> r.getHeader("X-Amzn-Trace-Id"))
			.filter((h) -> h != null && h.contains(catalogCall.path("id").asString()))
			.findFirst()
			.orElseThrow();
		assertThat(header).contains("Root=" + segment.path("trace_id").asString());
	}

	@Test
	void readinessReflectsTheTable() {
		this.http.get()
			.uri("/actuator/health/readiness")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.components.dynamoDb.status")
			.isEqualTo("UP");
	}

	private void add(String cartId, String productId, int quantity) {
		post(cartId, productId, quantity).expectStatus().isOk();
	}

	private RestTestClient.ResponseSpec post(String cartId, String productId, int quantity) {
		return this.http.post()
			.uri("/api/v1/cart")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"cartId\":\"%s\",\"productId\":\"%s\",\"quantity\":%d}".formatted(cartId, productId, quantity))
			.exchange();
	}

	private RestTestClient.BodyContentSpec cart(String cartId) {
		return this.http.get().uri("/api/v1/cart/" + cartId).exchange().expectStatus().isOk().expectBody();
	}

}
