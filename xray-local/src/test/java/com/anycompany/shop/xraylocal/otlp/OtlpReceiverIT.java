package com.anycompany.shop.xraylocal.otlp;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;

import com.anycompany.shop.xraylocal.Json;
import com.google.protobuf.CodedInputStream;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.exporter.internal.otlp.traces.TraceRequestMarshaler;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.xray.XRayClient;
import software.amazon.awssdk.services.xray.model.GetServiceGraphResponse;
import software.amazon.awssdk.services.xray.model.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The OpenTelemetry Java SDK sends shop-shaped spans to the OTLP receiver with its own
 * OTLP/HTTP exporter (protobuf) and its own OTLP/JSON encoding; the AWS SDK's
 * {@code XRayClient} reads the result back through the X-Ray API. Malformed bodies get
 * OTLP's error answer and are counted, and the receiver keeps going.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "xray.local.udp-port=0", "xray.local.otlp.port=0" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OtlpReceiverIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");

	@LocalServerPort
	int httpPort;

	@Autowired
	OtlpReceiver receiver;

	private XRayClient xray;

	private final Instant start = Instant.now().minusSeconds(60);

	private final List<SdkTracerProvider> providers = new ArrayList<>();

	@BeforeAll
	void xrayClient() {
		this.xray = XRayClient.builder()
			.endpointOverride(URI.create("http://127.0.0.1:" + this.httpPort))
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
			.httpClient(UrlConnectionHttpClient.create())
			.build();
	}

	@AfterAll
	void close() {
		this.providers.forEach(SdkTracerProvider::close);
		this.xray.close();
	}

	@Test
	void protobufFromTheSdkExporterDrawsTheShopsMap() throws Exception {
		Tracer frontend = tracer("frontend", otlpExporter());
		Tracer catalog = tracer("catalogservice", otlpExporter());
		String productTrace = productPage(frontend, catalog, "P-0042", 200);
		String missingTrace = productPage(frontend, catalog, "P-9999", 404);

		Map<String, JsonNode> product = awaitTrace(productTrace, 3);
		// two pages of four spans, each span its own export (SimpleSpanProcessor)
		assertThat(this.receiver.spans()).isGreaterThanOrEqualTo(8);
		assertThat(this.receiver.requests()).isGreaterThanOrEqualTo(8);
		JsonNode frontendSegment = product.get("frontend");
		assertThat(frontendSegment.has("parent_id")).isFalse();
		assertThat(frontendSegment.at("/http/request/method").asString()).isEqualTo("GET");
		assertThat(frontendSegment.at("/http/request/url").asString())
			.isEqualTo("http://localhost:8080/product/P-0042?tab=reviews");
		assertThat(frontendSegment.at("/http/request/client_ip").asString()).isEqualTo("10.0.0.7");
		assertThat(frontendSegment.at("/http/response/status").asInt()).isEqualTo(200);
		assertThat(frontendSegment.at("/aws/xray/sdk").asString()).isEqualTo("opentelemetry for java");
		assertThat(frontendSegment.at("/metadata/default/otel.resource.service.name").asString()).isEqualTo("frontend");
		// the client span is stitched into the frontend segment, the callee hangs under
		// it
		JsonNode call = frontendSegment.at("/subsegments/0");
		assertThat(call.path("name").asString()).isEqualTo("catalogservice");
		assertThat(call.path("namespace").asString()).isEqualTo("remote");
		assertThat(call.at("/http/request/url").asString()).isEqualTo("http://127.0.0.1:8081/api/v1/product/P-0042");
		JsonNode catalogSegment = product.get("catalogservice");
		assertThat(catalogSegment.path("parent_id").asString()).isEqualTo(call.path("id").asString());
		JsonNode dynamo = catalogSegment.at("/subsegments/0");
		assertThat(dynamo.path("name").asString()).isEqualTo("DynamoDb");
		assertThat(dynamo.path("namespace").asString()).isEqualTo("aws");
		assertThat(dynamo.at("/aws/operation").asString()).isEqualTo("GetItem");
		assertThat(dynamo.at("/aws/table_name").asString()).isEqualTo("ProductCatalog");
		assertThat(product.get("ProductCatalog").path("inferred").asBoolean()).isTrue();

		Map<String, JsonNode> missing = awaitTrace(missingTrace, 3);
		assertThat(missing.get("catalogservice").path("error").asBoolean()).isTrue();
		assertThat(missing.get("catalogservice").path("fault").asBoolean()).isFalse();
		assertThat(missing.get("catalogservice").at("/cause/exceptions/0/type").asString())
			.isEqualTo(NotFound.class.getCanonicalName());
		assertThat(missing.get("frontend").at("/subsegments/0/error").asBoolean()).isTrue();

		GetServiceGraphResponse graph = await().atMost(Duration.ofSeconds(10))
			.until(this::graph, (g) -> names(g).contains("ProductCatalog|AWS::DynamoDB::Table"));
		assertThat(names(graph)).contains("frontend|client", "frontend|null", "catalogservice|null",
				"ProductCatalog|AWS::DynamoDB::Table");
		assertThat(edges(graph)).contains("frontend|client->frontend", "frontend->catalogservice",
				"catalogservice->ProductCatalog");
		// spans are not services: no node named after a span or an address
		assertThat(names(graph)).noneMatch((n) -> n.startsWith("GET ") || n.startsWith("127.0.0.1"));
		// the W3C ids' first 8 hex digits are no time: the trace list still finds them
		// (by when they arrived), as the console asks (TimeRangeType TraceId, the
		// default)
		List<String> listed = this.xray
			.getTraceSummaries((r) -> r.startTime(Instant.now().minusSeconds(120))
				.endTime(Instant.now().plusSeconds(5))
				.filterExpression("service(\"catalogservice\") AND http.url CONTAINS \"P-0042\""))
			.traceSummaries()
			.stream()
			.map((summary) -> summary.id())
			.toList();
		assertThat(listed).contains(productTrace);
	}

	@Test
	void statusesBecomeErrorThrottleAndFaultWithTheExceptionAsCause() throws Exception {
		Tracer catalog = tracer("catalogservice", otlpExporter());
		long now = nowNanos();
		Span server = catalog.spanBuilder("GET /api/v1/products")
			.setSpanKind(SpanKind.SERVER)
			.setStartTimestamp(now, TimeUnit.NANOSECONDS)
			.setAttribute("http.request.method", "GET")
			.setAttribute("url.path", "/api/v1/products")
			.setAttribute("http.response.status_code", 500L)
			.startSpan();
		Span throttled = catalog.spanBuilder("DynamoDb.Query")
			.setParent(Context.root().with(server))
			.setSpanKind(SpanKind.CLIENT)
			.setStartTimestamp(now + 1_000_000, TimeUnit.NANOSECONDS)
			.setAttribute("rpc.system", "aws-api")
			.setAttribute("rpc.service", "DynamoDb")
			.setAttribute("rpc.method", "Query")
			.setAttribute(AttributeKey.stringArrayKey("aws.dynamodb.table_names"), List.of("ProductCatalog"))
			.setAttribute("http.response.status_code", 429L)
			.startSpan();
		throttled.end(now + 2_000_000, TimeUnit.NANOSECONDS);
		server.recordException(new IllegalStateException("the catalog is gone"));
		server.setStatus(StatusCode.ERROR);
		server.end(now + 3_000_000, TimeUnit.NANOSECONDS);

		Map<String, JsonNode> trace = awaitTrace(xrayId(server), 2);
		JsonNode segment = trace.get("catalogservice");
		assertThat(segment.path("fault").asBoolean()).isTrue();
		assertThat(segment.path("error").asBoolean()).isFalse();
		JsonNode exception = segment.at("/cause/exceptions/0");
		assertThat(exception.path("type").asString()).isEqualTo("java.lang.IllegalStateException");
		assertThat(exception.path("message").asString()).isEqualTo("the catalog is gone");
		assertThat(exception.at("/stack/0/label").asString()).contains("statusesBecomeErrorThrottleAndFault");
		assertThat(exception.at("/stack/0/path").asString()).isEqualTo("OtlpReceiverIT.java");
		JsonNode dynamo = segment.at("/subsegments/0");
		assertThat(dynamo.path("throttle").asBoolean()).isTrue();
		assertThat(dynamo.path("error").asBoolean()).isTrue();
		assertThat(dynamo.path("fault").asBoolean()).isFalse();
		assertThat(dynamo.at("/aws/operation").asString()).isEqualTo("Query");
	}

	@Test
	void jsonFromTheSdksEncodingWithOldConventionsAndARootClientSpan() throws Exception {
		JsonExporter exporter = new JsonExporter();
		Tracer cart = tracer("cartservice", exporter);
		long now = nowNanos();
		Span server = cart.spanBuilder("POST /api/v1/cart")
			.setSpanKind(SpanKind.SERVER)
			.setStartTimestamp(now, TimeUnit.NANOSECONDS)
			.setAttribute("http.method", "POST")
			.setAttribute("http.scheme", "http")
			.setAttribute("net.host.name", "127.0.0.1")
			.setAttribute("net.host.port", 8082L)
			.setAttribute("http.target", "/api/v1/cart")
			.setAttribute("http.status_code", 200L)
			.startSpan();
		Span call = cart.spanBuilder("GET")
			.setParent(Context.root().with(server))
			.setSpanKind(SpanKind.CLIENT)
			.setStartTimestamp(now + 1_000_000, TimeUnit.NANOSECONDS)
			.setAttribute("http.method", "GET")
			.setAttribute("http.url", "http://127.0.0.1:8081/api/v1/product/P-0001")
			.setAttribute("net.peer.name", "127.0.0.1")
			.setAttribute("http.status_code", 200L)
			.startSpan();
		call.end(now + 2_000_000, TimeUnit.NANOSECONDS);
		server.end(now + 3_000_000, TimeUnit.NANOSECONDS);
		// work a service starts on its own: a table created at start-up
		Span startup = cart.spanBuilder("DynamoDb.CreateTable")
			.setSpanKind(SpanKind.CLIENT)
			.setStartTimestamp(now, TimeUnit.NANOSECONDS)
			.setAttribute("rpc.system", "aws-api")
			.setAttribute("rpc.service", "DynamoDb")
			.setAttribute("rpc.method", "CreateTable")
			.setAttribute(AttributeKey.stringArrayKey("aws.dynamodb.table_names"), List.of("Carts"))
			.startSpan();
		startup.end(now + 1_000_000, TimeUnit.NANOSECONDS);

		assertThat(exporter.responses).hasSize(3).allSatisfy((response) -> {
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		});
		assertThat(exporter.bodies.get(0)).contains("\"traceId\":\"" + server.getSpanContext().getTraceId() + "\"");

		Map<String, JsonNode> trace = awaitTrace(xrayId(server), 1);
		JsonNode segment = trace.get("cartservice");
		assertThat(segment.at("/http/request/method").asString()).isEqualTo("POST");
		assertThat(segment.at("/http/request/url").asString()).isEqualTo("http://127.0.0.1:8082/api/v1/cart");
		assertThat(segment.at("/subsegments/0/name").asString()).isEqualTo("127.0.0.1");
		assertThat(segment.at("/subsegments/0/http/request/url").asString())
			.isEqualTo("http://127.0.0.1:8081/api/v1/product/P-0001");

		// the root client span: a cartservice segment with the call beneath it
		Map<String, JsonNode> startupTrace = awaitTrace(xrayId(startup), 2);
		JsonNode service = startupTrace.get("cartservice");
		assertThat(service.path("id").asString()).isNotEqualTo(startup.getSpanContext().getSpanId());
		assertThat(service.at("/subsegments/0/name").asString()).isEqualTo("DynamoDb");
		assertThat(service.at("/subsegments/0/aws/table_name").asString()).isEqualTo("Carts");
		assertThat(service.at("/aws/table_name").isMissingNode()).isTrue();
	}

	@Test
	void spansAndSdkSegmentsOfOneRequestShareATrace() throws Exception {
		// the frontend on the X-Ray SDK, the catalog on OpenTelemetry with the X-Ray
		// propagator: Root=1-xxxxxxxx-yyy... became trace id xxxxxxxxyyy..., Parent the
		// span's parent
		String traceId = Json.newTraceId();
		double now = System.currentTimeMillis() / 1000.0;
		Json call = Json.subsegment("catalogservice", now + 0.001, 0.01)
			.namespace("remote")
			.http("GET", "http://127.0.0.1:8081/api/v1/products", 200);
		Json frontend = Json.segment("frontend", traceId, now, 0.02)
			.http("GET", "http://localhost:8080/products", 200)
			.sub(call);
		HttpResponse<String> put = HTTP
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.httpPort + "/TraceSegments"))
				.POST(HttpRequest.BodyPublishers
					.ofString(JSON.writeValueAsString(Map.of("TraceSegmentDocuments", List.of(frontend.json())))))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(put.statusCode()).isEqualTo(200);

		Tracer catalog = tracer("catalogservice", otlpExporter());
		SpanContext parent = SpanContext.createFromRemoteParent(traceId.substring(2).replace("-", ""), call.id(),
				TraceFlags.getSampled(), TraceState.getDefault());
		long nanos = (long) ((now + 0.002) * 1e9);
		Span server = catalog.spanBuilder("GET /api/v1/products")
			.setParent(Context.root().with(Span.wrap(parent)))
			.setSpanKind(SpanKind.SERVER)
			.setStartTimestamp(nanos, TimeUnit.NANOSECONDS)
			.setAttribute("http.request.method", "GET")
			.setAttribute("http.response.status_code", 200L)
			.startSpan();
		server.end(nanos + 5_000_000, TimeUnit.NANOSECONDS);

		assertThat(xrayId(server)).isEqualTo(traceId);
		Map<String, JsonNode> trace = awaitTrace(traceId, 2);
		assertThat(trace.get("frontend").at("/aws/xray/sdk").isMissingNode()).isTrue();
		assertThat(trace.get("catalogservice").path("parent_id").asString()).isEqualTo(call.id());
		assertThat(trace.get("catalogservice").at("/aws/xray/sdk").asString()).isEqualTo("opentelemetry for java");
	}

	@Test
	void malformedBodiesGetOtlpErrorsAndAreCounted() throws Exception {
		long before = rejected("otlp_malformed");
		HttpResponse<byte[]> garbage = post("application/x-protobuf", null, new byte[] { 0x0a, 0x7f, 0x01, 0x02 });
		assertThat(garbage.statusCode()).isEqualTo(400);
		assertThat(garbage.headers().firstValue("Content-Type")).hasValue("application/x-protobuf");
		Map<Integer, Object> status = rpcStatus(garbage.body());
		assertThat(status.get(1)).isEqualTo(3);
		assertThat((String) status.get(2)).contains("not an OTLP ExportTraceServiceRequest");

		HttpResponse<byte[]> notJson = post("application/json", null, "{\"resourceSpans\": [".getBytes());
		assertThat(notJson.statusCode()).isEqualTo(400);
		JsonNode error = JSON.readTree(notJson.body());
		assertThat(error.path("code").asInt()).isEqualTo(3);
		assertThat(error.path("message").asString()).startsWith("not JSON");

		HttpResponse<byte[]> badHex = post("application/json", null,
				"{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"traceId\":\"xyz\",\"spanId\":\"0102030405060708\"}]}]}]}"
					.getBytes());
		assertThat(badHex.statusCode()).isEqualTo(400);
		assertThat(JSON.readTree(badHex.body()).path("message").asString()).contains("traceId 'xyz' is not hex");

		HttpResponse<byte[]> wrongField = post("application/json", null,
				"{\"resourceSpans\":{\"not\":\"a list\"}}".getBytes());
		assertThat(wrongField.statusCode()).isEqualTo(400);

		HttpResponse<byte[]> notGzip = post("application/x-protobuf", "gzip", "plain".getBytes());
		assertThat(notGzip.statusCode()).isEqualTo(400);

		assertThat(rejected("otlp_malformed") - before).isEqualTo(5);

		long unsupported = rejected("otlp_unsupported_media_type");
		assertThat(post("text/plain", null, "hello".getBytes()).statusCode()).isEqualTo(415);
		assertThat(rejected("otlp_unsupported_media_type")).isEqualTo(unsupported + 1);
		assertThat(HTTP
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.receiver.port() + "/v1/traces")).build(),
					HttpResponse.BodyHandlers.discarding())
			.statusCode()).isEqualTo(405);
		assertThat(HTTP
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.receiver.port() + "/v1/metrics"))
				.header("Content-Type", "application/x-protobuf")
				.POST(HttpRequest.BodyPublishers.ofByteArray(new byte[0]))
				.build(), HttpResponse.BodyHandlers.discarding())
			.statusCode()).isEqualTo(404);

		// a span with an all-zero trace id: the rest of the request is kept, the span is
		// refused in partial_success
		String oneBadSpan = "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":["
				+ "{\"traceId\":\"00000000000000000000000000000000\",\"spanId\":\"0102030405060708\","
				+ "\"name\":\"bad\",\"kind\":2,\"startTimeUnixNano\":\"1\",\"endTimeUnixNano\":\"2\"},"
				+ "{\"traceId\":\"" + Json.newTraceId().substring(2).replace("-", "")
				+ "\",\"spanId\":\"0102030405060709\",\"name\":\"good\",\"kind\":2," + "\"startTimeUnixNano\":\""
				+ nowNanos() + "\",\"endTimeUnixNano\":\"" + (nowNanos() + 1000) + "\"}]}]}]}";
		long accepted = status().path("ingest").path("accepted").asLong();
		HttpResponse<byte[]> partial = post("application/json", null, oneBadSpan.getBytes(StandardCharsets.UTF_8));
		assertThat(partial.statusCode()).isEqualTo(200);
		JsonNode partialSuccess = JSON.readTree(partial.body()).path("partialSuccess");
		assertThat(partialSuccess.path("rejectedSpans").asString()).isEqualTo("1");
		assertThat(partialSuccess.path("errorMessage").asString()).contains("trace id");
		assertThat(status().path("ingest").path("accepted").asLong()).isEqualTo(accepted + 1);

		// gzip is undone; the receiver still answers after all of the above
		ByteArrayOutputStream zipped = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
			gzip.write(oneBadSpan.replace("0102030405060709", "0102030405060710").getBytes(StandardCharsets.UTF_8));
		}
		HttpResponse<byte[]> gzipped = post("application/json", "gzip", zipped.toByteArray());
		assertThat(gzipped.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(gzipped.body()).at("/partialSuccess/rejectedSpans").asString()).isEqualTo("1");
		assertThat(status().path("ingest").path("accepted").asLong()).isEqualTo(accepted + 2);
	}

	// --- the shop, as the agent would record it --------------------------------------

	/**
	 * A product page: frontend → catalogservice → DynamoDB, the catalog answering status.
	 */
	private String productPage(Tracer frontend, Tracer catalog, String productId, int status) {
		long now = nowNanos();
		Span page = frontend.spanBuilder("GET /product/{id}")
			.setSpanKind(SpanKind.SERVER)
			.setStartTimestamp(now, TimeUnit.NANOSECONDS)
			.setAttribute("http.request.method", "GET")
			.setAttribute("url.scheme", "http")
			.setAttribute("server.address", "localhost")
			.setAttribute("server.port", 8080L)
			.setAttribute("url.path", "/product/" + productId)
			.setAttribute("url.query", "tab=reviews")
			.setAttribute("client.address", "10.0.0.7")
			.setAttribute("http.route", "/product/{id}")
			.setAttribute("http.response.status_code", (long) (status == 404 ? 404 : 200))
			.startSpan();
		Span call = frontend.spanBuilder("GET")
			.setParent(Context.root().with(page))
			.setSpanKind(SpanKind.CLIENT)
			.setStartTimestamp(now + 1_000_000, TimeUnit.NANOSECONDS)
			.setAttribute("http.request.method", "GET")
			.setAttribute("url.full", "http://127.0.0.1:8081/api/v1/product/" + productId)
			.setAttribute("server.address", "127.0.0.1")
			.setAttribute("server.port", 8081L)
			.setAttribute("peer.service", "catalogservice")
			.setAttribute("http.response.status_code", (long) status)
			.startSpan();
		// the callee sees the call's span as its remote parent
		SpanContext remote = SpanContext.createFromRemoteParent(call.getSpanContext().getTraceId(),
				call.getSpanContext().getSpanId(), TraceFlags.getSampled(), TraceState.getDefault());
		Span server = catalog.spanBuilder("GET /api/v1/product/{id}")
			.setParent(Context.root().with(Span.wrap(remote)))
			.setSpanKind(SpanKind.SERVER)
			.setStartTimestamp(now + 2_000_000, TimeUnit.NANOSECONDS)
			.setAttribute("http.request.method", "GET")
			.setAttribute("url.path", "/api/v1/product/" + productId)
			.setAttribute("http.response.status_code", (long) status)
			.startSpan();
		Span dynamo = catalog.spanBuilder("DynamoDb.GetItem")
			.setParent(Context.root().with(server))
			.setSpanKind(SpanKind.CLIENT)
			.setStartTimestamp(now + 3_000_000, TimeUnit.NANOSECONDS)
			.setAttribute("rpc.system", "aws-api")
			.setAttribute("rpc.service", "DynamoDb")
			.setAttribute("rpc.method", "GetItem")
			.setAttribute(AttributeKey.stringArrayKey("aws.dynamodb.table_names"), List.of("ProductCatalog"))
			.setAttribute("aws.request_id", "REQ-" + productId)
			.setAttribute("http.response.status_code", 200L)
			.startSpan();
		dynamo.end(now + 4_000_000, TimeUnit.NANOSECONDS);
		if (status == 404) {
			server.recordException(new NotFound("no product " + productId));
		}
		server.end(now + 5_000_000, TimeUnit.NANOSECONDS);
		if (status >= 400) {
			call.setStatus(StatusCode.ERROR);
		}
		call.end(now + 6_000_000, TimeUnit.NANOSECONDS);
		page.end(now + 7_000_000, TimeUnit.NANOSECONDS);
		return xrayId(page);
	}

	/** What a service throws for an unknown product (and its handler answers 404). */
	private static final class NotFound extends RuntimeException {

		NotFound(String message) {
			super(message);
		}

	}

	// --- helpers
	// ------------------------------------------------------------------------

	private Tracer tracer(String service, SpanExporter exporter) {
		SdkTracerProvider provider = SdkTracerProvider.builder()
			.setResource(Resource.getDefault().merge(Resource.create(Attributes.of(SERVICE_NAME, service))))
			.addSpanProcessor(SimpleSpanProcessor.create(exporter))
			.build();
		this.providers.add(provider);
		return provider.get("otlp-receiver-test");
	}

	private OtlpHttpSpanExporter otlpExporter() {
		return OtlpHttpSpanExporter.builder()
			.setEndpoint("http://127.0.0.1:" + this.receiver.port() + "/v1/traces")
			.build();
	}

	private static long nowNanos() {
		return System.currentTimeMillis() * 1_000_000L;
	}

	private static String xrayId(Span span) {
		String hex = span.getSpanContext().getTraceId();
		return "1-" + hex.substring(0, 8) + "-" + hex.substring(8);
	}

	/**
	 * The trace's documents (segments and inferred ones) by name, once it holds at least
	 * {@code count} of them.
	 */
	private Map<String, JsonNode> awaitTrace(String traceId, int count) {
		return await().atMost(Duration.ofSeconds(10)).until(() -> {
			Map<String, JsonNode> documents = new HashMap<>();
			this.xray.batchGetTraces((r) -> r.traceIds(traceId))
				.traces()
				.forEach((trace) -> trace.segments().forEach((segment) -> {
					JsonNode document = JSON.readTree(segment.document());
					documents.put(document.path("name").asString(), document);
				}));
			return documents;
		}, (documents) -> documents.size() >= count);
	}

	private GetServiceGraphResponse graph() {
		return this.xray.getServiceGraph((r) -> r.startTime(this.start).endTime(Instant.now().plusSeconds(60)));
	}

	private static List<String> names(GetServiceGraphResponse graph) {
		return graph.services().stream().map((s) -> s.name() + "|" + s.type()).toList();
	}

	private static List<String> edges(GetServiceGraphResponse graph) {
		Map<Integer, Service> byReference = graph.services()
			.stream()
			.collect(Collectors.toMap(Service::referenceId, Function.identity()));
		List<String> edges = new ArrayList<>();
		for (Service service : graph.services()) {
			String from = "client".equals(service.type()) ? service.name() + "|client" : service.name();
			service.edges().forEach((edge) -> edges.add(from + "->" + byReference.get(edge.referenceId()).name()));
		}
		return edges;
	}

	private HttpResponse<byte[]> post(String contentType, String contentEncoding, byte[] body) throws Exception {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.receiver.port() + "/v1/traces"))
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		if (contentEncoding != null) {
			request.header("Content-Encoding", contentEncoding);
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private JsonNode status() throws Exception {
		return JSON.readTree(
				HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.httpPort + "/status")).build(),
						HttpResponse.BodyHandlers.ofString())
					.body());
	}

	/** The fields of a {@code google.rpc.Status}: 1 code, 2 message. */
	private static Map<Integer, Object> rpcStatus(byte[] body) throws Exception {
		Map<Integer, Object> fields = new HashMap<>();
		CodedInputStream in = CodedInputStream.newInstance(body);
		int tag;
		while ((tag = in.readTag()) != 0) {
			switch (tag >>> 3) {
				case 1 -> fields.put(1, in.readInt32());
				case 2 -> fields.put(2, in.readString());
				default -> in.skipField(tag);
			}
		}
		return fields;
	}

	private long rejected(String reason) throws Exception {
		return status().path("ingest").path("rejectedByReason").path(reason).asLong();
	}

	/**
	 * Encodes spans with the SDK's own OTLP/JSON marshaler (hex ids, as the OTLP/JSON
	 * mapping says) and posts them, one export per span.
	 */
	private final class JsonExporter implements SpanExporter {

		final List<HttpResponse<byte[]>> responses = new ArrayList<>();

		final List<String> bodies = new ArrayList<>();

		@Override
		public CompletableResultCode export(Collection<SpanData> spans) {
			try {
				ByteArrayOutputStream body = new ByteArrayOutputStream();
				TraceRequestMarshaler.create(spans).writeJsonTo(body);
				this.bodies.add(body.toString(StandardCharsets.UTF_8));
				this.responses.add(post("application/json", null, body.toByteArray()));
				return CompletableResultCode.ofSuccess();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}

		@Override
		public CompletableResultCode flush() {
			return CompletableResultCode.ofSuccess();
		}

		@Override
		public CompletableResultCode shutdown() {
			return CompletableResultCode.ofSuccess();
		}

	}

}
