package com.anycompany.shop.order;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.anycompany.shop.testsupport.ShopServiceTest;
import com.anycompany.shop.testsupport.StubServers;
import com.anycompany.shop.testsupport.XRayDaemonStub;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.noContent;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole service on a random port against dynalite, with cartservice and
 * catalogservice played by local HTTP servers, and the segments the SDK really sends over
 * UDP.
 */
@ShopServiceTest(dynamoDb = true)
class OrderServiceApplicationTests {

	@Autowired
	XRayDaemonStub daemon;

	@RegisterExtension
	static WireMockExtension cartservice = StubServers.extension();

	@RegisterExtension
	static WireMockExtension catalogservice = StubServers.extension();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("shop.clients.services.cartservice.base-url", () -> StubServers.url(cartservice));
		registry.add("shop.clients.services.catalogservice.base-url", () -> StubServers.url(catalogservice));
	}

	@BeforeEach
	void stubCatalogAndCarts() {
		catalogservice.stubFor(get("/api/v1/product/P-0001")
			.willReturn(okJson(OrderFixtures.product("P-0001", "Copper Kettle", "34.90"))));
		catalogservice.stubFor(get("/api/v1/product/P-0002")
			.willReturn(okJson(OrderFixtures.product("P-0002", "Cast Iron Skillet", "42.00"))));
		for (String cartId : List.of("c-twice", "c-traced")) {
			cartservice.stubFor(get("/api/v1/cart/" + cartId).willReturn(okJson("""
					{"cartId":"%s","items":[{"productId":"P-0001","quantity":2},{"productId":"P-0002","quantity":1}]}"""
				.formatted(cartId))));
			cartservice.stubFor(delete("/api/v1/cart/" + cartId).willReturn(noContent()));
		}
		cartservice.stubFor(get("/api/v1/cart/c-empty").willReturn(okJson("{\"cartId\":\"c-empty\",\"items\":[]}")));
		cartservice.stubFor(get("/api/v1/cart/c-down").willReturn(serviceUnavailable().withBody("{\"status\":503}")));
	}

	@Autowired
	private RestTestClient http;

	@Autowired
	private DynamoDbClient dynamoDb;

	@Test
	void sameIdempotencyKeyTwiceIsOneOrder() {
		EntityExchangeResult<Order> first = place("k-twice", "c-twice").expectStatus()
			.isCreated()
			.expectBody(Order.class)
			.returnResult();
		Order order = first.getResponseBody();
		assertThat(order.orderId()).isEqualTo(OrderIds.fromIdempotencyKey("k-twice"));
		assertThat(first.getResponseHeaders().getLocation()).hasToString("/api/v1/order/" + order.orderId());
		assertThat(order.total()).isEqualByComparingTo("111.80");
		assertThat(order.lines()).extracting(OrderLine::name).containsExactly("Copper Kettle", "Cast Iron Skillet");

		Order again = place("k-twice", "c-twice").expectStatus()
			.isOk()
			.expectBody(Order.class)
			.returnResult()
			.getResponseBody();
		assertThat(again).isEqualTo(order);

		assertThat(storedOrdersWithKey("k-twice")).isEqualTo(1);
		// the cart was read and priced once; the second submission only makes sure the
		// spent cart is empty
		cartservice.verify(1, getRequestedFor(urlEqualTo("/api/v1/cart/c-twice")));
		cartservice.verify(2, deleteRequestedFor(urlEqualTo("/api/v1/cart/c-twice")));

		this.http.get()
			.uri("/api/v1/order/" + order.orderId())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Order.class)
			.isEqualTo(order);
	}

	@Test
	void placingIsTracedFromRequestToDynamoDb() {
		String traceHeader = place("k-traced", "c-traced").expectStatus()
			.isCreated()
			.returnResult()
			.getResponseHeaders()
			.getFirst("X-Amzn-Trace-Id");
		String traceId = traceHeader.substring("Root=".length()).split(";")[0];

		JsonNode segment = daemon.awaitSegmentOfTrace(traceId, Duration.ofSeconds(10));
		assertThat(segment.path("name").asString()).isEqualTo("orderservice");
		assertThat(segment.path("annotations").path("OrderID").asString())
			.isEqualTo(OrderIds.fromIdempotencyKey("k-traced"));

		// @XRayEnabled: the placement is one subsegment holding everything it called
		JsonNode placement = XRayDaemonStub.subsegmentNamed(segment, "place").orElseThrow();
		List<JsonNode> calls = XRayDaemonStub.walk(placement).skip(1).toList();
		assertThat(calls).filteredOn((s) -> "catalogservice".equals(s.path("name").asString()))
			.hasSize(2)
			.allSatisfy((s) -> assertThat(s.path("namespace").asString()).isEqualTo("remote"));
		assertThat(calls).filteredOn((s) -> "cartservice".equals(s.path("name").asString()))
			.extracting((s) -> s.path("http").path("request").path("method").asString())
			.containsExactlyInAnyOrder("GET", "DELETE");
		assertThat(calls).filteredOn((s) -> "DynamoDb".equals(s.path("name").asString())).anySatisfy((s) -> {
			assertThat(s.path("aws").path("operation").asString()).isEqualTo("PutItem");
			assertThat(s.path("aws").path("table_name").asString()).isEqualTo("Orders");
		});
	}

	@Test
	void emptyCartIsProblem409() {
		place("k-empty", "c-empty").expectStatus()
			.isEqualTo(409)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(storedOrdersWithKey("k-empty")).isZero();
		// a refused order is an error on the map, never a fault
		JsonNode segment = daemon.awaitSegment((s) -> "orderservice".equals(s.path("name").asString())
				&& s.path("http").path("response").path("status").asInt() == 409, Duration.ofSeconds(10));
		assertThat(XRayDaemonStub.walk(segment)
			.filter((entity) -> entity.path("fault").asBoolean(false))
			.map((entity) -> entity.path("name").asString())).isEmpty();
		assertThat(segment.path("error").asBoolean()).isTrue();
	}

	@Test
	void unavailableCartIsProblem503AndPlacesNothing() {
		place("k-down", "c-down").expectStatus()
			.isEqualTo(503)
			.expectBody()
			.jsonPath("$.service")
			.isEqualTo("cartservice");
		assertThat(storedOrdersWithKey("k-down")).isZero();
	}

	@Test
	void unknownOrderIsProblem404() {
		this.http.get().uri("/api/v1/order/O-0000000000000000").exchange().expectStatus().isNotFound();
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

	private RestTestClient.ResponseSpec place(String idempotencyKey, String cartId) {
		return this.http.post()
			.uri("/api/v1/order")
			.contentType(MediaType.APPLICATION_JSON)
			.body(OrderFixtures.json(idempotencyKey, cartId))
			.exchange();
	}

	private int storedOrdersWithKey(String idempotencyKey) {
		return this.dynamoDb
			.scan((request) -> request.tableName("Orders")
				.filterExpression("idempotencyKey = :key")
				.expressionAttributeValues(Map.of(":key", AttributeValue.fromS(idempotencyKey)))
				.consistentRead(true))
			.count();
	}

}
