package com.anycompany.shop.tracing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.anycompany.shop.testsupport.LocalDynamoDb;
import com.anycompany.shop.testsupport.XRayDaemonStub;
import com.anycompany.shop.tracing.context.ContextMissingReporter;
import com.anycompany.shop.tracing.sample.SampleApplication;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import com.amazonaws.xray.entities.Segment;
import com.amazonaws.xray.listeners.SegmentListener;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import static com.anycompany.shop.testsupport.XRayDaemonStub.subsegmentNamed;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the SDK really sends over UDP while a service built on this module serves
 * requests, calls another service over HTTP and calls a local DynamoDB.
 */
@ExtendWith({ LocalDynamoDb.class, OutputCaptureExtension.class })
@Import(TracedRequestsTests.SerializedBySdk.class)
@SpringBootTest(classes = SampleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.application.name=sampleservice", "management.endpoints.web.exposure.include=health" })
class TracedRequestsTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	@RegisterExtension
	static XRayDaemonStub daemon = new XRayDaemonStub();

	/** Trace headers the downstream stub received, by the request's item/status. */
	static final Map<String, String> receivedHeaders = new ConcurrentHashMap<>();

	static final HttpServer downstream = startDownstream();

	@LocalServerPort
	int port;

	@Autowired
	ContextMissingReporter contextMissing;

	@DynamicPropertySource
	static void tracing(DynamicPropertyRegistry registry) {
		registry.add("shop.tracing.daemon-address", daemon::address);
		registry.add("shop.tracing.centralized-sampling", () -> "false");
		registry.add("shop.clients.read-timeout", () -> "2s");
		registry.add("shop.clients.services.downstream.base-url",
				() -> "http://127.0.0.1:" + downstream.getAddress().getPort());
		registry.add("shop.clients.services.closedservice.base-url", () -> "http://127.0.0.1:" + closedPort());
	}

	@BeforeEach
	void clear() {
		daemon.clear();
		receivedHeaders.clear();
	}

	@AfterAll
	static void stopDownstream() {
		downstream.stop(0);
	}

	@Test
	void outgoingCallIsARemoteSubsegmentAndTheCalleeJoinsTheTrace(CapturedOutput output) {
		get("/call/200");
		JsonNode segment = daemon.awaitSegment((s) -> url(s).endsWith("/call/200"), WAIT);

		assertThat(segment.path("name").asString()).isEqualTo("sampleservice");
		assertThat(segment.path("http").path("request").path("method").asString()).isEqualTo("GET");
		assertThat(segment.path("http").path("response").path("status").asInt()).isEqualTo(200);
		assertThat(segment.path("annotations").path("ProductID").asString()).isEqualTo("P-0042");

		JsonNode call = subsegmentNamed(segment, "downstream").orElseThrow();
		assertThat(call.path("namespace").asString()).isEqualTo("remote");
		assertThat(call.path("http").path("request").path("url").asString()).endsWith("/status/200");
		assertThat(call.path("http").path("request").path("traced").asBoolean()).isTrue();
		assertThat(call.path("http").path("response").path("status").asInt()).isEqualTo(200);
		assertThat(call.path("http").path("response").path("content_length").asLong()).isEqualTo(2);
		assertThat(call.has("fault") || call.has("error")).isFalse();

		String header = receivedHeaders.get("200");
		assertThat(header).isEqualTo(
				"Root=" + segment.path("trace_id").asString() + ";Parent=" + call.path("id").asString() + ";Sampled=1");
		// the log line written while serving the request carries the trace id
		assertThat(output.getAll()).contains("calling downstream for status 200")
			.contains(segment.path("trace_id").asString());
	}

	/**
	 * The datagram is the SDK's own document of the segment: what its
	 * {@code Entity.serialize()} writes, with the SDK's filter's {@code http} maps and
	 * its interceptor's {@code aws} subsegments in it.
	 */
	@Test
	void theDatagramIsTheSdksSerializationOfTheSegment() {
		get("/dynamo/serialized");
		JsonNode datagram = daemon.awaitSegment((s) -> url(s).endsWith("/dynamo/serialized"), WAIT);
		assertThat(XRayDaemonStub.walk(datagram).map((s) -> s.path("name").asString())).contains("DynamoDb");
		String bySdk = SerializedBySdk.documents.get(datagram.path("id").asString());
		assertThat(bySdk).isNotNull();
		assertThat(datagram).isEqualTo(JsonMapper.builder().build().readTree(bySdk));
	}

	@Test
	void requestTheCallerLeftUnsampledStaysUnsampledDownstream() {
		String traceId = "1-5759e988-bd862e3fe1be46a994272793";
		RestClient.create()
			.get()
			.uri("http://127.0.0.1:" + this.port + "/call/200")
			.header("X-Amzn-Trace-Id", "Root=" + traceId + ";Sampled=0")
			.retrieve()
			.toBodilessEntity();
		// the callee is told not to sample, instead of starting a trace with no root
		assertThat(receivedHeaders.get("200")).isEqualTo("Root=" + traceId + ";Sampled=0");

		// a sampled request after it arrives, and nothing of the unsampled one did
		get("/call/201");
		daemon.awaitSegment((s) -> url(s).endsWith("/call/201"), WAIT);
		assertThat(daemon.documents()).noneMatch((d) -> traceId.equals(d.path("trace_id").asString()));
	}

	@Test
	void serverErrorOfTheCalleeIsAFault() {
		get("/call/500");
		JsonNode call = subsegmentNamed(daemon.awaitSegment((s) -> url(s).endsWith("/call/500"), WAIT), "downstream")
			.orElseThrow();
		assertThat(call.path("fault").asBoolean()).isTrue();
		assertThat(call.path("error").asBoolean(false)).isFalse();
		assertThat(call.path("http").path("response").path("status").asInt()).isEqualTo(500);
	}

	@Test
	void clientErrorIsAnErrorAnd429AThrottle() {
		get("/call/404");
		get("/call/429");
		JsonNode notFound = subsegmentNamed(daemon.awaitSegment((s) -> url(s).endsWith("/call/404"), WAIT),
				"downstream")
			.orElseThrow();
		assertThat(notFound.path("error").asBoolean()).isTrue();
		assertThat(notFound.path("throttle").asBoolean(false)).isFalse();
		JsonNode throttled = subsegmentNamed(daemon.awaitSegment((s) -> url(s).endsWith("/call/429"), WAIT),
				"downstream")
			.orElseThrow();
		assertThat(throttled.path("throttle").asBoolean()).isTrue();
		assertThat(throttled.path("error").asBoolean()).isTrue();
	}

	@Test
	void refusedConnectionIsAFaultWithTheException() {
		get("/refused");
		JsonNode segment = daemon.awaitSegment((s) -> url(s).endsWith("/refused"), WAIT);
		JsonNode call = subsegmentNamed(segment, "closedservice").orElseThrow();
		assertThat(call.path("namespace").asString()).isEqualTo("remote");
		assertThat(call.path("fault").asBoolean()).isTrue();
		assertThat(call.has("http") && call.path("http").has("response")).isFalse();
		assertThat(call.path("cause").path("exceptions")).isNotEmpty();
		// the shop's own exception, with the connection failure beneath it
		assertThat(call.path("cause").path("exceptions").valueStream().map((e) -> e.path("type").asString()))
			.contains("com.anycompany.shop.tracing.DownstreamUnavailableException")
			.anyMatch((type) -> type.contains("ConnectException"));
	}

	@Test
	void bodyThatFailsHalfWayIsAFaultAndTheWaitCounts() {
		get("/call/slowbody");
		JsonNode call = subsegmentNamed(daemon.awaitSegment((s) -> url(s).endsWith("/call/slowbody"), WAIT),
				"downstream")
			.orElseThrow();
		assertThat(call.path("http").path("response").path("status").asInt()).isEqualTo(200);
		assertThat(call.path("fault").asBoolean()).isTrue();
		assertThat(call.path("cause").path("exceptions")).isNotEmpty();
		// the subsegment lasts until the read timeout (2 s), not until the headers
		// arrived
		assertThat(call.path("end_time").asDouble() - call.path("start_time").asDouble()).isGreaterThan(1.5);
	}

	@Test
	void callsOneAfterAnotherAreSiblingsToo() {
		get("/sequence");
		JsonNode segment = daemon.awaitSegment((s) -> url(s).endsWith("/sequence"), WAIT);
		assertThat(segment.path("subsegments").valueStream().map((s) -> s.path("name").asString()))
			.containsExactly("downstream", "downstream", "price");
		assertThat(segment.path("subsegments").valueStream().filter((s) -> s.has("subsegments"))).isEmpty();
	}

	@Test
	void parallelCallsAreSiblingsUnderTheRequestSegment() {
		get("/fanout/5");
		JsonNode segment = daemon.awaitSegment((s) -> url(s).endsWith("/fanout/5"), WAIT);
		List<JsonNode> calls = XRayDaemonStub.walk(segment)
			.filter((s) -> "downstream".equals(s.path("name").asString()))
			.toList();
		assertThat(calls).hasSize(5);
		// all five are direct children of the segment, each propagated with its own id
		assertThat(segment.path("subsegments").valueStream().map((s) -> s.path("name").asString()))
			.containsExactly("downstream", "downstream", "downstream", "downstream", "downstream");
		for (int i = 0; i < 5; i++) {
			String header = receivedHeaders.get("item" + i);
			assertThat(header).startsWith("Root=" + segment.path("trace_id").asString() + ";Parent=");
		}
		assertThat(calls.stream().map((c) -> c.path("id").asString()))
			.containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.range(0, 5)
				.mapToObj((i) -> receivedHeaders.get("item" + i).replaceAll(".*Parent=([0-9a-f]+);.*", "$1"))
				.toList());
	}

	@Test
	void dynamoDbCallsAreAwsSubsegmentsWithOperationAndTable() {
		get("/dynamo/abc");
		JsonNode segment = daemon.awaitSegment((s) -> url(s).endsWith("/dynamo/abc"), WAIT);
		List<JsonNode> dynamo = XRayDaemonStub.walk(segment)
			.filter((s) -> "DynamoDb".equals(s.path("name").asString()))
			.toList();
		assertThat(dynamo).extracting((s) -> s.path("aws").path("operation").asString())
			.containsExactly("PutItem", "GetItem");
		assertThat(dynamo).allSatisfy((s) -> {
			assertThat(s.path("namespace").asString()).isEqualTo("aws");
			assertThat(s.path("aws").path("table_name").asString()).isEqualTo("SampleTable");
			assertThat(s.path("http").path("response").path("status").asInt()).isEqualTo(200);
		});
	}

	@Test
	void exceptionsAnsweredByAnExceptionHandlerAreRecorded() {
		RestClient.create()
			.get()
			.uri("http://127.0.0.1:" + this.port + "/unavailable")
			.retrieve()
			.onStatus((status) -> true, (request, response) -> {
			})
			.toBodilessEntity();
		JsonNode segment = daemon.awaitSegment((s) -> url(s).endsWith("/unavailable"), WAIT);
		assertThat(segment.path("fault").asBoolean()).isTrue();
		assertThat(segment.path("http").path("response").path("status").asInt()).isEqualTo(503);
		JsonNode exception = segment.path("cause").path("exceptions").get(0);
		assertThat(exception.path("type").asString()).isEqualTo("java.lang.IllegalStateException");
		assertThat(exception.path("message").asString()).isEqualTo("inventory is offline");
	}

	/**
	 * X-Ray's rule on the request's own segment: the answered status decides, whether or
	 * not an exception was involved; a handled exception is still in {@code cause}.
	 */
	@ParameterizedTest(name = "{0} -> error={1} throttle={2} fault={3}")
	@CsvSource({ "/answer/200, false, false, false, 200", "/answer/400, true, false, false, 400",
			"/answer/404, true, false, false, 404", "/answer/409, true, false, false, 409",
			"/answer/422, true, false, false, 422", "/answer/429, true, true, false, 429",
			"/answer/500, false, false, true, 500", "/answer/503, false, false, true, 503",
			"/handled/404, true, false, false, 404", "/handled/409, true, false, false, 409",
			"/handled/429, true, true, false, 429", "/handled/503, false, false, true, 503",
			"/unhandled, false, false, true, 500", "/call/404, false, false, false, 200",
			"/refused, false, false, false, 200" })
	void theStatusDecidesTheFlagsOfTheSegment(String path, boolean error, boolean throttle, boolean fault, int status) {
		getAnyStatus(path);
		JsonNode segment = daemon.awaitSegment((s) -> url(s).endsWith(path), WAIT);
		assertThat(segment.path("http").path("response").path("status").asInt()).isEqualTo(status);
		assertThat(segment.path("error").asBoolean(false)).as("error").isEqualTo(error);
		assertThat(segment.path("throttle").asBoolean(false)).as("throttle").isEqualTo(throttle);
		assertThat(segment.path("fault").asBoolean(false)).as("fault").isEqualTo(fault);
		if (path.startsWith("/handled") || path.equals("/unhandled")) {
			assertThat(segment.path("cause").path("exceptions").get(0).path("message").asString())
				.isEqualTo(path.equals("/unhandled") ? "nobody handles this" : "rejected with " + status);
		}
	}

	@Test
	void readTimeoutOfTheCalleeIsAFaultOfTheCallOnly() {
		get("/call/slowbody");
		JsonNode segment = daemon.awaitSegment((s) -> url(s).endsWith("/call/slowbody"), WAIT);
		// the sample answers 200 with a message: the request itself did not fail
		assertThat(segment.path("fault").asBoolean(false)).isFalse();
		assertThat(subsegmentNamed(segment, "downstream").orElseThrow().path("fault").asBoolean()).isTrue();
	}

	@Test
	void lostContextIsCountedAndLoggedOncePerCodePath(CapturedOutput output) {
		long before = this.contextMissing.count();
		get("/lost");
		get("/lost");
		assertThat(this.contextMissing.count() - before).isEqualTo(2);
		assertThat(this.contextMissing.countsByPath()).hasEntrySatisfying(this.contextMissing.countsByPath()
			.keySet()
			.stream()
			.filter((path) -> path.contains("SampleController"))
			.findFirst()
			.orElseThrow(), (count) -> assertThat(count).isGreaterThanOrEqualTo(2));
		assertThat(output.getAll().split("Trace context lost on thread", -1)).hasSize(2);
		assertThat(output.getAll()).contains("SampleController.lambda$lost");
	}

	@Test
	void carriedContextAndHealthProbesAreNotLostContext() {
		long before = this.contextMissing.count();
		get("/fanout/3");
		get("/actuator/health");
		get("/dynamo/probe");
		daemon.awaitSegment((s) -> url(s).endsWith("/dynamo/probe"), WAIT);
		assertThat(this.contextMissing.count()).isEqualTo(before);
	}

	@Test
	void xrayEnabledBeanMethodsAreSubsegments() {
		get("/price/kettle");
		JsonNode segment = daemon.awaitSegment((s) -> url(s).endsWith("/price/kettle"), WAIT);
		assertThat(XRayDaemonStub.walk(segment).skip(1).map((s) -> s.path("name").asString())).containsExactly("price");
	}

	/**
	 * A 409 thrown from inside an {@code @XRayEnabled} method: its subsegment is an error
	 * with the exception, the request an error, nothing a fault.
	 */
	@Test
	void aClientErrorThrownInsideAnXRayEnabledMethodIsNoFault() {
		getAnyStatus("/price/refused");
		JsonNode segment = daemon.awaitSegment((s) -> url(s).endsWith("/price/refused"), WAIT);
		assertThat(segment.path("http").path("response").path("status").asInt()).isEqualTo(409);
		assertThat(XRayDaemonStub.walk(segment)).noneMatch((entity) -> entity.path("fault").asBoolean(false));
		JsonNode price = subsegmentNamed(segment, "price").orElseThrow();
		assertThat(price.path("error").asBoolean()).isTrue();
		assertThat(price.path("cause").path("exceptions").get(0).path("type").asString())
			.contains("ResponseStatusException");
		assertThat(segment.path("error").asBoolean()).isTrue();
	}

	@Test
	void healthProbesAreNotTraced() throws InterruptedException {
		get("/actuator/health");
		get("/call/200");
		daemon.awaitSegment((s) -> url(s).endsWith("/call/200"), WAIT);
		assertThat(daemon.segments()).noneMatch((s) -> url(s).contains("/actuator"));
	}

	/** Keeps what the SDK's serializer writes for each segment the recorder ends. */
	@TestConfiguration(proxyBeanMethods = false)
	static class SerializedBySdk {

		static final Map<String, String> documents = new ConcurrentHashMap<>();

		@Bean
		XRayRecorderCustomizer serializedBySdk() {
			return (builder) -> builder.withSegmentListener(new SegmentListener() {

				@Override
				public void afterEndSegment(Segment segment) {
					if (segment.isSampled()) {
						documents.put(segment.getId(), segment.serialize());
					}
				}

			});
		}

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

	private void get(String path) {
		RestClient.create().get().uri("http://127.0.0.1:" + this.port + path).retrieve().toBodilessEntity();
	}

	private static String url(JsonNode segment) {
		return segment.path("http").path("request").path("url").asString();
	}

	private static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static HttpServer startDownstream() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
			server.createContext("/status/slowbody", (exchange) -> {
				// headers and a first byte now, the rest never within the client's read
				// timeout
				exchange.sendResponseHeaders(200, 10);
				exchange.getResponseBody().write('o');
				exchange.getResponseBody().flush();
				try {
					Thread.sleep(4000);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				exchange.close();
			});
			server.createContext("/status/", (exchange) -> {
				String path = exchange.getRequestURI().getPath();
				String query = exchange.getRequestURI().getQuery();
				int status = Integer.parseInt(path.substring("/status/".length()));
				String key = (query != null && query.startsWith("item=")) ? "item" + query.substring(5)
						: String.valueOf(status);
				String header = exchange.getRequestHeaders().getFirst("X-Amzn-Trace-Id");
				receivedHeaders.put(key, (header != null) ? header : "none");
				byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
				exchange.sendResponseHeaders(status, body.length);
				exchange.getResponseBody().write(body);
				exchange.close();
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
