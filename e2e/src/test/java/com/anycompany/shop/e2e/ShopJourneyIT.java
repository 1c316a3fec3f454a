package com.anycompany.shop.e2e;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.anycompany.shop.e2e.StorefrontSession.Page;
import com.anycompany.shop.launcher.stack.LocalShop;
import com.anycompany.shop.testsupport.XRayDaemonStub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The six services as separate processes, started as {@code ./shop up} starts them, with
 * a UDP listener in place of the X-Ray daemon: a shopper's whole journey over real HTTP,
 * and the segments every service really sent for it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ShopJourneyIT {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private static final XRayDaemonStub daemon = new XRayDaemonStub();

	private static LocalShop shop;

	private static StorefrontSession shopper;

	private static String orderId;

	@BeforeAll
	static void startShop() throws InterruptedException {
		shop = LocalShop.builder()
			.projectDir(ProjectDir.get())
			.logsDir(Path.of("target", "journey-logs").toAbsolutePath())
			.freePorts()
			.environment("AWS_XRAY_DAEMON_ADDRESS", daemon.address())
			.environment("SHOP_TRACING_CENTRALIZED_SAMPLING", "false")
			.startTimeout(Duration.ofMinutes(4))
			.start();
		shopper = new StorefrontSession(shop.storefrontUrl());
	}

	@AfterAll
	static void stopShop() {
		if (shop != null) {
			shop.close();
		}
		daemon.close();
	}

	@Test
	@Order(1)
	void homePageIsOneTraceOfTheFrontend() throws Exception {
		Page home = shopper.get("/");
		assertThat(home.status()).isEqualTo(200);
		assertThat(home.body()).contains("AnyCompany Shop");
		List<JsonNode> trace = daemon.awaitTrace(home.traceId(), WAIT, "frontend", "catalogservice");
		JsonNode frontend = segmentOf(trace, "frontend");
		assertThat(frontend.has("parent_id")).isFalse();
		assertThat(frontend.path("annotations").path("UserID").asString()).isNotBlank();
		assertParentLinks(trace);
	}

	@Test
	@Order(2)
	void productPageShowsRecommendationsAndIsAnnotated() throws Exception {
		Page product = shopper.get("/product/P-0001");
		assertThat(product.status()).isEqualTo(200);
		assertThat(product.body()).contains("Copper Kettle").contains("data-test=\"recommendations\"");
		List<JsonNode> trace = daemon.awaitTrace(product.traceId(), WAIT, "frontend", "catalogservice",
				"recommenderservice");
		JsonNode frontend = segmentOf(trace, "frontend");
		assertThat(frontend.path("annotations").path("ProductID").asString()).isEqualTo("P-0001");
		assertThat(segmentOf(trace, "recommenderservice").path("annotations").path("ProductID").asString())
			.isEqualTo("P-0001");
		assertParentLinks(trace);
	}

	@Test
	@Order(3)
	void addingToTheCartIsATreeDownToDynamoDb() throws Exception {
		Page product = shopper.get("/product/P-0001");
		Page added = shopper.post(product, "/cart", Map.of("quantity", "2"));
		assertThat(added.status()).isEqualTo(302);
		List<JsonNode> trace = daemon.awaitTrace(added.traceId(), WAIT, "frontend", "cartservice", "catalogservice");

		// frontend -> cartservice -> catalogservice -> DynamoDB: each callee's segment
		// hangs
		// under the caller's remote subsegment for that call
		JsonNode frontend = segmentOf(trace, "frontend");
		JsonNode cart = calleeOf(trace, remoteCall(frontend, "cartservice", "POST"), "cartservice");
		JsonNode catalog = calleeOf(trace, remoteCall(cart, "catalogservice", "GET"), "catalogservice");
		assertThat(dynamoCalls(catalog)).extracting((call) -> call.path("aws").path("table_name").asString())
			.contains("ProductCatalog");
		assertThat(dynamoCalls(cart)).extracting((call) -> call.path("aws").path("table_name").asString())
			.contains("Carts");
		assertThat(frontend.path("annotations").path("ProductID").asString()).isEqualTo("P-0001");

		Page second = shopper.post(shopper.get("/product/P-0007"), "/cart", Map.of("quantity", "1"));
		assertThat(second.status()).isEqualTo(302);
		Page cartPage = shopper.get("/cart");
		assertThat(cartPage.body()).contains("Copper Kettle").contains("Terracotta Planter");
	}

	@Test
	@Order(4)
	void placingTheOrderTwiceStoresItExactlyOnce() throws Exception {
		Page checkout = shopper.get("/cart/checkout");
		assertThat(checkout.status()).isEqualTo(200);
		assertThat(checkout.hiddenFields()).containsKeys("_csrf", "idempotencyKey");
		Map<String, String> details = Map.of("name", "Ana Silva", "email", "ana@example.test", "street", "1 Main St",
				"city", "Springfield", "postalCode", "12345", "country", "US");

		Page placed = shopper.post(checkout, "/cart/order", details);
		assertThat(placed.status()).isEqualTo(302);
		orderId = placed.location().substring(placed.location().lastIndexOf('/') + 1);
		assertThat(orderId).startsWith("O-");

		// the same form submitted again (a double click, a retry): the same order, not a
		// second
		Page again = shopper.post(checkout, "/cart/order", details);
		assertThat(again.location()).endsWith("/cart/order/" + orderId);

		Page confirmation = shopper.get("/cart/order/" + orderId);
		assertThat(confirmation.status()).isEqualTo(200);
		assertThat(confirmation.body()).contains(orderId);

		try (DynamoDbClient dynamoDb = localDynamoDb(shop.dynamoDbEndpoint())) {
			List<Map<String, AttributeValue>> orders = dynamoDb.scan((scan) -> scan.tableName("Orders")).items();
			String key = checkout.hiddenFields().get("idempotencyKey");
			assertThat(orders).filteredOn((item) -> item.toString().contains(key)).hasSize(1);
			assertThat(orders).filteredOn((item) -> item.get("orderId").s().equals(orderId)).hasSize(1);
		}

		List<JsonNode> trace = daemon.awaitTrace(placed.traceId(), WAIT, "frontend", "orderservice", "cartservice",
				"catalogservice");
		JsonNode order = segmentOf(trace, "orderservice");
		assertThat(order.path("annotations").path("OrderID").asString()).isEqualTo(orderId);
		assertThat(dynamoCalls(order)).extracting((call) -> call.path("aws").path("table_name").asString())
			.contains("Orders");
		assertParentLinks(trace);
	}

	@Test
	@Order(5)
	void throttledProductCatalogShowsAsThrottleOnItsDynamoDbCalls() throws Exception {
		// the workshop's "lower the ProductCatalog capacity", locally: every DynamoDB
		// call of
		// catalogservice fails as throttled
		assertThat(chaos("catalogservice", "{\"throttleRate\": 1.0}")).isEqualTo(200);
		try {
			Page product = shopper.get("/product/P-0005");
			assertThat(product.status()).isEqualTo(503);
			assertThat(product.body()).doesNotContain("Exception");
			List<JsonNode> trace = daemon.awaitTrace(product.traceId(), WAIT, "frontend", "catalogservice");
			JsonNode catalog = segmentOf(trace, "catalogservice");
			assertThat(dynamoCalls(catalog)).isNotEmpty()
				.allSatisfy((call) -> assertThat(call.path("throttle").asBoolean()).isTrue());
			assertThat(remoteCall(segmentOf(trace, "frontend"), "catalogservice", "GET").path("fault").asBoolean())
				.isTrue();
		}
		finally {
			assertThat(chaos("catalogservice", null)).isEqualTo(200);
		}
		assertThat(shopper.get("/product/P-0005").status()).isEqualTo(200);
		// the frontend's actuator takes the same request without a CSRF token
		assertThat(chaos("frontend", "{\"latencyMs\": 0}")).isEqualTo(200);
	}

	/**
	 * Sets (or, with no body, resets) a service's injected faults; returns the status.
	 */
	private static int chaos(String service, String json) throws Exception {
		java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest
			.newBuilder(shop.serviceUrl(service).resolve("/actuator/chaos"))
			.header("X-Chaos-Token", shop.chaosToken());
		if (json == null) {
			request.DELETE();
		}
		else {
			request.header("Content-Type", "application/json")
				.POST(java.net.http.HttpRequest.BodyPublishers.ofString(json));
		}
		return java.net.http.HttpClient.newHttpClient()
			.send(request.build(), java.net.http.HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}

	private static JsonNode segmentOf(List<JsonNode> trace, String service) {
		return trace.stream()
			.filter((segment) -> service.equals(segment.path("name").asString()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + service + " segment in the trace"));
	}

	private static JsonNode remoteCall(JsonNode segment, String callee, String method) {
		Optional<JsonNode> call = XRayDaemonStub.walk(segment)
			.filter((s) -> callee.equals(s.path("name").asString()) && "remote".equals(s.path("namespace").asString())
					&& method.equals(s.path("http").path("request").path("method").asString()))
			.findFirst();
		assertThat(call).as("%s calls %s with %s", segment.path("name").asString(), callee, method).isPresent();
		return call.get();
	}

	/** The callee's segment that hangs under the caller's subsegment for the call. */
	private static JsonNode calleeOf(List<JsonNode> trace, JsonNode call, String service) {
		Optional<JsonNode> callee = trace.stream()
			.filter((segment) -> call.path("id").asString().equals(segment.path("parent_id").asString()))
			.findFirst();
		assertThat(callee).as("a segment under the %s call %s", service, call.path("id").asString()).isPresent();
		assertThat(callee.get().path("name").asString()).isEqualTo(service);
		return callee.get();
	}

	private static List<JsonNode> dynamoCalls(JsonNode segment) {
		return XRayDaemonStub.walk(segment).filter((s) -> "DynamoDb".equals(s.path("name").asString())).toList();
	}

	/**
	 * Every segment but the root hangs under a subsegment that some other segment of the
	 * trace holds.
	 */
	private static void assertParentLinks(List<JsonNode> trace) {
		List<String> subsegmentIds = trace.stream()
			.flatMap((segment) -> XRayDaemonStub.walk(segment).skip(1))
			.map((s) -> s.path("id").asString())
			.toList();
		assertThat(trace).filteredOn((segment) -> segment.has("parent_id"))
			.allSatisfy((segment) -> assertThat(subsegmentIds).contains(segment.path("parent_id").asString()));
		assertThat(trace).filteredOn((segment) -> !segment.has("parent_id")).hasSize(1);
	}

	static DynamoDbClient localDynamoDb(URI endpoint) {
		return DynamoDbClient.builder()
			.endpointOverride(endpoint)
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
			.httpClientBuilder(UrlConnectionHttpClient.builder())
			.build();
	}

}
