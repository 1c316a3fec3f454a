package com.anycompany.shop.tracing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import com.amazonaws.xray.AWSXRayRecorder;
import com.amazonaws.xray.AWSXRayRecorderBuilder;
import com.amazonaws.xray.entities.TraceID;
import com.amazonaws.xray.interceptors.TracingInterceptor;
import com.amazonaws.xray.strategy.sampling.LocalizedSamplingStrategy;
import com.anycompany.shop.clients.aws.AwsClientProperties;
import com.anycompany.shop.clients.aws.AwsClients;
import com.anycompany.shop.testsupport.LocalDynamoDb;
import com.anycompany.shop.testsupport.XRayDaemonStub;
import com.anycompany.shop.tracing.sample.SampleApplication;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link AwsSdkTracingInterceptor} against the X-Ray SDK's {@code TracingInterceptor}:
 * the same DynamoDB calls through a client with each, against a local DynamoDB (and a
 * refused port, and a stub that fails once), and the subsegments they make compared field
 * by field in the datagrams the recorder really sends; ids, times and request ids, which
 * differ per call, are the only thing left out.
 */
@ExtendWith(LocalDynamoDb.class)
class AwsSdkTracingInterceptorTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final String TABLE = "InterceptorEquivalence";

	private static final String TRACE_HEADER = "X-Amzn-Trace-Id";

	@RegisterExtension
	static XRayDaemonStub daemon = new XRayDaemonStub();

	static SegmentEmitter emitter;

	static AWSXRayRecorder recorder;

	static ContextMissingReporter contextMissing;

	/** The trace header of every attempt, as it left the client. */
	final List<String> sentHeaders = new CopyOnWriteArrayList<>();

	final ExecutionInterceptor headerCapture = new ExecutionInterceptor() {
		@Override
		public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
			AwsSdkTracingInterceptorTests.this.sentHeaders
				.add(context.httpRequest().firstMatchingHeader(TRACE_HEADER).orElse("none"));
		}
	};

	@BeforeAll
	static void startRecorder() throws IOException {
		String[] address = daemon.address().split(":");
		emitter = new SegmentEmitter(new InetSocketAddress(address[0], Integer.parseInt(address[1])), 256);
		contextMissing = new ContextMissingReporter();
		contextMissing.startupFinished();
		recorder = AWSXRayRecorderBuilder.standard()
			.withEmitter(emitter)
			.withContextMissingStrategy(contextMissing)
			// no sampling poller: segments are begun here, not sampled
			.withSamplingStrategy(new LocalizedSamplingStrategy())
			.build();
		SampleApplication.ensureTable(client(List.of(), LocalDynamoDb.endpoint()), TABLE);
	}

	@AfterAll
	static void stopEmitter() throws InterruptedException {
		emitter.close();
	}

	@BeforeEach
	void clear() {
		daemon.clear();
	}

	@Test
	void sampledCallsMakeTheSameSubsegmentsAsTheSdk() {
		String refused = "http://127.0.0.1:" + closedPort();
		Map<String, Call> calls = new LinkedHashMap<>();
		calls.put("PutItem", new Call(LocalDynamoDb.endpoint(),
				(dynamo) -> dynamo.putItem((put) -> put.tableName(TABLE).item(item("a", "1")))));
		calls.put("GetItem hit",
				new Call(LocalDynamoDb.endpoint(),
						(dynamo) -> dynamo.getItem((get) -> get.tableName(TABLE)
							.key(key("a"))
							.consistentRead(true)
							.projectionExpression("id, n")
							.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL))));
		calls.put("GetItem miss", new Call(LocalDynamoDb.endpoint(),
				(dynamo) -> dynamo.getItem((get) -> get.tableName(TABLE).key(key("missing")))));
		calls.put("Query",
				new Call(LocalDynamoDb.endpoint(),
						(dynamo) -> dynamo.query((query) -> query.tableName(TABLE)
							.keyConditionExpression("id = :id")
							.expressionAttributeValues(Map.of(":id", AttributeValue.fromS("a")))
							.limit(5)
							.scanIndexForward(false)
							.select(Select.ALL_ATTRIBUTES)
							.consistentRead(true))));
		calls.put("UpdateItem",
				new Call(LocalDynamoDb.endpoint(),
						(dynamo) -> dynamo.updateItem((update) -> update.tableName(TABLE)
							.key(key("a"))
							.updateExpression("SET n = :n")
							.expressionAttributeValues(Map.of(":n", AttributeValue.fromN("2")))
							.returnValues(ReturnValue.UPDATED_NEW))));
		calls.put("ConditionalCheckFailed", new Call(LocalDynamoDb.endpoint(), (dynamo) -> dynamo.putItem(
				(put) -> put.tableName(TABLE).item(item("a", "3")).conditionExpression("attribute_not_exists(id)"))));
		calls.put("ResourceNotFound", new Call(LocalDynamoDb.endpoint(),
				(dynamo) -> dynamo.getItem((get) -> get.tableName("NoSuchTable").key(key("a")))));
		calls.put("BatchWriteItem", new Call(LocalDynamoDb.endpoint(), (dynamo) -> dynamo.batchWriteItem(
				(batch) -> batch.requestItems(Map.of(TABLE, List.of(write(item("b", "1")), write(item("c", "2"))))))));
		calls.put("BatchGetItem",
				new Call(LocalDynamoDb.endpoint(),
						(dynamo) -> dynamo.batchGetItem((batch) -> batch.requestItems(Map.of(TABLE,
								software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes.builder()
									.keys(key("b"), key("c"))
									.build())))));
		calls.put("TransactWriteItems",
				new Call(LocalDynamoDb.endpoint(), (dynamo) -> dynamo.transactWriteItems((transact) -> transact
					.transactItems((item) -> item.put((put) -> put.tableName(TABLE).item(item("d", "4")))))));
		calls.put("ListTables",
				new Call(LocalDynamoDb.endpoint(), (dynamo) -> dynamo.listTables((list) -> list.limit(10))));
		calls.put("DescribeTable", new Call(LocalDynamoDb.endpoint(),
				(dynamo) -> dynamo.describeTable((describe) -> describe.tableName(TABLE))));
		calls.put("ConnectionRefused",
				new Call(refused, (dynamo) -> dynamo.getItem((get) -> get.tableName(TABLE).key(key("a")))));

		java.util.Set<String> awsFields = new java.util.TreeSet<>();
		for (Map.Entry<String, Call> entry : calls.entrySet()) {
			List<Traced> both = tracedBySdkAndOurs(entry.getValue());
			Traced sdk = both.get(0);
			Traced ours = both.get(1);
			awsFields.addAll(sdk.subsegment().path("aws").propertyNames());
			assertThat(sdk.subsegment().path("name").asString()).as(entry.getKey()).isEqualTo("DynamoDb");
			// JSON objects compare regardless of the order of their fields
			assertThat(differences(normalized(sdk.subsegment()), normalized(ours.subsegment()), ""))
				.as(entry.getKey() + ": fields that differ from the SDK's subsegment")
				.isEmpty();
			// the callee is told the subsegment's id, on every attempt
			for (Traced traced : List.of(sdk, ours)) {
				assertThat(traced.headers()).as(entry.getKey())
					.isNotEmpty()
					.containsOnly("Root=" + traced.segment().path("trace_id").asString() + ";Parent="
							+ traced.subsegment().path("id").asString() + ";Sampled=1");
			}
		}
		// what the comparison covered: whitelisted values, map keys and list counts
		assertThat(awsFields).containsAll(
				List.of("operation", "region", "request_id", "retries", "table_name", "table_names", "table_count",
						"consistent_read", "projection_expression", "limit", "select", "scan_index_forward"));
	}

	/**
	 * A retried call: a stub answers 500, then 200 (two attempts allowed), with the
	 * request ids of S3 as well.
	 */
	@Test
	void retriesAreCountedAsTheSdkCountsThem() throws IOException {
		AtomicInteger requests = new AtomicInteger();
		HttpServer stub = dynamoDbStub(requests, (request) -> (request % 2 == 0) ? 500 : 200, "InternalServerError");
		try {
			List<Traced> both = tracedBySdkAndOurs(getItemFrom(stub));
			Traced sdk = both.get(0);
			Traced ours = both.get(1);
			assertThat(requests.get()).isEqualTo(4);
			assertThat(sdk.subsegment().path("aws").path("retries").asInt()).isEqualTo(1);
			assertThat(sdk.subsegment().path("aws").path("request_id").asString()).isEqualTo("REQ2");
			assertThat(sdk.subsegment().path("aws").path("id_2").asString()).isEqualTo("EXT2");
			assertThat(differences(normalized(sdk.subsegment()), normalized(ours.subsegment()), "")).isEmpty();
			assertThat(ours.subsegment().path("aws").path("request_id").asString()).isEqualTo("REQ4");
			assertThat(ours.subsegment().path("aws").path("id_2").asString()).isEqualTo("EXT4");
			assertThat(ours.headers()).hasSize(2);
		}
		finally {
			stub.stop(0);
		}
	}

	/** Throttled on every attempt: throttle and error, no fault, as the SDK flags it. */
	@Test
	void throttlingIsFlaggedAsTheSdkFlagsIt() throws IOException {
		AtomicInteger requests = new AtomicInteger();
		HttpServer stub = dynamoDbStub(requests, (request) -> 400, "ProvisionedThroughputExceededException");
		try {
			List<Traced> both = tracedBySdkAndOurs(getItemFrom(stub));
			JsonNode sdk = both.get(0).subsegment();
			assertThat(sdk.path("throttle").asBoolean()).isTrue();
			assertThat(sdk.path("error").asBoolean()).isTrue();
			assertThat(sdk.has("fault")).isFalse();
			assertThat(differences(normalized(sdk), normalized(both.get(1).subsegment()), "")).isEmpty();
		}
		finally {
			stub.stop(0);
		}
	}

	/**
	 * A DynamoDB stand-in answering each request with the status asked for (a
	 * {@code __type} error for anything but 200), with request ids of its own, S3's
	 * extended one ({@code id_2}) included.
	 */
	private static HttpServer dynamoDbStub(AtomicInteger requests, java.util.function.IntUnaryOperator status,
			String errorType) throws IOException {
		HttpServer stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		stub.createContext("/", (exchange) -> {
			exchange.getRequestBody().readAllBytes();
			int answer = status.applyAsInt(requests.getAndIncrement());
			byte[] body = ((answer == 200) ? "{}"
					: "{\"__type\":\"com.amazonaws.dynamodb.v20120810#" + errorType + "\",\"message\":\"try again\"}")
				.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
			exchange.getResponseHeaders().add("x-amzn-RequestId", "REQ" + requests.get());
			exchange.getResponseHeaders().add("x-amz-id-2", "EXT" + requests.get());
			exchange.sendResponseHeaders(answer, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		stub.start();
		return stub;
	}

	private static Call getItemFrom(HttpServer stub) {
		return new Call("http://127.0.0.1:" + stub.getAddress().getPort(),
				(dynamo) -> dynamo.getItem((get) -> get.tableName(TABLE).key(key("a"))));
	}

	/**
	 * A request the sampling rule left out: nothing recorded, nothing sent, and the
	 * callee told only the trace's root, as the SDK does.
	 */
	@Test
	void unsampledCallsSendNoDatagramAndTheSdksHeader() {
		Map<String, ExecutionInterceptor> tracing = Map.of("sdk", new TracingInterceptor(recorder, null, null), "ours",
				new AwsSdkTracingInterceptor(recorder));
		Map<String, List<String>> headers = new HashMap<>();
		List<String> traceIds = new ArrayList<>();
		tracing.forEach((name, interceptor) -> {
			TraceID traceId = TraceID.create(recorder);
			traceIds.add(traceId.toString());
			DynamoDbClient dynamo = client(List.of(interceptor, this.headerCapture), LocalDynamoDb.endpoint());
			this.sentHeaders.clear();
			recorder.beginNoOpSegment(traceId);
			try {
				dynamo.getItem((get) -> get.tableName(TABLE).key(key("a")));
			}
			finally {
				recorder.endSegment();
			}
			headers.put(name, List.copyOf(this.sentHeaders));
			assertThat(this.sentHeaders).as(name).containsExactly("Root=" + traceId);
		});
		// background work: a no-op segment with no trace id of its own
		BackgroundWork background = new BackgroundWork(recorder);
		long lostBefore = contextMissing.count();
		tracing.forEach((name, interceptor) -> {
			DynamoDbClient dynamo = client(List.of(interceptor, this.headerCapture), LocalDynamoDb.endpoint());
			this.sentHeaders.clear();
			background.run(() -> dynamo.getItem((get) -> get.tableName(TABLE).key(key("a"))));
			headers.put(name + " background", List.copyOf(this.sentHeaders));
		});
		assertThat(headers.get("ours background")).hasSize(1).isEqualTo(headers.get("sdk background"));
		assertThat(contextMissing.count()).isEqualTo(lostBefore);

		// a sampled trace after them arrives, and nothing of theirs did
		traced(new AwsSdkTracingInterceptor(recorder), new Call(LocalDynamoDb.endpoint(),
				(dynamo) -> dynamo.getItem((get) -> get.tableName(TABLE).key(key("a")))));
		assertThat(daemon.documents()).hasSize(1)
			.noneMatch((document) -> traceIds.contains(document.path("trace_id").asString()));
	}

	/**
	 * No trace context at all: the recorder's context-missing strategy hears of it once
	 * per call, and no header goes out, as with the SDK.
	 */
	@Test
	void callsWithoutTraceContextAreReportedAndSendNoHeader() {
		recorder.clearTraceEntity();
		for (ExecutionInterceptor interceptor : List.of(new TracingInterceptor(recorder, null, null),
				new AwsSdkTracingInterceptor(recorder))) {
			DynamoDbClient dynamo = client(List.of(interceptor, this.headerCapture), LocalDynamoDb.endpoint());
			this.sentHeaders.clear();
			long before = contextMissing.count();
			dynamo.getItem((get) -> get.tableName(TABLE).key(key("a")));
			assertThat(contextMissing.count() - before).as(interceptor.getClass().getSimpleName()).isEqualTo(1);
			assertThat(this.sentHeaders).containsExactly("none");
			assertThat(recorder.getTraceEntity()).isNull();
		}
	}

	/**
	 * The call traced by the SDK's interceptor, then by ours, from the same line (an
	 * exception's stack names it).
	 */
	private List<Traced> tracedBySdkAndOurs(Call call) {
		List<Traced> both = new ArrayList<>();
		for (ExecutionInterceptor tracing : List.of(new TracingInterceptor(recorder, null, null),
				new AwsSdkTracingInterceptor(recorder))) {
			both.add(traced(tracing, call));
		}
		return both;
	}

	/** One call under a sampled segment of its own, as the daemon received it. */
	private Traced traced(ExecutionInterceptor tracing, Call call) {
		DynamoDbClient dynamo = client(List.of(tracing, this.headerCapture), call.endpoint());
		this.sentHeaders.clear();
		String traceId = recorder.beginSegment("equivalence").getTraceId().toString();
		try {
			call.call().accept(dynamo);
		}
		catch (SdkException expected) {
			// failures are compared too
		}
		finally {
			recorder.endSegment();
		}
		JsonNode segment = daemon.awaitSegmentOfTrace(traceId, WAIT);
		assertThat(segment.path("subsegments")).hasSize(1);
		return new Traced(segment, segment.path("subsegments").get(0), List.copyOf(this.sentHeaders));
	}

	private static DynamoDbClient client(List<ExecutionInterceptor> interceptors, String endpoint) {
		AwsClientProperties aws = new AwsClientProperties();
		aws.setEndpoint(endpoint);
		aws.setRegion("us-east-1");
		aws.setMaxAttempts(2);
		return new AwsClients(aws, interceptors).build(DynamoDbClient.builder());
	}

	/**
	 * The subsegment without what differs from call to call: ids, times, request ids
	 * (also inside exception messages) and exception ids.
	 */
	private static JsonNode normalized(JsonNode subsegment) {
		ObjectNode copy = (ObjectNode) subsegment.deepCopy();
		copy.remove(List.of("id", "start_time", "end_time", "trace_id", "parent_id"));
		for (String requestId : List.of("request_id", "id_2")) {
			if (copy.path("aws").has(requestId)) {
				((ObjectNode) copy.get("aws")).put(requestId, "<request id>");
			}
		}
		if (copy.path("cause").isObject()) {
			ObjectNode cause = (ObjectNode) copy.get("cause");
			if (cause.has("message")) {
				cause.put("message", withoutRequestId(cause.get("message").asString()));
			}
			Map<String, String> ids = new HashMap<>();
			ArrayNode exceptions = (ArrayNode) cause.path("exceptions");
			for (JsonNode exception : exceptions) {
				ids.put(exception.path("id").asString(), "exception " + ids.size());
			}
			for (JsonNode exception : exceptions) {
				ObjectNode described = (ObjectNode) exception;
				described.put("id", ids.get(described.path("id").asString()));
				if (described.has("cause")) {
					described.put("cause", ids.getOrDefault(described.get("cause").asString(), "elsewhere"));
				}
				if (described.has("message")) {
					described.put("message", withoutRequestId(described.get("message").asString()));
				}
			}
		}
		return copy;
	}

	/** Where two documents differ, as JSON pointers with both values. */
	private static List<String> differences(JsonNode expected, JsonNode actual, String path) {
		List<String> found = new ArrayList<>();
		if (expected.isObject() && actual.isObject()) {
			java.util.Set<String> names = new java.util.TreeSet<>(expected.propertyNames());
			names.addAll(actual.propertyNames());
			for (String name : names) {
				found.addAll(differences(expected.path(name), actual.path(name), path + "/" + name));
			}
		}
		else if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
			for (int i = 0; i < expected.size(); i++) {
				found.addAll(differences(expected.get(i), actual.get(i), path + "/" + i));
			}
		}
		else if (!expected.equals(actual)) {
			found.add(path + ": SDK " + shown(expected) + ", ours " + shown(actual));
		}
		return found;
	}

	private static String shown(JsonNode value) {
		return value.isMissingNode() ? "(absent)" : value.toString();
	}

	private static String withoutRequestId(String message) {
		return message.replaceAll("Request ID: [^,)]*", "Request ID: <request id>");
	}

	private static Map<String, AttributeValue> key(String id) {
		return Map.of("id", AttributeValue.fromS(id));
	}

	private static Map<String, AttributeValue> item(String id, String n) {
		return Map.of("id", AttributeValue.fromS(id), "n", AttributeValue.fromN(n));
	}

	private static WriteRequest write(Map<String, AttributeValue> item) {
		return WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build();
	}

	private static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	record Call(String endpoint, Consumer<DynamoDbClient> call) {
	}

	record Traced(JsonNode segment, JsonNode subsegment, List<String> headers) {
	}

}
