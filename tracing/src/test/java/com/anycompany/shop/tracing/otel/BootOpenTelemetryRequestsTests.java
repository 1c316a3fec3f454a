package com.anycompany.shop.tracing.otel;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import com.anycompany.shop.testsupport.LocalDynamoDb;
import com.anycompany.shop.tracing.sample.SampleApplication;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample service (the tracing module used as the shop's services use it) on Spring
 * Boot's own OpenTelemetry support, with real HTTP in and out, a real local DynamoDB and
 * X-Ray sampling rules served over HTTP by a stub of the daemon's sampling proxy. The
 * spans are read from what Boot's exporter pipeline hands to its exporters.
 */
@ExtendWith(LocalDynamoDb.class)
@SpringBootTest(classes = { SampleApplication.class, BootOpenTelemetryRequestsTests.Exporter.class },
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.application.name=sampleservice", "management.endpoints.web.exposure.include=health",
				"shop.tracing.enabled=false", "shop.tracing.opentelemetry.enabled=true",
				"management.opentelemetry.tracing.export.schedule-delay=50ms" })
class BootOpenTelemetryRequestsTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");

	/** Trace headers the downstream stub received, by the request's item/status. */
	static final Map<String, Map<String, String>> receivedHeaders = new ConcurrentHashMap<>();

	static final AtomicInteger rulesRequests = new AtomicInteger();

	static final HttpServer downstream = startDownstream();

	static final HttpServer samplingProxy = startSamplingProxy();

	@LocalServerPort
	int port;

	@Autowired
	InMemorySpanExporter spans;

	@Autowired
	Sampler sampler;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("shop.tracing.daemon-address", () -> "127.0.0.1:" + samplingProxy.getAddress().getPort());
		registry.add("spring.http.clients.read-timeout", () -> "2s");
		registry.add("spring.http.serviceclient.downstream.base-url",
				() -> "http://127.0.0.1:" + downstream.getAddress().getPort());
		registry.add("spring.http.serviceclient.closedservice.base-url", () -> "http://127.0.0.1:1");
	}

	@BeforeEach
	void rulesFetchedAndNothingRecorded() throws InterruptedException {
		long deadline = System.nanoTime() + WAIT.toNanos();
		while (!this.sampler.getDescription().contains("XrayRulesSampler") && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		assertThat(this.sampler.getDescription()).contains("XrayRulesSampler");
		receivedHeaders.clear();
		this.spans.reset();
	}

	@AfterAll
	static void stopServers() {
		downstream.stop(0);
		samplingProxy.stop(0);
	}

	@Test
	void theRequestIsAServerSpanAndTheCallAClientSpanNamedAfterTheCallee() {
		get("/call/200");
		SpanData server = await((s) -> s.getKind() == SpanKind.SERVER && "/call/200".equals(path(s)));
		SpanData call = await((s) -> s.getKind() == SpanKind.CLIENT && s.getParentSpanId().equals(server.getSpanId()));

		assertThat(server.getResource().getAttribute(AttributeKey.stringKey("service.name")))
			.isEqualTo("sampleservice");
		assertThat(server.getAttributes().get(STATUS)).isEqualTo(200L);
		assertThat(server.getAttributes().get(AttributeKey.stringKey("http.request.method"))).isEqualTo("GET");
		// the searchable annotation: an attribute X-Ray indexes
		assertThat(server.getAttributes().get(AttributeKey.stringKey("ProductID"))).isEqualTo("P-0042");
		assertThat(server.getAttributes().get(AttributeKey.stringArrayKey("aws.xray.annotations")))
			.contains("ProductID");

		assertThat(call.getAttributes().get(AttributeKey.stringKey("peer.service"))).isEqualTo("downstream");
		assertThat(call.getAttributes().get(STATUS)).isEqualTo(200L);
		assertThat(call.getAttributes().get(AttributeKey.stringKey("url.full"))).endsWith("/status/200");
	}

	@Test
	void theCalleeGetsTheTraceInW3CAndXRayHeaders() {
		get("/call/200");
		SpanData server = await((s) -> s.getKind() == SpanKind.SERVER && "/call/200".equals(path(s)));
		SpanData call = await((s) -> s.getKind() == SpanKind.CLIENT && s.getParentSpanId().equals(server.getSpanId()));
		Map<String, String> headers = receivedHeaders.get("200");
		assertThat(headers.get("traceparent")).isEqualTo("00-" + call.getTraceId() + "-" + call.getSpanId() + "-01");
		String traceId = call.getTraceId();
		assertThat(headers.get("x-amzn-trace-id")).isEqualTo("Root=1-" + traceId.substring(0, 8) + "-"
				+ traceId.substring(8) + ";Parent=" + call.getSpanId() + ";Sampled=1");
	}

	@Test
	void aCallerOnTheXRaySdkIsJoinedAndItsDecisionKept() {
		String sampled = "1-5759e988-bd862e3fe1be46a994272793";
		String parent = "53995c3f42cd8ad8";
		getWithHeader("/call/201", "Root=" + sampled + ";Parent=" + parent + ";Sampled=1");
		SpanData server = await((s) -> s.getKind() == SpanKind.SERVER && "/call/201".equals(path(s)));
		assertThat(server.getTraceId()).isEqualTo("5759e988bd862e3fe1be46a994272793");
		assertThat(server.getParentSpanId()).isEqualTo(parent);

		String unsampled = "1-5759e988-bd862e3fe1be46a994272794";
		getWithHeader("/call/202", "Root=" + unsampled + ";Parent=" + parent + ";Sampled=0");
		get("/call/203");
		await((s) -> s.getKind() == SpanKind.SERVER && "/call/203".equals(path(s)));
		assertThat(this.spans.getFinishedSpanItems())
			.noneMatch((s) -> s.getTraceId().equals("5759e988bd862e3fe1be46a994272794"));
		// and the callee is told not to sample either
		assertThat(receivedHeaders.get("202").get("x-amzn-trace-id")).endsWith(";Sampled=0");
	}

	@Test
	void statusesOfCallsAndRequestsAreRecordedForXRaysFlags() {
		getAnyStatus("/call/404");
		getAnyStatus("/call/429");
		getAnyStatus("/call/500");
		getAnyStatus("/answer/503");
		for (long status : List.of(404L, 429L, 500L)) {
			SpanData call = await((s) -> s.getKind() == SpanKind.CLIENT
					&& Long.valueOf(status).equals(s.getAttributes().get(STATUS)));
			assertThat(call.getAttributes().get(AttributeKey.stringKey("peer.service"))).isEqualTo("downstream");
		}
		SpanData unavailable = await((s) -> s.getKind() == SpanKind.SERVER && "/answer/503".equals(path(s)));
		assertThat(unavailable.getAttributes().get(STATUS)).isEqualTo(503L);
	}

	@Test
	void aRefusedConnectionIsAnErrorWithoutStatus() {
		get("/refused");
		SpanData call = await((s) -> s.getKind() == SpanKind.CLIENT
				&& "closedservice".equals(s.getAttributes().get(AttributeKey.stringKey("peer.service"))));
		assertThat(call.getAttributes().get(STATUS)).isNull();
		assertThat(call.getStatus().getStatusCode()).isEqualTo(io.opentelemetry.api.trace.StatusCode.ERROR);
	}

	@Test
	void dynamoDbCallsAreAwsSdkSpansWithOperationAndTable() {
		get("/dynamo/abc");
		SpanData server = await((s) -> s.getKind() == SpanKind.SERVER && "/dynamo/abc".equals(path(s)));
		List<SpanData> dynamo = awaitAll(2,
				(s) -> "aws-api".equals(s.getAttributes().get(AttributeKey.stringKey("rpc.system")))
						&& s.getTraceId().equals(server.getTraceId()));
		assertThat(dynamo).extracting((s) -> s.getAttributes().get(AttributeKey.stringKey("rpc.method")))
			.containsExactlyInAnyOrder("PutItem", "GetItem");
		assertThat(dynamo).allSatisfy((s) -> {
			assertThat(s.getKind()).isEqualTo(SpanKind.CLIENT);
			assertThat(s.getParentSpanId()).isEqualTo(server.getSpanId());
			assertThat(s.getAttributes().get(AttributeKey.stringKey("rpc.service"))).isEqualTo("DynamoDb");
			assertThat(s.getAttributes().get(AttributeKey.stringArrayKey("aws.dynamodb.table_names")))
				.containsExactly("SampleTable");
			assertThat(s.getAttributes().get(STATUS)).isEqualTo(200L);
		});
	}

	@Test
	void parallelCallsKeepTheRequestAsParent() {
		get("/fanout/3");
		SpanData server = await((s) -> s.getKind() == SpanKind.SERVER && "/fanout/3".equals(path(s)));
		List<SpanData> calls = awaitAll(3,
				(s) -> s.getKind() == SpanKind.CLIENT && s.getTraceId().equals(server.getTraceId()));
		assertThat(calls).allSatisfy((call) -> assertThat(call.getParentSpanId()).isEqualTo(server.getSpanId()));
	}

	@Test
	void healthProbesAndWorkOutsideRequestsAreNotTraced() {
		get("/actuator/health");
		// the sample's start-up table check (ListTables, CreateTable) ran before: no root
		// client span of it, nor of anything else, was exported
		get("/call/204");
		await((s) -> s.getKind() == SpanKind.SERVER && "/call/204".equals(path(s)));
		assertThat(this.spans.getFinishedSpanItems()).noneMatch((s) -> String.valueOf(path(s)).startsWith("/actuator"));
		assertThat(this.spans.getFinishedSpanItems()).filteredOn((s) -> !s.getParentSpanContext().isValid())
			.allSatisfy((root) -> assertThat(root.getKind()).isEqualTo(SpanKind.SERVER));
	}

	@Test
	void xrayRulesDecidePerPath() {
		// the stub's rules: /price/* never (fixed rate 0, no reservoir), the rest always
		for (int i = 0; i < 5; i++) {
			get("/price/kettle");
		}
		get("/call/205");
		await((s) -> s.getKind() == SpanKind.SERVER && "/call/205".equals(path(s)));
		assertThat(this.spans.getFinishedSpanItems()).noneMatch((s) -> String.valueOf(path(s)).startsWith("/price"));
		assertThat(rulesRequests.get()).isPositive();
	}

	@Autowired
	Tracer tracer;

	@Test
	void micrometerTracesThroughOpenTelemetry() {
		assertThat(this.tracer).isNotEqualTo(Tracer.NOOP);
	}

	private SpanData await(Predicate<SpanData> condition) {
		return awaitAll(1, condition).get(0);
	}

	private List<SpanData> awaitAll(int count, Predicate<SpanData> condition) {
		long deadline = System.nanoTime() + WAIT.toNanos();
		while (true) {
			List<SpanData> found = this.spans.getFinishedSpanItems().stream().filter(condition).toList();
			if (found.size() >= count || System.nanoTime() > deadline) {
				assertThat(found).as("spans matching").hasSizeGreaterThanOrEqualTo(count);
				return found;
			}
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

	private static String path(SpanData span) {
		return span.getAttributes().get(AttributeKey.stringKey("url.path"));
	}

	private void get(String path) {
		RestClient.create().get().uri("http://127.0.0.1:" + this.port + path).retrieve().toBodilessEntity();
	}

	private void getWithHeader(String path, String xrayHeader) {
		RestClient.create()
			.get()
			.uri("http://127.0.0.1:" + this.port + path)
			.header("X-Amzn-Trace-Id", xrayHeader)
			.retrieve()
			.toBodilessEntity();
	}

	private void getAnyStatus(String path) {
		RestClient.create()
			.get()
			.uri("http://127.0.0.1:" + this.port + path)
			.retrieve()
			.onStatus((status) -> true, (request, response) -> {
			})
			.toBodilessEntity();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Exporter {

		@Bean
		InMemorySpanExporter inMemorySpanExporter() {
			return InMemorySpanExporter.create();
		}

	}

	private static HttpServer startDownstream() {
		return start((server) -> server.createContext("/status/", (exchange) -> {
			String path = exchange.getRequestURI().getPath();
			String query = exchange.getRequestURI().getQuery();
			int status = Integer.parseInt(path.substring("/status/".length()));
			String key = (query != null && query.startsWith("item=")) ? "item" + query.substring(5)
					: String.valueOf(status);
			Map<String, String> headers = new ConcurrentHashMap<>();
			exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
			receivedHeaders.put(key, headers);
			reply(exchange, status, "ok");
		}));
	}

	/**
	 * The daemon's sampling proxy as the X-Ray API answers: a rule that never samples
	 * {@code /price/*}, a default that samples everything.
	 */
	private static HttpServer startSamplingProxy() {
		return start((server) -> {
			server.createContext("/GetSamplingRules", (exchange) -> {
				rulesRequests.incrementAndGet();
				reply(exchange, 200,
						"""
								{"SamplingRuleRecords": [
								  {"CreatedAt": 1.7e9, "ModifiedAt": 1.7e9, "SamplingRule": {"RuleName": "NeverPrice",
								   "RuleARN": "arn:aws:xray:us-east-1:000000000000:sampling-rule/NeverPrice", "Priority": 1,
								   "FixedRate": 0.0, "ReservoirSize": 0, "ServiceName": "*", "ServiceType": "*", "Host": "*",
								   "HTTPMethod": "*", "URLPath": "/price/*", "ResourceARN": "*", "Version": 1, "Attributes": {}}},
								  {"CreatedAt": 1.7e9, "ModifiedAt": 1.7e9, "SamplingRule": {"RuleName": "Default",
								   "RuleARN": "arn:aws:xray:us-east-1:000000000000:sampling-rule/Default", "Priority": 10000,
								   "FixedRate": 1.0, "ReservoirSize": 0, "ServiceName": "*", "ServiceType": "*", "Host": "*",
								   "HTTPMethod": "*", "URLPath": "*", "ResourceARN": "*", "Version": 1, "Attributes": {}}}]}
								""");
			});
			server.createContext("/SamplingTargets", (exchange) -> reply(exchange, 200,
					"{\"SamplingTargetDocuments\": [], \"LastRuleModification\": 1.7e9, \"UnprocessedStatistics\": []}"));
		});
	}

	private static HttpServer start(java.util.function.Consumer<HttpServer> contexts) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
			contexts.accept(server);
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void reply(HttpExchange exchange, int status, String text) throws IOException {
		exchange.getRequestBody().readAllBytes();
		byte[] body = text.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, body.length);
		exchange.getResponseBody().write(body);
		exchange.close();
	}

}
