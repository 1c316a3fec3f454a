package com.anycompany.shop.xraylocal;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.amazonaws.xray.entities.Segment;
import com.amazonaws.xray.strategy.sampling.CentralizedSamplingStrategy;
import com.amazonaws.xray.strategy.sampling.SamplingRequest;
import com.amazonaws.xray.strategy.sampling.SamplingResponse;
import com.anycompany.shop.xraylocal.ingest.UdpReceiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.xray.XRayClient;
import software.amazon.awssdk.services.xray.model.Edge;
import software.amazon.awssdk.services.xray.model.GetServiceGraphResponse;
import software.amazon.awssdk.services.xray.model.InvalidRequestException;
import software.amazon.awssdk.services.xray.model.SamplingRule;
import software.amazon.awssdk.services.xray.model.SamplingStatisticsDocument;
import software.amazon.awssdk.services.xray.model.Service;
import software.amazon.awssdk.services.xray.model.TimeRangeType;
import software.amazon.awssdk.services.xray.model.TraceSummary;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The real X-Ray Java SDK sends the shop's traces to xray-local over UDP; the AWS SDK v2
 * {@code XRayClient} reads them back through the X-Ray API, as the AWS CLI would.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "xray.local.udp-port=0", "xray.local.sampling-rules=classpath:sampling-test-rules.json" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class XrayLocalIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@LocalServerPort
	int httpPort;

	@Autowired
	UdpReceiver udp;

	private XRayClient xray;

	private SdkShop shop;

	private CentralizedSamplingStrategy sampling;

	private final Instant start = Instant.now().minusSeconds(60);

	private String orderTrace;

	private String notFoundTrace;

	private String throttledTrace;

	private String recommenderDownTrace;

	private String streamedTrace;

	private String slowTrace;

	private final List<String> productTraces = new ArrayList<>();

	@BeforeAll
	void sendTheShopsTraces() throws Exception {
		// the SDK gives a sampling poll 2 s: warm the server up, as a running one would
		// be
		for (int i = 0; i < 3; i++) {
			status();
			HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.httpPort + "/GetSamplingRules"))
				.POST(HttpRequest.BodyPublishers.ofString("{}"))
				.build(), HttpResponse.BodyHandlers.ofString());
		}
		// centralized sampling first: its target poll comes ~10 s later, while the rest
		// runs
		System.setProperty("com.amazonaws.xray.emitters.daemonAddress",
				"tcp:127.0.0.1:" + this.httpPort + " udp:127.0.0.1:" + this.udp.port());
		this.sampling = new CentralizedSamplingStrategy();
		this.sampling.shouldTrace(new SamplingRequest("frontend", "localhost", "/", "GET", "AWS::EKS::Container"));

		this.xray = XRayClient.builder()
			.endpointOverride(URI.create("http://127.0.0.1:" + this.httpPort))
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
			.httpClient(UrlConnectionHttpClient.create())
			.build();

		// segments with more than 2 subsegments stream finished ones on their own
		this.shop = new SdkShop(this.udp.port(), 2);
		this.orderTrace = this.shop.request("POST", "http://localhost:8080/cart/order", 200, (frontend) -> {
			frontend.putAnnotation("UserID", "user-7");
			this.shop.call("orderservice", "POST", "http://localhost:8083/api/v1/order", 200, (order) -> {
				order.putAnnotation("OrderID", "O-42");
				this.shop.call("cartservice", "GET", "http://localhost:8082/api/v1/cart/c7", 200,
						(cart) -> this.shop.dynamo("Carts", "GetItem", false));
				this.shop.call("catalogservice", "GET", "http://localhost:8081/api/v1/product/P-0042", 200,
						(catalog) -> this.shop.dynamo("ProductCatalog", "GetItem", false));
				this.shop.dynamo("Orders", "PutItem", false);
			});
		});
		for (int i = 0; i < 3; i++) {
			this.productTraces.add(product("P-0042", true));
		}
		this.recommenderDownTrace = product("P-0007", false);
		this.notFoundTrace = this.shop.request("GET", "http://localhost:8080/product/P-9999", 404,
				(frontend) -> this.shop.call("catalogservice", "GET", "http://localhost:8081/api/v1/product/P-9999",
						404, (catalog) -> this.shop.dynamo("ProductCatalog", "GetItem", false)));
		this.throttledTrace = this.shop.request("GET", "http://localhost:8080/products", 200,
				(frontend) -> this.shop.call("catalogservice", "GET", "http://localhost:8081/api/v1/products", 200,
						(catalog) -> this.shop.dynamo("ProductCatalog", "Scan", true)));
		this.streamedTrace = this.shop.request("GET", "http://localhost:8080/cart", 200, (frontend) -> {
			for (int i = 0; i < 8; i++) {
				this.shop.dynamo("Carts", "Query", false);
			}
		});
		this.slowTrace = this.shop.request("GET", "http://localhost:8080/slow", 200, (frontend) -> SdkShop.sleep(1200));

		Set<String> all = Set.of(this.orderTrace, this.recommenderDownTrace, this.notFoundTrace, this.throttledTrace,
				this.streamedTrace, this.slowTrace, this.productTraces.get(0), this.productTraces.get(1),
				this.productTraces.get(2));
		await().atMost(Duration.ofSeconds(20)).until(() -> summaries(null).keySet().containsAll(all));
	}

	private String product(String productId, boolean recommenderUp) {
		return this.shop.request("GET", "http://localhost:8080/product/" + productId, 200, (frontend) -> {
			frontend.putAnnotation("ProductID", productId);
			this.shop.call("catalogservice", "GET", "http://localhost:8081/api/v1/product/" + productId, 200,
					(catalog) -> this.shop.dynamo("ProductCatalog", "GetItem", false));
			this.shop.call("recommenderservice", "GET", "http://localhost:8084/api/v1/recommender/" + productId,
					recommenderUp ? 200 : 503,
					recommenderUp ? (Consumer<Segment>) (recommender) -> this.shop.call("catalogservice", "GET",
							"http://localhost:8081/api/v1/products", 200,
							(catalog) -> this.shop.dynamo("ProductCatalog", "Scan", false)) : null);
		});
	}

	@AfterAll
	void stop() {
		if (this.sampling != null) {
			this.sampling.shutdown();
		}
		if (this.shop != null) {
			this.shop.close();
		}
		System.clearProperty("com.amazonaws.xray.emitters.daemonAddress");
	}

	private Map<String, TraceSummary> summaries(String filter) {
		return this.xray
			.getTraceSummariesPaginator(
					(r) -> r.startTime(this.start).endTime(Instant.now().plusSeconds(60)).filterExpression(filter))
			.traceSummaries()
			.stream()
			.collect(Collectors.toMap(TraceSummary::id, Function.identity()));
	}

	@Test
	@Order(1)
	void theServiceGraphShowsServicesDynamoDbTablesAndTheirHealth() {
		GetServiceGraphResponse graph = this.xray
			.getServiceGraph((r) -> r.startTime(this.start).endTime(Instant.now().plusSeconds(60)));
		Map<String, Service> services = graph.services()
			.stream()
			.collect(Collectors.toMap((s) -> s.name() + "|" + s.type(), Function.identity()));
		assertThat(services).containsOnlyKeys("frontend|client", "frontend|null", "orderservice|null",
				"cartservice|null", "catalogservice|null", "recommenderservice|null", "Carts|AWS::DynamoDB::Table",
				"ProductCatalog|AWS::DynamoDB::Table", "Orders|AWS::DynamoDB::Table");

		Service frontend = services.get("frontend|null");
		assertThat(frontend.root()).isTrue();
		assertThat(frontend.state()).isEqualTo("active");
		assertThat(frontend.summaryStatistics().totalCount()).isEqualTo(9);
		assertThat(frontend.summaryStatistics().errorStatistics().otherCount()).isEqualTo(1);
		assertThat(frontend.responseTimeHistogram()).isNotEmpty();

		Map<Integer, Service> byReference = graph.services()
			.stream()
			.collect(Collectors.toMap(Service::referenceId, Function.identity()));
		Map<String, Edge> frontendEdges = frontend.edges()
			.stream()
			.collect(Collectors.toMap((e) -> byReference.get(e.referenceId()).name(), Function.identity()));
		assertThat(frontendEdges).containsOnlyKeys("orderservice", "catalogservice", "recommenderservice", "Carts");
		assertThat(frontendEdges.get("Carts").summaryStatistics().totalCount()).isEqualTo(8);
		// the recommender was down once: the 503 shows on the edge to the real node
		Edge toRecommender = frontendEdges.get("recommenderservice");
		assertThat(toRecommender.summaryStatistics().totalCount()).isEqualTo(4);
		assertThat(toRecommender.summaryStatistics().faultStatistics().totalCount()).isEqualTo(1);
		assertThat(toRecommender.responseTimeHistogram()).isNotEmpty();

		Service client = services.get("frontend|client");
		assertThat(client.edges()).singleElement()
			.satisfies((e) -> assertThat(byReference.get(e.referenceId()).name()).isEqualTo("frontend"));

		Service catalog = services.get("catalogservice|null");
		Edge toProductCatalog = catalog.edges().get(0);
		assertThat(byReference.get(toProductCatalog.referenceId()).name()).isEqualTo("ProductCatalog");
		assertThat(toProductCatalog.summaryStatistics().errorStatistics().throttleCount()).isEqualTo(1);
		assertThat(services.get("ProductCatalog|AWS::DynamoDB::Table").state()).isEqualTo("unknown");
		assertThat(services.get("Carts|AWS::DynamoDB::Table").summaryStatistics().totalCount()).isEqualTo(9);

		assertThat(byReference.get(services.get("orderservice|null").edges().get(0).referenceId()).name())
			.isIn("cartservice", "catalogservice", "Orders");
		assertThat(services.get("orderservice|null").edges()).hasSize(3);
	}

	@Test
	@Order(2)
	void traceSummariesFollowFilterExpressions() {
		assertThat(summaries("service(\"orderservice\")")).containsOnlyKeys(this.orderTrace);
		assertThat(summaries("edge(\"frontend\", \"recommenderservice\") { fault }"))
			.containsOnlyKeys(this.recommenderDownTrace);
		assertThat(summaries("fault")).containsOnlyKeys(this.recommenderDownTrace);
		assertThat(summaries("annotation.ProductID = \"P-0042\"")).containsOnlyKeys(this.productTraces);
		assertThat(summaries("http.status = 404 AND error")).containsOnlyKeys(this.notFoundTrace);
		assertThat(summaries("http.url CONTAINS \"/cart\"")).containsOnlyKeys(this.orderTrace, this.streamedTrace);
		assertThat(summaries("service(\"ProductCatalog\") { throttle }")).containsOnlyKeys(this.throttledTrace);
		assertThat(summaries("responsetime > 1 AND ok")).containsOnlyKeys(this.slowTrace);
		assertThat(summaries("service(\"DynamoDB\") AND http.method = \"POST\"")).containsOnlyKeys(this.orderTrace);

		TraceSummary order = summaries(null).get(this.orderTrace);
		assertThat(order.http().httpURL()).isEqualTo("http://localhost:8080/cart/order");
		assertThat(order.http().httpStatus()).isEqualTo(200);
		assertThat(order.http().httpMethod()).isEqualTo("POST");
		assertThat(order.hasFault()).isFalse();
		assertThat(order.isPartial()).isFalse();
		assertThat(order.entryPoint().name()).isEqualTo("frontend");
		assertThat(order.serviceIds()).extracting((s) -> s.name())
			.contains("frontend", "orderservice", "cartservice", "catalogservice", "Orders", "Carts", "ProductCatalog");
		assertThat(order.annotations().get("OrderID")).singleElement()
			.satisfies((v) -> assertThat(v.annotationValue().stringValue()).isEqualTo("O-42"));
		assertThat(order.responseTime()).isPositive();
		// the frontend segment streamed its finished subsegments: one trace, several
		// documents
		assertThat(summaries(null).get(this.streamedTrace).revision()).isGreaterThan(1);
	}

	@Test
	@Order(3)
	void timeRangesAndPagesWork() {
		Instant now = Instant.now();
		assertThat(
				this.xray.getTraceSummaries((r) -> r.startTime(now.minusSeconds(7200)).endTime(now.minusSeconds(3600)))
					.traceSummaries())
			.isEmpty();
		assertThat(this.xray
			.getTraceSummaries((r) -> r.startTime(this.start)
				.endTime(now.plusSeconds(60))
				.timeRangeType(TimeRangeType.EVENT)
				.filterExpression("service(\"orderservice\")"))
			.traceSummaries()).extracting(TraceSummary::id).containsExactly(this.orderTrace);

		List<String> documents = new ArrayList<>();
		Set<String> pagingTraces = new HashSet<>();
		double epoch = now.getEpochSecond();
		for (int i = 0; i < 230; i++) {
			Json segment = Json.segment("batch", Json.newTraceId(), epoch, 0.01).annotation("batch", "paging");
			documents.add(segment.json());
			pagingTraces.add((String) JSON.readTree(segment.json()).path("trace_id").asString());
			if (documents.size() == 50) {
				assertThat(this.xray.putTraceSegments((r) -> r.traceSegmentDocuments(documents))
					.unprocessedTraceSegments()).isEmpty();
				documents.clear();
			}
		}
		this.xray.putTraceSegments((r) -> r.traceSegmentDocuments(documents));
		var pages = this.xray
			.getTraceSummariesPaginator((r) -> r.startTime(this.start)
				.endTime(Instant.now().plusSeconds(60))
				.filterExpression("annotation.batch = \"paging\""))
			.stream()
			.toList();
		assertThat(pages).hasSize(3);
		assertThat(pages.get(2).nextToken()).isNull();
		assertThat(pages.stream().flatMap((p) -> p.traceSummaries().stream()).map(TraceSummary::id))
			.containsExactlyInAnyOrderElementsOf(pagingTraces);
	}

	@Test
	@Order(4)
	void aMalformedFilterIsAnInvalidRequestWithItsPosition() {
		assertThatThrownBy(() -> this.xray.getTraceSummaries((r) -> r.startTime(this.start)
			.endTime(Instant.now())
			.filterExpression("service(\"catalogservice\") { responsetime > }")))
			.isInstanceOf(InvalidRequestException.class)
			.hasMessageContaining("position 44")
			.hasMessageContaining("expected a number");
	}

	@Test
	@Order(5)
	void batchGetTracesStitchesStreamedSubsegmentsAndAddsInferredSegments() {
		var traces = this.xray.batchGetTraces(
				(r) -> r.traceIds(this.orderTrace, this.streamedTrace, "1-00000000-000000000000000000000000"));
		assertThat(traces.unprocessedTraceIds()).containsExactly("1-00000000-000000000000000000000000");
		Map<String, List<JsonNode>> documents = traces.traces()
			.stream()
			.collect(Collectors.toMap((t) -> t.id(),
					(t) -> t.segments().stream().map((s) -> JSON.readTree(s.document())).toList()));

		List<JsonNode> order = documents.get(this.orderTrace);
		assertThat(order).extracting((d) -> d.path("name").asString())
			.containsExactlyInAnyOrder("frontend", "orderservice", "cartservice", "catalogservice", "Carts",
					"ProductCatalog", "Orders");
		assertThat(order).filteredOn((d) -> d.path("inferred").asBoolean(false))
			.extracting((d) -> d.path("origin").asString())
			.containsOnly("AWS::DynamoDB::Table")
			.hasSize(3);
		JsonNode orderservice = order.stream()
			.filter((d) -> d.path("name").asString().equals("orderservice"))
			.findFirst()
			.orElseThrow();
		// streamed subsegments are back in their parent: two calls and one DynamoDB write
		assertThat(orderservice.path("subsegments")).extracting((s) -> s.path("name").asString())
			.containsExactlyInAnyOrder("cartservice", "catalogservice", "DynamoDb");
		assertThat(orderservice.path("subsegments")).allSatisfy((s) -> assertThat(s.has("type")).isFalse());

		List<JsonNode> streamed = documents.get(this.streamedTrace);
		JsonNode frontend = streamed.stream()
			.filter((d) -> d.path("name").asString().equals("frontend"))
			.findFirst()
			.orElseThrow();
		assertThat(frontend.path("subsegments")).hasSize(8);
		assertThat(streamed).filteredOn((d) -> !d.path("inferred").asBoolean(false)).hasSize(1);

		var traceGraph = this.xray.getTraceGraph((r) -> r.traceIds(this.orderTrace));
		assertThat(traceGraph.services()).extracting(Service::name)
			.containsExactlyInAnyOrder("frontend", "frontend", "orderservice", "cartservice", "catalogservice", "Carts",
					"ProductCatalog", "Orders");
	}

	@Test
	@Order(6)
	void anInProgressSegmentIsReplacedByItsCompleteCopy() {
		Segment segment = this.shop.recorder().beginSegment("frontend");
		segment.putHttp("request", Map.of("method", "GET", "url", "http://localhost:8080/long"));
		String traceId = segment.getTraceId().toString();
		this.shop.recorder().getEmitter().sendSegment(segment);
		await().atMost(Duration.ofSeconds(10)).until(() -> summaries("partial").containsKey(traceId));
		this.shop.recorder().endSegment();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> summaries("!partial AND http.url ENDSWITH \"/long\"").containsKey(traceId));
		var trace = this.xray.batchGetTraces((r) -> r.traceIds(traceId)).traces().get(0);
		assertThat(trace.segments()).singleElement().satisfies((s) -> {
			JsonNode document = JSON.readTree(s.document());
			assertThat(document.has("in_progress")).isFalse();
			assertThat(document.path("end_time").isNumber()).isTrue();
		});
	}

	@Test
	@Order(7)
	void putTraceSegmentsReportsWhatItRefused() {
		String good = Json.segment("batch", Json.newTraceId(), Instant.now().getEpochSecond(), 0.01).json();
		String bad = Json.segment("batch", null, Instant.now().getEpochSecond(), 0.01).id("abcdefabcdefabcd").json();
		var result = this.xray.putTraceSegments((r) -> r.traceSegmentDocuments(good, bad, "{not json"));
		assertThat(result.unprocessedTraceSegments()).extracting((u) -> u.id() + ":" + u.errorCode())
			.containsExactly("abcdefabcdefabcd:missing_trace_id", "null:malformed_json");
	}

	@Test
	@Order(8)
	void groupsNameFiltersForTheGraphAndTheTraces() {
		var created = this.xray
			.createGroup((r) -> r.groupName("checkout").filterExpression("service(\"orderservice\")"));
		assertThat(created.group().groupARN()).contains(":group/checkout/");
		assertThat(this.xray.getGroups((r) -> {
		}).groups()).extracting((g) -> g.groupName()).containsExactly("checkout", "Default");
		assertThat(this.xray.getGroup((r) -> r.groupName("checkout")).group().filterExpression())
			.isEqualTo("service(\"orderservice\")");

		var graph = this.xray.getServiceGraph(
				(r) -> r.startTime(this.start).endTime(Instant.now().plusSeconds(60)).groupName("checkout"));
		assertThat(graph.services()).extracting(Service::name)
			.contains("orderservice")
			.doesNotContain("recommenderservice");
		assertThat(summaries("group.name = \"checkout\"")).containsOnlyKeys(this.orderTrace);

		assertThatThrownBy(() -> this.xray.createGroup((r) -> r.groupName("broken").filterExpression("fault =")))
			.isInstanceOf(InvalidRequestException.class)
			.hasMessageContaining("position 8");
		this.xray.deleteGroup((r) -> r.groupName("checkout"));
		assertThatThrownBy(() -> this.xray.getGroup((r) -> r.groupName("checkout")))
			.isInstanceOf(InvalidRequestException.class);
	}

	@Test
	@Order(9)
	void malformedDatagramsAreCountedByReason() throws Exception {
		long before = status().path("ingest").path("rejected").asLong();
		try (DatagramSocket socket = new DatagramSocket()) {
			for (String garbage : List.of("no header at all", "{\"format\": \"xml\", \"version\": 1}\n{}",
					Json.HEADER + "{\"name\": ", Json.HEADER + "{\"name\": \"a\"}")) {
				byte[] bytes = garbage.getBytes(StandardCharsets.UTF_8);
				socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), this.udp.port()));
			}
		}
		await().atMost(Duration.ofSeconds(10))
			.until(() -> status().path("ingest").path("rejected").asLong() == before + 4);
		JsonNode reasons = status().path("ingest").path("rejectedByReason");
		assertThat(reasons.path("missing_header").asLong()).isPositive();
		assertThat(reasons.path("bad_header").asLong()).isPositive();
		assertThat(reasons.path("malformed_json").asLong()).isPositive();
		assertThat(reasons.path("missing_id").asLong()).isPositive();
		// and it goes on receiving
		String after = this.shop.request("GET", "http://localhost:8080/after-garbage", 200, (s) -> {
		});
		await().atMost(Duration.ofSeconds(10)).until(() -> summaries(null).containsKey(after));
	}

	@Test
	@Order(10)
	void centralizedSamplingWorksThroughXrayLocal() throws Exception {
		List<SamplingRule> rules = this.xray.getSamplingRules((r) -> {
		}).samplingRuleRecords().stream().map((r) -> r.samplingRule()).toList();
		assertThat(rules).extracting(SamplingRule::ruleName).containsExactly("no-health", "Default");
		assertThat(rules.get(0).urlPath()).isEqualTo("/health*");
		assertThat(rules.get(0).version()).isEqualTo(1);
		assertThat(rules.get(0).resourceARN()).isEqualTo("*");

		var targets = this.xray.getSamplingTargets((r) -> r.samplingStatisticsDocuments(
				SamplingStatisticsDocument.builder()
					.ruleName("no-health")
					.clientID("0123456789abcdef01234567")
					.timestamp(Instant.now())
					.requestCount(10)
					.sampledCount(1)
					.borrowCount(1)
					.build(),
				SamplingStatisticsDocument.builder()
					.ruleName("gone")
					.clientID("0123456789abcdef01234567")
					.timestamp(Instant.now())
					.requestCount(1)
					.sampledCount(0)
					.borrowCount(0)
					.build()));
		assertThat(targets.samplingTargetDocuments()).singleElement().satisfies((t) -> {
			assertThat(t.ruleName()).isEqualTo("no-health");
			assertThat(t.fixedRate()).isEqualTo(0.0);
			assertThat(t.reservoirQuota()).isZero();
			assertThat(t.reservoirQuotaTTL()).isAfter(Instant.now());
			assertThat(t.interval()).isEqualTo(10);
		});
		assertThat(targets.unprocessedStatistics()).extracting((u) -> u.ruleName()).containsExactly("gone");

		// the Java SDK's own poller fetched the rules and now applies them
		await().atMost(Duration.ofSeconds(15))
			.until(() -> this.sampling.shouldTrace(new SamplingRequest("frontend", "localhost", "/health", "GET", ""))
				.getRuleName()
				.orElse("")
				.equals("no-health"));
		int sampledHealth = 0;
		for (int i = 0; i < 20; i++) {
			SamplingResponse health = this.sampling
				.shouldTrace(new SamplingRequest("frontend", "localhost", "/health", "GET", ""));
			sampledHealth += health.isSampled() ? 1 : 0;
			SamplingResponse page = this.sampling
				.shouldTrace(new SamplingRequest("frontend", "localhost", "/product/1", "GET", ""));
			assertThat(page.isSampled()).isTrue();
			assertThat(page.getRuleName()).contains("Default");
		}
		// a rule with no reservoir and rate 0 lets through at most one borrowed request a
		// second
		assertThat(sampledHealth).isLessThanOrEqualTo(2);
		// ...and reports its counts to SamplingTargets about every 10 seconds
		// (only the SDK reports the Default rule)
		await().atMost(Duration.ofSeconds(25))
			.until(() -> status().path("sampling").path("reported").path("Default").path("requests").asLong() > 0);
		assertThat(status().path("sampling").path("targetPolls").asLong()).isGreaterThanOrEqualTo(2);
	}

	@Test
	@Order(11)
	void summariesCarryRootCausesAndFiltersSelectByThem() {
		assertThat(summaries("rootcause.fault.service { name = \"recommenderservice\" }"))
			.containsOnlyKeys(this.recommenderDownTrace);
		assertThat(summaries("rootcause.fault.entity { last AND remote }")).containsOnlyKeys(this.recommenderDownTrace);
		assertThat(summaries("rootcause.fault.exception { message CONTAINS \"Connection refused\" }"))
			.containsOnlyKeys(this.recommenderDownTrace);
		assertThat(summaries("rootcause.error.service { last AND name = \"catalogservice\" }"))
			.containsOnlyKeys(this.notFoundTrace);
		assertThat(summaries("rootcause.error.service { inferred AND type = \"AWS::DynamoDB::Table\" }"))
			.containsOnlyKeys(this.throttledTrace);
		assertThat(summaries(
				"rootcause.responsetime.entity { name = \"frontend\" AND coverage = 1 } AND responsetime > 1"))
			.containsOnlyKeys(this.slowTrace);

		TraceSummary down = summaries(null).get(this.recommenderDownTrace);
		assertThat(down.faultRootCauses()).singleElement().satisfies((cause) -> {
			// the frontend answered 200: the failed call did not reach the shopper
			assertThat(cause.clientImpacting()).isFalse();
			assertThat(cause.services()).extracting((s) -> s.name()).containsExactly("frontend", "recommenderservice");
			var recommender = cause.services().get(1);
			assertThat(recommender.inferred()).isTrue();
			assertThat(recommender.type()).isEqualTo("remote");
			assertThat(recommender.entityPath()).singleElement().satisfies((e) -> {
				assertThat(e.remote()).isTrue();
				assertThat(e.exceptions()).singleElement().satisfies((ex) -> {
					assertThat(ex.name()).isEqualTo("java.net.ConnectException");
					assertThat(ex.message()).isEqualTo("Connection refused: recommenderservice");
				});
			});
		});
		assertThat(down.errorRootCauses()).isEmpty();

		TraceSummary notFound = summaries(null).get(this.notFoundTrace);
		assertThat(notFound.errorRootCauses()).singleElement().satisfies((cause) -> {
			assertThat(cause.clientImpacting()).isTrue();
			assertThat(cause.services()).extracting((s) -> s.name()).containsExactly("frontend", "catalogservice");
			assertThat(cause.services().get(0).entityPath()).extracting((e) -> e.name())
				.containsExactly("frontend", "catalogservice");
		});
		TraceSummary order = summaries(null).get(this.orderTrace);
		assertThat(order.faultRootCauses()).isEmpty();
		assertThat(order.responseTimeRootCauses()).singleElement().satisfies((cause) -> {
			assertThat(cause.services().get(0).name()).isEqualTo("frontend");
			assertThat(cause.services().get(0).entityPath().get(0).coverage()).isEqualTo(1.0);
			assertThat(cause.services().get(1).name()).isEqualTo("orderservice");
		});
	}

	@Test
	@Order(12)
	void timeSeriesOfAServiceAndAnEdge() {
		Instant end = Instant.now().plusSeconds(60);
		var recommender = this.xray.getTimeSeriesServiceStatistics((r) -> r.startTime(this.start)
			.endTime(end)
			.entitySelectorExpression("service(\"recommenderservice\")")
			.period(60));
		assertThat(recommender.containsOldGroupVersions()).isFalse();
		assertThat(recommender.timeSeriesServiceStatistics()).isNotEmpty().allSatisfy((point) -> {
			assertThat(point.timestamp().getEpochSecond() % 60).isZero();
			assertThat(point.responseTimeHistogram()).isNotEmpty();
		});
		// three calls answered by the recommender's own segments, one to it while down
		assertThat(recommender.timeSeriesServiceStatistics()
			.stream()
			.mapToLong((p) -> p.serviceSummaryStatistics().totalCount())
			.sum()).isEqualTo(3);
		assertThat(recommender.timeSeriesServiceStatistics()
			.stream()
			.mapToLong((p) -> p.edgeSummaryStatistics().totalCount())
			.sum()).isEqualTo(4);
		assertThat(recommender.timeSeriesServiceStatistics()
			.stream()
			.mapToLong((p) -> p.edgeSummaryStatistics().faultStatistics().totalCount())
			.sum()).isEqualTo(1);

		var edge = this.xray.getTimeSeriesServiceStatistics((r) -> r.startTime(this.start)
			.endTime(end)
			.entitySelectorExpression("edge(\"catalogservice\", \"ProductCatalog\")")
			.period(300));
		assertThat(edge.timeSeriesServiceStatistics()).isNotEmpty().allSatisfy((point) -> {
			assertThat(point.timestamp().getEpochSecond() % 300).isZero();
			assertThat(point.serviceSummaryStatistics()).isNull();
		});
		assertThat(edge.timeSeriesServiceStatistics()
			.stream()
			.mapToLong((p) -> p.edgeSummaryStatistics().errorStatistics().throttleCount())
			.sum()).isEqualTo(1);

		var forecast = this.xray.getTimeSeriesServiceStatistics((r) -> r.startTime(this.start)
			.endTime(end)
			.entitySelectorExpression("id(name: \"recommenderservice\")")
			.forecastStatistics(true));
		assertThat(forecast.timeSeriesServiceStatistics()).isNotEmpty().allSatisfy((point) -> {
			assertThat(point.serviceForecastStatistics().faultCountLow()).isNotNegative();
			assertThat(point.serviceForecastStatistics().faultCountHigh())
				.isGreaterThanOrEqualTo(point.serviceForecastStatistics().faultCountLow());
		});

		var nothing = this.xray.getTimeSeriesServiceStatistics((r) -> r.startTime(Instant.now().minusSeconds(7200))
			.endTime(Instant.now().minusSeconds(3600))
			.entitySelectorExpression("service(\"recommenderservice\")"));
		assertThat(nothing.timeSeriesServiceStatistics()).isEmpty();

		assertThatThrownBy(() -> this.xray.getTimeSeriesServiceStatistics(
				(r) -> r.startTime(this.start).endTime(end).entitySelectorExpression("fault")))
			.isInstanceOf(InvalidRequestException.class)
			.hasMessageContaining("EntitySelectorExpression must be");
		assertThatThrownBy(
				() -> this.xray.getTimeSeriesServiceStatistics((r) -> r.startTime(this.start).endTime(end).period(90)))
			.isInstanceOf(InvalidRequestException.class)
			.hasMessageContaining("multiple of 60");
		assertThatThrownBy(() -> this.xray.getTimeSeriesServiceStatistics(
				(r) -> r.startTime(this.start).endTime(end).entitySelectorExpression("id(name: )")))
			.isInstanceOf(InvalidRequestException.class)
			.hasMessageContaining("position 10");
	}

	@Test
	@Order(13)
	void chaosEventsAreRecordedAndListed() throws Exception {
		double before = System.currentTimeMillis() / 1000.0 - 1;
		HttpResponse<String> created = chaos("POST", "{\"action\": \"kill\", \"target\": \"recommenderservice\","
				+ " \"parameters\": {\"pid\": 4242}, \"source\": \"randomizer\"}");
		assertThat(created.statusCode()).isEqualTo(201);
		JsonNode event = JSON.readTree(created.body());
		assertThat(event.path("action").asString()).isEqualTo("kill");
		assertThat(event.path("target").asString()).isEqualTo("recommenderservice");
		assertThat(event.path("parameters").path("pid").asInt()).isEqualTo(4242);
		assertThat(event.path("source").asString()).isEqualTo("randomizer");
		assertThat(event.path("time").asDouble()).isGreaterThan(before);
		assertThat(chaos("POST", "{\"time\": 1000.5, \"action\": \"reset\"}").statusCode()).isEqualTo(201);

		JsonNode recent = JSON.readTree(chaos("GET", "since=" + before).body()).path("events");
		assertThat(recent).hasSize(1);
		assertThat(recent.get(0).path("id").asLong()).isEqualTo(event.path("id").asLong());
		JsonNode all = JSON.readTree(chaos("GET", "").body()).path("events");
		assertThat(all).hasSize(2);
		assertThat(all.get(0).path("action").asString()).isEqualTo("reset");
		assertThat(all.get(0).path("time").asDouble()).isEqualTo(1000.5);
		// no target: a reset of everything, written as null for clients to read
		assertThat(all.get(0).has("target")).isTrue();
		assertThat(all.get(0).get("target").isNull()).isTrue();
		assertThat(all.get(0).path("parameters").isObject()).isTrue();

		for (String bad : List.of("{\"action\": \"explode\"}", "{\"target\": \"cartservice\"}",
				"{\"action\": \"latency\", \"time\": \"soon\"}", "{\"action\": \"errors\", \"parameters\": 3}", "[1]",
				"{not json")) {
			HttpResponse<String> refused = chaos("POST", bad);
			assertThat(refused.statusCode()).as(bad).isEqualTo(400);
			assertThat(refused.headers().firstValue("x-amzn-ErrorType")).contains("InvalidRequestException");
			assertThat(JSON.readTree(refused.body()).path("message").asString()).isNotEmpty();
		}
		assertThat(chaos("GET", "since=yesterday").statusCode()).isEqualTo(400);
	}

	private HttpResponse<String> chaos(String method, String bodyOrQuery) throws Exception {
		String url = "http://127.0.0.1:" + this.httpPort + "/local/chaos/events";
		HttpRequest.Builder request = method.equals("GET")
				? HttpRequest.newBuilder(URI.create(url + (bodyOrQuery.isEmpty() ? "" : "?" + bodyOrQuery)))
				: HttpRequest.newBuilder(URI.create(url))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(bodyOrQuery));
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** A foreign client: boto3, as a Python user would call it. */
	@Test
	@Order(14)
	void boto3ReadsTheTimeSeriesAndRootCauses() throws Exception {
		String script = String.join("\n", "import boto3, time",
				"x = boto3.client('xray', endpoint_url='http://127.0.0.1:" + this.httpPort + "')", "now = time.time()",
				"r = x.get_time_series_service_statistics(StartTime=now - 3600, EndTime=now + 60,"
						+ " EntitySelectorExpression='service(\"recommenderservice\")', Period=60)",
				"print('points', len(r['TimeSeriesServiceStatistics']))",
				"print('edge calls', sum(p['EdgeSummaryStatistics']['TotalCount'] for p in r['TimeSeriesServiceStatistics']))",
				"s = x.get_trace_summaries(StartTime=now - 3600, EndTime=now + 60,"
						+ " FilterExpression='rootcause.fault.service { name = \"recommenderservice\" }')",
				"print('cause', s['TraceSummaries'][0]['FaultRootCauses'][0]['Services'][-1]['Name'])");
		ProcessBuilder python = new ProcessBuilder("python3", "-c", script).redirectErrorStream(true);
		python.environment()
			.putAll(Map.of("AWS_ACCESS_KEY_ID", "local", "AWS_SECRET_ACCESS_KEY", "local", "AWS_DEFAULT_REGION",
					"us-east-1", "AWS_EC2_METADATA_DISABLED", "true"));
		Process process;
		try {
			process = python.start();
		}
		catch (java.io.IOException ex) {
			org.junit.jupiter.api.Assumptions.abort("python3 is not installed: " + ex.getMessage());
			return;
		}
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
		org.junit.jupiter.api.Assumptions.assumeFalse(output.contains("No module named 'boto3'"),
				"boto3 is not installed");
		assertThat(output).as(output).contains("edge calls 4", "cause recommenderservice");
		assertThat(process.exitValue()).as(output).isZero();
	}

	private JsonNode status() throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.httpPort + "/status"))
			.build();
		return JSON.readTree(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body());
	}

}
