package com.anycompany.shop.xraylocal.otlp;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.exporter.internal.otlp.traces.TraceRequestMarshaler;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.IdGenerator;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SdkTracerProviderBuilder;
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
import software.amazon.awssdk.services.xray.model.TraceSummary;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The OTLP receiver answers as X-Ray's regional OTLP endpoint ({@code /v1/traces}) does,
 * with xray-local's default settings, for spans the OpenTelemetry Java SDK makes and its
 * own exporter (or its own protobuf marshaler) sends: the endpoint's limits (5 MB
 * uncompressed per request, 10,000 spans per request refused whole; a span over 200 KB
 * refused alone, in {@code partial_success}), W3C trace ids whose first 8 hex digits are
 * no time, and span links.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "xray.local.udp-port=0", "xray.local.otlp.port=0" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class XrayOtlpEndpointIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@LocalServerPort
	int httpPort;

	@Autowired
	OtlpReceiver receiver;

	private XRayClient xray;

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
	void moreThanTenThousandSpansInOneRequestAreRefusedWhole() throws Exception {
		List<SpanData> spans = spans(10_001, 0);
		long accepted = status().at("/ingest/accepted").asLong();
		long refusals = rejected("otlp_too_many_spans");

		CompletableResultCode tooMany = exporter(false).export(spans).join(60, TimeUnit.SECONDS);
		assertThat(tooMany.isSuccess()).isFalse();
		assertThat(rejected("otlp_too_many_spans")).isEqualTo(refusals + 1);
		assertThat(status().at("/ingest/accepted").asLong()).isEqualTo(accepted);

		// the raw answer: 400 with a google.rpc.Status naming the limit
		HttpResponse<byte[]> answer = postProtobuf(spans);
		assertThat(answer.statusCode()).isEqualTo(400);
		assertThat(new String(answer.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("10001 spans")
			.contains("10000");

		// exactly the limit is fine
		CompletableResultCode limit = exporter(false).export(spans.subList(0, 10_000)).join(60, TimeUnit.SECONDS);
		assertThat(limit.isSuccess()).isTrue();
		assertThat(status().at("/ingest/accepted").asLong()).isEqualTo(accepted + 10_000);
	}

	@Test
	void aRequestOverFiveMegabytesUncompressedIsRefusedWhole() throws Exception {
		// 30 spans of about 180 KB: each under the span limit, 5.4 MB together
		List<SpanData> spans = spans(30, 180 * 1024);
		long tooLarge = rejected("otlp_too_large");
		long accepted = status().at("/ingest/accepted").asLong();

		assertThat(exporter(false).export(spans).join(60, TimeUnit.SECONDS).isSuccess()).isFalse();
		// gzip makes it small on the wire, not in what the endpoint counts
		assertThat(exporter(true).export(spans).join(60, TimeUnit.SECONDS).isSuccess()).isFalse();
		assertThat(rejected("otlp_too_large")).isEqualTo(tooLarge + 2);
		assertThat(postProtobuf(spans).statusCode()).isEqualTo(413);

		// 25 of them (4.5 MB) pass
		assertThat(exporter(true).export(spans.subList(0, 25)).join(60, TimeUnit.SECONDS).isSuccess()).isTrue();
		assertThat(status().at("/ingest/accepted").asLong()).isEqualTo(accepted + 25);
	}

	@Test
	void aSpanOverTwoHundredKilobytesIsRefusedAloneInPartialSuccess() throws Exception {
		List<SpanData> spans = new ArrayList<>(spans(2, 1024));
		spans.addAll(spans(1, 210 * 1024));
		long accepted = status().at("/ingest/accepted").asLong();

		HttpResponse<byte[]> answer = postProtobuf(spans);
		assertThat(answer.statusCode()).isEqualTo(200);
		var response = io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse.parseFrom(answer.body());
		assertThat(response.hasPartialSuccess()).isTrue();
		assertThat(response.getPartialSuccess().getRejectedSpans()).isEqualTo(1);
		assertThat(response.getPartialSuccess().getErrorMessage()).contains("more than the 204800");
		assertThat(status().at("/ingest/accepted").asLong()).isEqualTo(accepted + 2);
		assertThat(stored(spans.get(0))).isTrue();
		assertThat(stored(spans.get(1))).isTrue();
		assertThat(stored(spans.get(2))).isFalse();
	}

	@Test
	void w3cTraceIdsWhoseFirstDigitsAreNoTimeAreAcceptedAndListed() throws Exception {
		Instant before = Instant.now().minusSeconds(5);
		List<String> ids = new ArrayList<>();
		for (String prefix : List.of("ffffffff", "00000000", "7fffffff")) {
			Tracer tracer = tracer("w3c-" + prefix, exporter(false), prefix);
			Span span = tracer.spanBuilder("GET /w3c").setSpanKind(SpanKind.SERVER).startSpan();
			span.setAttribute("http.request.method", "GET");
			span.setAttribute("http.response.status_code", 200L);
			span.end();
			String hex = span.getSpanContext().getTraceId();
			assertThat(hex).startsWith(prefix);
			ids.add("1-" + hex.substring(0, 8) + "-" + hex.substring(8));
		}
		// shown by id, in X-Ray's form made of the 32 hex digits...
		for (String id : ids) {
			JsonNode segment = await().atMost(Duration.ofSeconds(10)).until(() -> document(id), (d) -> d != null);
			assertThat(segment.path("trace_id").asString()).isEqualTo(id);
		}
		// ...and listed by when they arrived, not by the time their digits would say
		List<String> listed = this.xray
			.getTraceSummaries((r) -> r.startTime(before).endTime(Instant.now().plusSeconds(5)))
			.traceSummaries()
			.stream()
			.map(TraceSummary::id)
			.toList();
		assertThat(listed).containsAll(ids);
	}

	@Test
	void spanLinksAreKept() {
		Tracer tracer = tracer("orderservice", exporter(false), null);
		Span producer = tracer.spanBuilder("orders publish").setSpanKind(SpanKind.PRODUCER).startSpan();
		producer.end();
		SpanContext linked = producer.getSpanContext();
		Span consumer = tracer.spanBuilder("orders process")
			.setSpanKind(SpanKind.SERVER)
			.setNoParent()
			.addLink(linked, Attributes.of(AttributeKey.stringKey("messaging.operation"), "receive"))
			.startSpan();
		consumer.end();

		String id = xrayId(consumer.getSpanContext());
		JsonNode segment = await().atMost(Duration.ofSeconds(10)).until(() -> document(id), (d) -> d != null);
		assertThat(segment.path("links")).hasSize(1);
		assertThat(segment.at("/links/0/trace_id").asString()).isEqualTo(xrayId(linked));
		assertThat(segment.at("/links/0/id").asString()).isEqualTo(linked.getSpanId());
		assertThat(segment.at("/links/0/attributes/messaging.operation").asString()).isEqualTo("receive");
	}

	// --- helpers ---------------------------------------------------------------------

	/**
	 * Spans the SDK made (server spans, each its own trace), with a payload attribute.
	 */
	private List<SpanData> spans(int count, int payloadBytes) {
		Collector collector = new Collector();
		Tracer tracer = tracer("limits", collector, null);
		String payload = "p".repeat(payloadBytes);
		long now = System.currentTimeMillis() * 1_000_000L;
		for (int i = 0; i < count; i++) {
			Span span = tracer.spanBuilder("GET /limits")
				.setSpanKind(SpanKind.SERVER)
				.setStartTimestamp(now, TimeUnit.NANOSECONDS)
				.startSpan();
			if (payloadBytes > 0) {
				span.setAttribute("payload", payload);
			}
			span.end(now + 1_000_000, TimeUnit.NANOSECONDS);
		}
		return collector.spans;
	}

	private Tracer tracer(String service, SpanExporter exporter, String traceIdPrefix) {
		SdkTracerProviderBuilder builder = SdkTracerProvider.builder()
			.setResource(Resource.getDefault()
				.merge(Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), service))))
			.addSpanProcessor(SimpleSpanProcessor.create(exporter));
		if (traceIdPrefix != null) {
			builder.setIdGenerator(new PrefixedIds(traceIdPrefix));
		}
		SdkTracerProvider provider = builder.build();
		this.providers.add(provider);
		return provider.get("xray-otlp-endpoint-test");
	}

	private OtlpHttpSpanExporter exporter(boolean gzip) {
		return OtlpHttpSpanExporter.builder()
			.setEndpoint("http://127.0.0.1:" + this.receiver.port() + "/v1/traces")
			.setCompression(gzip ? "gzip" : "none")
			.setTimeout(Duration.ofSeconds(60))
			.build();
	}

	/** The SDK's own protobuf encoding, posted by hand to read the answer. */
	private HttpResponse<byte[]> postProtobuf(List<SpanData> spans) throws Exception {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		TraceRequestMarshaler.create(spans).writeBinaryTo(body);
		return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.receiver.port() + "/v1/traces"))
			.header("Content-Type", "application/x-protobuf")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private boolean stored(SpanData span) {
		return document(xrayId(span.getSpanContext())) != null;
	}

	/** The first document of the trace, or null when it is not stored. */
	private JsonNode document(String traceId) {
		return this.xray.batchGetTraces((r) -> r.traceIds(traceId))
			.traces()
			.stream()
			.flatMap((trace) -> trace.segments().stream())
			.map((segment) -> JSON.readTree(segment.document()))
			.findFirst()
			.orElse(null);
	}

	private static String xrayId(SpanContext context) {
		String hex = context.getTraceId();
		return "1-" + hex.substring(0, 8) + "-" + hex.substring(8);
	}

	private JsonNode status() throws Exception {
		return JSON.readTree(
				HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.httpPort + "/status")).build(),
						HttpResponse.BodyHandlers.ofString())
					.body());
	}

	private long rejected(String reason) throws Exception {
		return status().path("ingest").path("rejectedByReason").path(reason).asLong();
	}

	/** W3C trace ids that start with given digits: no X-Ray epoch time in them. */
	private record PrefixedIds(String prefix) implements IdGenerator {

		@Override
		public String generateSpanId() {
			return IdGenerator.random().generateSpanId();
		}

		@Override
		public String generateTraceId() {
			String random = IdGenerator.random().generateTraceId();
			// keep the last digit non-zero so the id is never all zeros
			String id = this.prefix + random.substring(this.prefix.length());
			return id.endsWith("0")
					? id.substring(0, 31) + Integer.toHexString(1 + ThreadLocalRandom.current().nextInt(15)) : id;
		}

	}

	/** Keeps what the SDK ended, for one batch export. */
	private static final class Collector implements SpanExporter {

		final List<SpanData> spans = new ArrayList<>();

		@Override
		public synchronized CompletableResultCode export(Collection<SpanData> batch) {
			this.spans.addAll(batch);
			return CompletableResultCode.ofSuccess();
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
