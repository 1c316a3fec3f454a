package com.anycompany.shop.tracing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Stream;

import com.amazonaws.xray.AWSXRayRecorder;
import com.amazonaws.xray.AWSXRayRecorderBuilder;
import com.amazonaws.xray.emitters.Emitter;
import com.amazonaws.xray.entities.Entity;
import com.amazonaws.xray.entities.Segment;
import com.amazonaws.xray.entities.SegmentImpl;
import com.amazonaws.xray.entities.Subsegment;
import com.amazonaws.xray.entities.SubsegmentImpl;
import com.amazonaws.xray.entities.ThrowableDescription;
import com.amazonaws.xray.entities.TraceID;
import com.amazonaws.xray.strategy.DefaultThrowableSerializationStrategy;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The writer's documents against the SDK's own: for every entity, the bytes must parse to
 * the same tree as {@code serialize()} (a segment) or {@code streamSerialize()} (a
 * subsegment on its own) and, since both follow the same rules, be the same bytes.
 * Entities are built with the SDK's recorder as the shop's code builds them.
 */
class SegmentDocumentWriterTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	/** Exceptions of this class are "remote", as the AWS SDK's are in a real service. */
	static class RemoteFailure extends RuntimeException {

		RemoteFailure(String message) {
			super(message);
		}

	}

	enum Size {

		SMALL, LARGE

	}

	enum Renamed {

		@JsonProperty("the-first")
		FIRST

	}

	record Item(String sku, int quantity) {
	}

	private final List<Entity> emitted = new ArrayList<>();

	private final AWSXRayRecorder recorder = AWSXRayRecorderBuilder.standard().withEmitter(new Emitter() {
		@Override
		public boolean sendSegment(Segment segment) {
			return SegmentDocumentWriterTests.this.emitted.add(segment);
		}

		@Override
		public boolean sendSubsegment(Subsegment subsegment) {
			return SegmentDocumentWriterTests.this.emitted.add(subsegment);
		}
	})
		.withThrowableSerializationStrategy(new DefaultThrowableSerializationStrategy(8, Set.of(RemoteFailure.class)))
		.build();

	private final SegmentDocumentWriter writer = new SegmentDocumentWriter();

	@AfterEach
	void clearContext() {
		this.recorder.clearTraceEntity();
	}

	static Stream<Named<Function<AWSXRayRecorder, List<Entity>>>> shapes() {
		return Stream.of(Named.of("a bare segment", (recorder) -> {
			Segment segment = recorder.beginSegment("bare");
			recorder.endSegment();
			return List.of(segment);
		}), Named.of("frontend page: http maps, two remote calls", SegmentDocumentWriterTests::frontendPage),
				Named.of("catalog: a DynamoDB call as TracingInterceptor fills it",
						SegmentDocumentWriterTests::catalogQuery),
				Named.of("segment properties: origin, user, service, resource ARN, parent, rule name",
						SegmentDocumentWriterTests::segmentProperties),
				Named.of("exceptions: nested causes, remote, linked to a child, truncated stack",
						SegmentDocumentWriterTests::exceptions),
				Named.of("cause written by hand: id, message, paths, odd frames",
						SegmentDocumentWriterTests::handWrittenCause),
				Named.of("metadata and annotations of every supported kind", SegmentDocumentWriterTests::values),
				Named.of("empty values left out, recursively", SegmentDocumentWriterTests::emptyValues),
				Named.of("strings: unicode, control characters, quotes, lone surrogates",
						SegmentDocumentWriterTests::strings),
				Named.of("numbers: every boxed type, big decimals, NaN and infinities",
						SegmentDocumentWriterTests::numbers),
				Named.of("subsegments in progress, on their own and inside a segment",
						SegmentDocumentWriterTests::inProgress),
				Named.of("subsegment on its own with children, precursors and its own parent id",
						SegmentDocumentWriterTests::subsegmentAlone),
				Named.of("a segment with many subsegments (the recorder streams some)",
						SegmentDocumentWriterTests::manySubsegments),
				Named.of("odd times and empty strings", SegmentDocumentWriterTests::oddTimes),
				Named.of("an unsampled segment", (recorder) -> {
					Segment segment = recorder.beginSegment("unsampled");
					segment.setSampled(false);
					recorder.beginSubsegment("DynamoDb").setNamespace("aws");
					recorder.endSubsegment();
					recorder.endSegment();
					return List.of(segment);
				}));
	}

	@ParameterizedTest
	@MethodSource("shapes")
	void writesWhatTheSdkWrites(Function<AWSXRayRecorder, List<Entity>> shape) {
		List<Entity> entities = new ArrayList<>(shape.apply(this.recorder));
		entities.addAll(this.emitted);
		assertThat(entities).isNotEmpty();
		for (Entity entity : entities) {
			assertSameAsSdk(entity);
			if (entity instanceof Segment) {
				for (Subsegment subsegment : entity.getSubsegmentsCopy()) {
					assertSameAsSdk(subsegment);
				}
			}
		}
		assertThat(this.writer.fallbacks()).as("documents the SDK had to write").isZero();
	}

	@Test
	void randomEntitiesComeOutAsTheSdkWritesThem() {
		Random random = new Random(17);
		int documents = 0;
		for (int i = 0; i < 300; i++) {
			RandomEntities generator = new RandomEntities(random, this.recorder);
			Segment segment = generator.segment();
			assertSameAsSdk(segment);
			documents++;
			for (Subsegment subsegment : allSubsegments(segment)) {
				assertSameAsSdk(subsegment);
				documents++;
			}
			this.recorder.clearTraceEntity();
		}
		assertThat(documents).isGreaterThan(600);
		assertThat(this.writer.fallbacks()).isZero();
	}

	static Stream<Named<Function<AWSXRayRecorder, Entity>>> unsupported() {
		return Stream.of(Named.of("a record in metadata", (recorder) -> {
			Segment segment = recorder.beginSegment("record");
			segment.putMetadata("order", "item", new Item("SKU-1", 2));
			return segment;
		}), Named.of("a date in a subsegment on its own", (recorder) -> {
			recorder.beginSegment("date");
			Subsegment subsegment = recorder.beginSubsegment("date");
			subsegment.putMetadata("at", new Date(1_700_000_000_000L));
			return subsegment;
		}), Named.of("an enum renamed by an annotation", (recorder) -> {
			Segment segment = recorder.beginSegment("enum");
			segment.putMetadata("renamed", Renamed.FIRST);
			return segment;
		}), Named.of("a map with numbers for keys", (recorder) -> {
			Segment segment = recorder.beginSegment("keys");
			segment.putAws("shards", Map.of(1, "a", 2, "b"));
			return segment;
		}), Named.of("an AtomicLong", (recorder) -> {
			Segment segment = recorder.beginSegment("atomic");
			segment.putHttp("response", Map.of("content_length", new AtomicLong(12)));
			return segment;
		}), Named.of("a segment class of its own", (recorder) -> {
			Segment segment = new SegmentImpl(recorder, "custom", TraceID.create(recorder)) {
			};
			segment.putAnnotation("k", "v");
			return segment;
		}), Named.of("a subsegment of a class of its own inside a segment", (recorder) -> {
			Segment segment = recorder.beginSegment("parent");
			Subsegment odd = new SubsegmentImpl(recorder, "odd", segment) {
			};
			odd.setParent(segment);
			segment.addSubsegment(odd);
			return segment;
		}));
	}

	@ParameterizedTest
	@MethodSource("unsupported")
	void leavesWhatItCannotWriteToTheSdk(Function<AWSXRayRecorder, Entity> shape) {
		Entity entity = shape.apply(this.recorder);
		assertSameAsSdk(entity);
		assertThat(this.writer.fallbacks()).isEqualTo(1);
	}

	@Test
	void timesComeOutAsDoubleToStringPrintsThem() {
		// the writer prints times kept in milliseconds its own way: it must be Java's
		Segment segment = new SegmentImpl(this.recorder, "times", TraceID.create(this.recorder));
		Random random = new Random(2001);
		List<Double> times = new ArrayList<>(List.of(1e9, 1.7e9, 1.7000000001e9, 9_999_999_999.999, 1_999_999_999.9,
				1e10 - 1e-6, 1.7e9 + 1e-5, Math.nextUp(1.7e9), 999_999_999.999));
		for (int i = 0; i < 200_000; i++) {
			long millis = 1_000_000_000_000L + (long) (random.nextDouble() * 9_000_000_000_000L);
			times.add(millis / 1000d);
		}
		for (int i = 0; i < 20_000; i++) {
			times.add(1e9 + random.nextDouble() * 9e9);
		}
		for (double time : times) {
			segment.setStartTime(time);
			String document = new String(this.writer.document(segment), StandardCharsets.UTF_8);
			assertThat(document).as("%s", time).contains("\"start_time\":" + time + ",");
		}
	}

	@Test
	void writesAfterThePrefixAndReusesItsBuffer() {
		byte[] header = "{\"format\": \"json\", \"version\": 1}\n".getBytes(StandardCharsets.UTF_8);
		SegmentDocumentWriter prefixed = new SegmentDocumentWriter(header);
		Segment big = this.recorder.beginSegment("big");
		big.putMetadata("payload", "é".repeat(40_000));
		this.recorder.endSegment();
		Segment small = this.recorder.beginSegment("small");
		this.recorder.endSegment();

		int bigLength = prefixed.write(big);
		assertThat(bigLength).isEqualTo(header.length + big.serialize().getBytes(StandardCharsets.UTF_8).length);
		int length = prefixed.write(small);

		byte[] expected = small.serialize().getBytes(StandardCharsets.UTF_8);
		assertThat(length).isEqualTo(prefixed.length()).isEqualTo(header.length + expected.length);
		assertThat(Arrays.copyOfRange(prefixed.buffer(), 0, header.length)).isEqualTo(header);
		assertThat(Arrays.copyOfRange(prefixed.buffer(), header.length, length)).isEqualTo(expected);
		assertThat(prefixed.fallbacks()).isZero();
	}

	private void assertSameAsSdk(Entity entity) {
		String sdk = (entity instanceof Subsegment subsegment) ? subsegment.streamSerialize() : entity.serialize();
		byte[] expected = sdk.getBytes(StandardCharsets.UTF_8);
		byte[] written = this.writer.document(entity);
		assertThat(tree(written)).as(sdk).isEqualTo(tree(expected));
		// bytes, not strings: the SDK's String still holds a lone surrogate that
		// getBytes turns into '?'
		assertThat(written).as("%s%nexpected %s", new String(written, StandardCharsets.UTF_8), sdk).isEqualTo(expected);
	}

	private static Object tree(byte[] json) {
		try {
			return JSON.readTree(json);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(new String(json, StandardCharsets.UTF_8), ex);
		}
	}

	private static List<Subsegment> allSubsegments(Entity entity) {
		List<Subsegment> all = new ArrayList<>();
		for (Subsegment child : entity.getSubsegmentsCopy()) {
			all.add(child);
			all.addAll(allSubsegments(child));
		}
		return all;
	}

	private static List<Entity> frontendPage(AWSXRayRecorder recorder) {
		Segment segment = recorder.beginSegment("frontend");
		Map<String, Object> request = new ConcurrentHashMap<>();
		request.put("method", "GET");
		request.put("url", "http://localhost:8080/product/OLJCESPC7Z?currency=EUR&q=\"a b\"");
		request.put("client_ip", "127.0.0.1");
		request.put("user_agent", "Mozilla/5.0 (X11; Linux x86_64) Chrome/120");
		request.put("x_forwarded_for", true);
		segment.putHttp("request", request);
		for (String callee : List.of("catalogservice", "recommenderservice")) {
			ShopEntities.productCall(recorder, callee);
		}
		segment.putAnnotation("ProductID", "OLJCESPC7Z");
		Map<String, Object> response = new ConcurrentHashMap<>();
		response.put("status", 200);
		segment.putHttp("response", response);
		recorder.endSegment();
		return List.of();
	}

	private static List<Entity> catalogQuery(AWSXRayRecorder recorder) {
		Segment segment = recorder.beginSegment("catalogservice");
		segment.putHttp("request", new HashMap<>(Map.of("method", "GET", "url", "http://localhost:8081/api/v1/products",
				"client_ip", "127.0.0.1", "user_agent", "Java-http-client/17")));
		Subsegment query = recorder.beginSubsegment("DynamoDb");
		query.setNamespace("aws");
		query.putAws("operation", "Query");
		query.putAws("region", "us-east-1");
		query.putAws("request_id", "8BRP4VJ0QAJ6RR2G4I5NEMT3HJVV4KQNSO5AEMVJF66Q9ASUAAJG");
		query.putAws("table_name", "products");
		query.putAws("retries", 0);
		query.putHttp("response", new HashMap<>(Map.of("status", 200, "content_length", 52_117L)));
		recorder.endSubsegment();
		segment.putHttp("response", new HashMap<>(Map.of("status", 200, "content_length", 9_001)));
		recorder.endSegment();
		return List.of(query);
	}

	private static List<Entity> segmentProperties(AWSXRayRecorder recorder) {
		Segment segment = recorder.beginSegment("orderservice");
		segment.setOrigin("AWS::EKS::Container");
		segment.setUser("shopper-42");
		segment.setResourceArn("arn:aws:eks:us-east-1:123456789012:cluster/shop");
		segment.setParentId("53995c3f42cd8ad8");
		segment.putService("version", "1.0.0");
		segment.putService("build", Map.of("commit", "12ad412"));
		segment.setRuleName("Default");
		segment.putSql("url", "jdbc:postgresql://localhost/shop");
		segment.putSql("sanitized_query", "SELECT * FROM orders WHERE id = ?");
		segment.setError(true);
		segment.setThrottle(true);
		recorder.endSegment();
		return List.of();
	}

	private static List<Entity> exceptions(AWSXRayRecorder recorder) {
		Segment segment = recorder.beginSegment("orderservice");
		IllegalStateException root = new IllegalStateException("stock \"ran\" out\n");
		RuntimeException failure = new RuntimeException("cannot place order", new IllegalArgumentException(root));
		Subsegment place = recorder.beginSubsegment("placeOrder");
		place.addException(failure);
		recorder.endSubsegment();
		Subsegment remote = recorder.beginSubsegment("paymentservice");
		remote.setNamespace("remote");
		remote.addException(new RemoteFailure("declined"));
		remote.addException(new RemoteFailure(null));
		recorder.endSubsegment();
		// the same exception again on the segment: described by a link to the child's
		segment.addException(failure);
		recorder.endSegment();
		return List.of();
	}

	private static List<Entity> handWrittenCause(AWSXRayRecorder recorder) {
		Segment segment = recorder.beginSegment("cause");
		segment.getCause().setId("abc");
		segment.getCause().setMessage("by hand");
		segment.getCause().setPaths(Arrays.asList("/a", null, "/c"));
		Subsegment child = recorder.beginSubsegment("frames");
		ThrowableDescription description = new ThrowableDescription();
		description.setId("0123456789abcdef");
		description.setType("x.Y");
		description.setRemote(true);
		description.setStack(new StackTraceElement[] { new StackTraceElement("x.Y", "run", null, -1),
				new StackTraceElement("x.Z", "call", "Z.java", 12), null });
		description.setTruncated(3);
		description.setSkipped(2);
		child.getCause().addException(description);
		ThrowableDescription bare = new ThrowableDescription();
		bare.setStack(new StackTraceElement[0]);
		child.getCause().addException(bare);
		recorder.endSubsegment();
		Subsegment linked = recorder.beginSubsegment("only-a-link");
		ThrowableDescription link = new ThrowableDescription();
		link.setCause("0123456789abcdef");
		linked.getCause().addException(link);
		recorder.endSubsegment();
		Subsegment messageOnly = recorder.beginSubsegment("message-only");
		messageOnly.getCause().setMessage("");
		recorder.endSubsegment();
		recorder.endSegment();
		return List.of();
	}

	private static List<Entity> values(AWSXRayRecorder recorder) {
		Segment segment = recorder.beginSegment("values");
		segment.putAnnotation("text", "a");
		segment.putAnnotation("count", 3);
		segment.putAnnotation("price", 9.99);
		segment.putAnnotation("flag", false);
		segment.putMetadata("nothing", null);
		segment.putMetadata("values", "nested",
				new HashMap<>(Map.of("list", List.of(1, "two", List.of(3.0)), "map",
						new TreeMap<>(Map.of("b", Map.of("c", Map.of("d", true)), "a", 1)), "set",
						new LinkedHashSet<>(List.of("x", "y")))));
		segment.putMetadata("values", "withNulls", Arrays.asList(null, "", List.of(), Map.of()));
		segment.putMetadata("values", "mapsInList", List.of(Map.of("empty", ""), Map.of("kept", 1)));
		segment.putMetadata("values", "objects", new Object[] { "a", 1, null, new String[] { "s" } });
		segment.putMetadata("values", "ints", new int[] { 1, -2, Integer.MIN_VALUE, Integer.MAX_VALUE });
		segment.putMetadata("values", "longs", new long[] { Long.MIN_VALUE, 0, Long.MAX_VALUE });
		segment.putMetadata("values", "doubles", new double[] { 0.1, Double.NaN, -0.0, 1e300 });
		segment.putMetadata("values", "booleans", new boolean[] { true, false });
		segment.putMetadata("values", "enum", Size.LARGE);
		segment.putMetadata("values", "enums", List.of(Size.SMALL, Size.LARGE));
		segment.putMetadata("values", "boolean", Boolean.TRUE);
		recorder.endSegment();
		return List.of();
	}

	private static List<Entity> emptyValues(AWSXRayRecorder recorder) {
		Segment segment = recorder.beginSegment("empty");
		segment.putHttp("request", new HashMap<>(Map.of("headers", Map.of("a", "", "b", List.of()))));
		segment.putAws("nothing", Map.of());
		segment.putMetadata("only-empties", "text", "");
		segment.putMetadata("only-empties", "map", Map.of("deeper", Map.of("deepest", "")));
		segment.putMetadata("some", "array", new int[0]);
		segment.putMetadata("some", "kept", "x");
		Map<String, Object> withNull = new HashMap<>();
		withNull.put("null", null);
		withNull.put("zero", 0);
		withNull.put("false", false);
		segment.putMetadata("some", "withNull", withNull);
		Subsegment child = recorder.beginSubsegment("empty-maps");
		child.setHttp(null);
		child.getAws().clear();
		child.putSql("empty", "");
		recorder.endSubsegment();
		recorder.endSegment();
		return List.of();
	}

	private static List<Entity> strings(AWSXRayRecorder recorder) {
		Segment segment = recorder.beginSegment("strings \"quoted\" \\ / é € 😀");
		StringBuilder controls = new StringBuilder();
		for (char c = 0; c < 0x20; c++) {
			controls.append(c);
		}
		controls.append('\u007f').append('\u2028').append('\u2029').append('\uffff');
		segment.putMetadata("strings", "controls", controls.toString());
		segment.putMetadata("strings", "lone high \ud800", "a\ud800b");
		segment.putMetadata("strings", "lone low", "\udc00");
		segment.putMetadata("strings", "high at end", "x\ud83d");
		segment.putMetadata("strings", "swapped", "\ude00\ud83d");
		segment.putMetadata("strings", "pair", "\ud83d\ude00");
		segment.putMetadata("strings", "cjk", "価格 — ürün — цена");
		segment.putAnnotation("quote\"key", "back\\slash");
		recorder.endSegment();
		return List.of();
	}

	private static List<Entity> numbers(AWSXRayRecorder recorder) {
		Segment segment = recorder.beginSegment("numbers");
		Subsegment alone = recorder.beginSubsegment("numbers-alone");
		for (Entity entity : List.of(segment, alone)) {
			Map<String, Object> numbers = new LinkedHashMap<>();
			numbers.put("byte", (byte) -7);
			numbers.put("short", (short) 300);
			numbers.put("int", -123456);
			numbers.put("long", 1L << 40);
			numbers.put("float", 0.1f);
			numbers.put("floatNaN", Float.NaN);
			numbers.put("floatInfinity", Float.NEGATIVE_INFINITY);
			numbers.put("double", 1.0 / 3);
			numbers.put("doubleSmall", 1e-7);
			numbers.put("doubleNaN", Double.NaN);
			numbers.put("doubleInfinity", Double.POSITIVE_INFINITY);
			numbers.put("negativeZero", -0.0);
			numbers.put("bigInteger", new BigInteger("123456789012345678901234567890"));
			numbers.put("decimal", new BigDecimal("1.50"));
			numbers.put("decimalInteger", new BigDecimal("100"));
			numbers.put("decimalZero", new BigDecimal("0.000"));
			numbers.put("decimalExponent", new BigDecimal("1E+3"));
			numbers.put("decimalNegative", new BigDecimal("-0.00012300"));
			entity.putMetadata("numbers", "all", numbers);
			entity.putAnnotation("decimal", new BigDecimal("2.10"));
			entity.putAnnotation("long", Long.MAX_VALUE);
		}
		recorder.endSubsegment();
		recorder.endSegment();
		return List.of(alone);
	}

	private static List<Entity> inProgress(AWSXRayRecorder recorder) {
		Segment segment = recorder.beginSegment("slow");
		Subsegment open = recorder.beginSubsegment("still-running");
		open.setNamespace("remote");
		recorder.setTraceEntity(segment);
		Subsegment done = recorder.beginSubsegment("done");
		recorder.endSubsegment();
		return List.of(open, done, segment);
	}

	private static List<Entity> subsegmentAlone(AWSXRayRecorder recorder) {
		recorder.beginSegment("parent");
		Subsegment outer = recorder.beginSubsegment("outer");
		outer.setParentId("1111111111111111");
		outer.addPrecursorId("2222222222222222");
		outer.addPrecursorId("3333333333333333");
		Subsegment inner = recorder.beginSubsegment("inner");
		inner.setNamespace("aws");
		inner.putAws("operation", "GetItem");
		inner.putMetadata("decimal", new BigDecimal("4.20"));
		recorder.endSubsegment();
		recorder.endSubsegment();
		return List.of(outer, inner);
	}

	private static List<Entity> manySubsegments(AWSXRayRecorder recorder) {
		Segment segment = recorder.beginSegment("busy");
		for (int i = 0; i < 150; i++) {
			Subsegment call = recorder.beginSubsegment("call-" + i);
			call.setNamespace((i % 2 == 0) ? "remote" : "aws");
			call.putHttp("response", Map.of("status", 200 + i));
			recorder.endSubsegment();
		}
		recorder.endSegment();
		return List.of(segment);
	}

	private static List<Entity> oddTimes(AWSXRayRecorder recorder) {
		Segment segment = recorder.beginSegment("times");
		segment.setStartTime(0);
		segment.setUser("");
		segment.setOrigin("");
		segment.setNamespace("");
		Subsegment nan = recorder.beginSubsegment("nan");
		nan.setStartTime(Double.NaN);
		nan.setEndTime(1.0E21);
		recorder.endSubsegment();
		Subsegment tiny = recorder.beginSubsegment("tiny");
		tiny.setStartTime(Double.MIN_VALUE);
		tiny.setEndTime(-1.5);
		recorder.endSubsegment();
		segment.setEndTime(1_700_000_000.123456);
		recorder.endSegment();
		return List.of();
	}

}
