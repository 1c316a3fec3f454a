package com.anycompany.shop.xraylocal.otlp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import com.anycompany.shop.xraylocal.ingest.SegmentParser;
import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.ArrayValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The translation rules one by one, and the decoder under garbage: every document made
 * passes xray-local's own segment parser, and nothing but the decoder's refusal comes out
 * of a broken body.
 */
class SpanTranslatorTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final ByteString TRACE = bytes("5f8a1b2c0123456789abcdef01234567");

	private final SpanTranslator translator = new SpanTranslator();

	@Test
	void traceIdsKeepTheirDigitsInXRaysForm() {
		assertThat(SpanTranslator.xrayTraceId(TRACE)).isEqualTo("1-5f8a1b2c-0123456789abcdef01234567");
	}

	@Test
	void namesFollowTheExportersOrderAndXRaysCharacters() throws Exception {
		JsonNode internal = only(span(SpanKind.SPAN_KIND_INTERNAL, "OrderPlacement.place", "0102030405060708").build());
		assertThat(internal.path("name").asString()).isEqualTo("OrderPlacement.place");
		assertThat(internal.has("namespace")).isFalse();

		JsonNode byAddress = only(span(SpanKind.SPAN_KIND_CLIENT, "GET", "0102030405060708")
			.addAttributes(attribute("server.address", "images.example.com"))
			.build());
		assertThat(byAddress.path("name").asString()).isEqualTo("images.example.com");
		assertThat(byAddress.path("namespace").asString()).isEqualTo("remote");

		JsonNode awsPrefixed = only(span(SpanKind.SPAN_KIND_CLIENT, "S3.GetObject", "0102030405060708")
			.addAttributes(attribute("rpc.system", "aws-api"))
			.addAttributes(attribute("rpc.service", "AWS.SDK.S3"))
			.addAttributes(attribute("aws.remote.service", "AWS::S3"))
			.build());
		assertThat(awsPrefixed.path("name").asString()).isEqualTo("S3");
		assertThat(awsPrefixed.path("namespace").asString()).isEqualTo("aws");

		JsonNode odd = only(
				span(SpanKind.SPAN_KIND_INTERNAL, "weird <name> \"x\"!" + "y".repeat(300), "0102030405060708").build());
		assertThat(odd.path("name").asString()).startsWith("weird name xy").hasSize(200);
		assertThat(SpanTranslator.fixName("<>!")).isEqualTo("span");
	}

	@Test
	void severalTablesAreListedAndAnnotationsAreOnlyWhatIsAskedFor() throws Exception {
		JsonNode batch = only(span(SpanKind.SPAN_KIND_CLIENT, "DynamoDb.BatchGetItem", "0102030405060708")
			.addAttributes(attribute("rpc.system", "aws-api"))
			.addAttributes(attribute("rpc.service", "DynamoDb"))
			.addAttributes(attribute("rpc.method", "BatchGetItem"))
			.addAttributes(KeyValue.newBuilder()
				.setKey("aws.dynamodb.table_names")
				.setValue(strings("Carts", "ProductCatalog")))
			.addAttributes(attribute("ProductID", "P-0042"))
			.addAttributes(attribute("internal.detail", "x"))
			.addAttributes(KeyValue.newBuilder().setKey("aws.xray.annotations").setValue(strings("ProductID")))
			.build());
		assertThat(batch.at("/aws/table_names/1").asString()).isEqualTo("ProductCatalog");
		assertThat(batch.at("/aws/table_name").isMissingNode()).isTrue();
		assertThat(batch.at("/annotations/ProductID").asString()).isEqualTo("P-0042");
		assertThat(batch.at("/annotations/internal.detail").isMissingNode()).isTrue();
		assertThat(batch.at("/metadata/default/internal.detail").asString()).isEqualTo("x");
	}

	@Test
	void aRootInternalSpanIsASegmentOfItsService() throws Exception {
		Span job = span(SpanKind.SPAN_KIND_INTERNAL, "CatalogSeeder.seed", "0102030405060708").clearParentSpanId()
			.build();
		SpanTranslator.Result result = this.translator.translate(request("catalogservice", job));
		assertThat(result.documents()).hasSize(1);
		JsonNode segment = JSON.readTree(result.documents().get(0));
		assertThat(segment.path("name").asString()).isEqualTo("catalogservice");
		assertThat(segment.has("type")).isFalse();
		assertThat(segment.has("parent_id")).isFalse();
		assertThat(segment.at("/metadata/default/otel.span.name").asString()).isEqualTo("CatalogSeeder.seed");
	}

	@Test
	void invalidSpansAreCountedAndTheOthersKept() {
		Span good = span(SpanKind.SPAN_KIND_SERVER, "GET /", "0102030405060708").build();
		Span zeroTrace = good.toBuilder().setTraceId(ByteString.copyFrom(new byte[16])).build();
		Span shortId = good.toBuilder().setSpanId(bytes("0102")).build();
		Span backwards = good.toBuilder().setEndTimeUnixNano(good.getStartTimeUnixNano() - 1).build();
		Span badParent = good.toBuilder().setParentSpanId(bytes("01")).build();

		SpanTranslator.Result result = this.translator
			.translate(request("frontend", good, zeroTrace, shortId, backwards, badParent));
		assertThat(result.spans()).isEqualTo(5);
		assertThat(result.invalidSpans()).isEqualTo(4);
		assertThat(result.documents()).hasSize(1);
		assertThat(result.firstProblem()).contains("trace id");
	}

	@Test
	void aSpanOverTwoHundredKilobytesIsRefusedAlone() {
		Span small = span(SpanKind.SPAN_KIND_SERVER, "GET /", "0102030405060708").build();
		Span large = span(SpanKind.SPAN_KIND_SERVER, "GET /big", "0102030405060709")
			.addAttributes(attribute("payload", "x".repeat(SpanTranslator.MAX_SPAN_BYTES)))
			.build();
		SpanTranslator.Result result = this.translator.translate(request("frontend", small, large));
		assertThat(result.spans()).isEqualTo(2);
		assertThat(result.invalidSpans()).isEqualTo(1);
		assertThat(result.documents()).hasSize(1);
		assertThat(result.firstProblem()).contains("GET /big").contains("more than the 204800");
	}

	@Test
	void aSpanUnderTheLimitButOverASegmentsSixtyFourKilobytesIsShortened() throws Exception {
		JsonNode shortened = only(span(SpanKind.SPAN_KIND_SERVER, "GET /", "0102030405060708")
			.addAttributes(attribute("payload", "x".repeat(150 * 1024)))
			.addAttributes(attribute("small", "kept"))
			.build());
		assertThat(shortened.at("/metadata/default/payload").asString()).startsWith("xxx")
			.endsWith("(153600 characters, shortened)")
			.hasSizeLessThan(1200);
		assertThat(shortened.at("/metadata/default/small").asString()).isEqualTo("kept");
	}

	@Test
	void spanLinksBecomeLinksInXRaysForm() throws Exception {
		Span.Link link = Span.Link.newBuilder()
			.setTraceId(bytes("ffffffff0123456789abcdef01234567"))
			.setSpanId(bytes("0a0b0c0d0e0f1011"))
			.addAttributes(attribute("messaging.operation", "receive"))
			.build();
		Span.Link malformed = Span.Link.newBuilder().setTraceId(bytes("01")).setSpanId(bytes("02")).build();
		JsonNode linked = only(span(SpanKind.SPAN_KIND_CONSUMER, "orders process", "0102030405060708").addLinks(link)
			.addLinks(malformed)
			.build());
		assertThat(linked.path("links")).hasSize(1);
		assertThat(linked.at("/links/0/trace_id").asString()).isEqualTo("1-ffffffff-0123456789abcdef01234567");
		assertThat(linked.at("/links/0/id").asString()).isEqualTo("0a0b0c0d0e0f1011");
		assertThat(linked.at("/links/0/attributes/messaging.operation").asString()).isEqualTo("receive");

		// a root span that is not a server's: the links once, on its service's segment
		SpanTranslator.Result root = this.translator.translate(request("orderservice",
				span(SpanKind.SPAN_KIND_CLIENT, "GET", "0102030405060708").clearParentSpanId().addLinks(link).build()));
		assertThat(root.documents()).hasSize(2);
		assertThat(JSON.readTree(root.documents().get(0)).path("links")).hasSize(1);
		assertThat(JSON.readTree(root.documents().get(1)).has("links")).isFalse();
	}

	@Test
	void brokenBodiesAreRefusedAndNothingElseEscapes() throws Exception {
		ExportTraceServiceRequest valid = request("frontend",
				span(SpanKind.SPAN_KIND_SERVER, "GET /", "0102030405060708")
					.addAttributes(attribute("http.request.method", "GET"))
					.build(),
				span(SpanKind.SPAN_KIND_CLIENT, "GET", "0102030405060709")
					.addAttributes(attribute("peer.service", "catalogservice"))
					.build());
		byte[] protobuf = valid.toByteArray();
		byte[] json = com.google.protobuf.util.JsonFormat.printer().print(valid).getBytes(StandardCharsets.UTF_8);
		OtlpDecoder decoder = new OtlpDecoder();
		SegmentParser parser = new SegmentParser();
		List<byte[]> bodies = new ArrayList<>();
		for (int length = 0; length < protobuf.length; length++) {
			bodies.add(java.util.Arrays.copyOf(protobuf, length));
		}
		Random random = new Random(42);
		for (int i = 0; i < 300; i++) {
			byte[] mutated = protobuf.clone();
			mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(256);
			bodies.add(mutated);
			byte[] noise = new byte[random.nextInt(200)];
			random.nextBytes(noise);
			bodies.add(noise);
		}
		int decoded = 0;
		for (byte[] body : bodies) {
			decoded += tryDecode(decoder, parser, body, OtlpDecoder.Encoding.PROTOBUF);
		}
		for (int length = 0; length < json.length; length += 3) {
			decoded += tryDecode(decoder, parser, java.util.Arrays.copyOf(json, length), OtlpDecoder.Encoding.JSON);
		}
		// some mutations still decode (protobuf skips unknown fields): they are
		// translated
		assertThat(decoded).isPositive();
	}

	/** 1 when decoded (and every document it made is a valid X-Ray document), else 0. */
	private int tryDecode(OtlpDecoder decoder, SegmentParser parser, byte[] body, OtlpDecoder.Encoding encoding)
			throws Exception {
		ExportTraceServiceRequest request;
		try {
			request = decoder.decode(body, encoding);
		}
		catch (OtlpDecoder.MalformedRequest refused) {
			return 0;
		}
		catch (RuntimeException ex) {
			fail("decoding %d bytes of %s threw %s", body.length, encoding, ex);
			return 0;
		}
		for (String document : this.translator.translate(request).documents()) {
			parser.parseDocument(document);
		}
		return 1;
	}

	// --- building spans ---------------------------------------------------------------

	private JsonNode only(Span span) throws Exception {
		SpanTranslator.Result result = this.translator.translate(request("orderservice", span));
		assertThat(result.invalidSpans()).isZero();
		assertThat(result.documents()).hasSize(1);
		String document = result.documents().get(0);
		new SegmentParser().parseDocument(document);
		return JSON.readTree(document);
	}

	private static Span.Builder span(SpanKind kind, String name, String spanId) {
		long start = System.currentTimeMillis() * 1_000_000L;
		return Span.newBuilder()
			.setTraceId(TRACE)
			.setSpanId(bytes(spanId))
			.setParentSpanId(bytes("a1a2a3a4a5a6a7a8"))
			.setKind(kind)
			.setName(name)
			.setStartTimeUnixNano(start)
			.setEndTimeUnixNano(start + 2_000_000);
	}

	private static ExportTraceServiceRequest request(String service, Span... spans) {
		return ExportTraceServiceRequest.newBuilder()
			.addResourceSpans(ResourceSpans.newBuilder()
				.setResource(Resource.newBuilder().addAttributes(attribute("service.name", service)))
				.addScopeSpans(ScopeSpans.newBuilder().addAllSpans(List.of(spans))))
			.build();
	}

	private static KeyValue attribute(String key, String value) {
		return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setStringValue(value)).build();
	}

	private static AnyValue strings(String... values) {
		ArrayValue.Builder array = ArrayValue.newBuilder();
		for (String value : values) {
			array.addValues(AnyValue.newBuilder().setStringValue(value));
		}
		return AnyValue.newBuilder().setArrayValue(array).build();
	}

	private static ByteString bytes(String hex) {
		return ByteString.copyFrom(HexFormat.of().parseHex(hex));
	}

}
