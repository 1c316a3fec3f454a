package com.anycompany.shop.tracing.aws;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import com.amazonaws.xray.AWSXRayRecorder;
import com.amazonaws.xray.AWSXRayRecorderBuilder;
import com.amazonaws.xray.config.DaemonConfiguration;
import com.amazonaws.xray.emitters.UDPEmitter;
import com.amazonaws.xray.entities.Segment;
import com.amazonaws.xray.entities.SegmentImpl;
import com.amazonaws.xray.interceptors.TracingInterceptor;
import com.amazonaws.xray.strategy.sampling.AllSamplingStrategy;
import com.anycompany.shop.testsupport.XRayDaemonStub;
import com.anycompany.shop.tracing.XRayStatus;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The SDK's {@code TracingInterceptor} marks {@code aws} subsegments by X-Ray's status
 * rule as {@link XRayStatus} states it (4xx error, 429 throttle, 5xx or no answer fault),
 * read from the datagrams of real DynamoDB calls against a stub that answers each status.
 * The SDK also reads a throttling error code as a throttle whatever its status.
 */
class AwsSubsegmentStatusTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	@RegisterExtension
	static XRayDaemonStub daemon = new XRayDaemonStub();

	static final HttpServer dynamoDb = startDynamoDbStub();

	private final AWSXRayRecorder recorder = AWSXRayRecorderBuilder.standard()
		.withEmitter(udpEmitter())
		.withSamplingStrategy(new AllSamplingStrategy())
		.build();

	@AfterAll
	static void stop() {
		dynamoDb.stop(0);
	}

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource({ "200, ", "400, ResourceNotFoundException", "400, ConditionalCheckFailedException",
			"429, TooManyRequestsException", "500, InternalServerError", "503, ServiceUnavailable" })
	void theStatusDecidesTheFlags(int status, String errorCode) {
		JsonNode call = callDynamoDb("http://127.0.0.1:" + dynamoDb.getAddress().getPort() + "/" + status + "/"
				+ ((errorCode != null) ? errorCode : ""));
		assertThat(call.path("namespace").asString()).isEqualTo("aws");
		assertThat(call.path("aws").path("operation").asString()).isEqualTo("GetItem");
		assertThat(call.path("http").path("response").path("status").asInt()).isEqualTo(status);
		assertThat(flags(call)).isEqualTo(flagsByTheRule(status));
		if (status >= 400) {
			JsonNode exception = call.path("cause").path("exceptions").get(0);
			assertThat(exception.path("type").asString()).startsWith("software.amazon.awssdk.services.dynamodb");
			assertThat(exception.path("remote").asBoolean()).isTrue();
		}
	}

	@Test
	void noAnswerIsAFault() throws IOException {
		int closed;
		try (ServerSocket socket = new ServerSocket(0)) {
			closed = socket.getLocalPort();
		}
		JsonNode call = callDynamoDb("http://127.0.0.1:" + closed);
		assertThat(flags(call)).isEqualTo(Map.of("error", false, "throttle", false, "fault", true));
		assertThat(call.path("cause").path("exceptions")).isNotEmpty();
	}

	/** DynamoDB answers a throttle with 400 and its code; the SDK reads the code. */
	@Test
	void aThrottlingCodeIsAThrottle() {
		JsonNode call = callDynamoDb(
				"http://127.0.0.1:" + dynamoDb.getAddress().getPort() + "/400/ProvisionedThroughputExceededException");
		assertThat(flags(call)).isEqualTo(Map.of("error", true, "throttle", true, "fault", false));
	}

	private JsonNode callDynamoDb(String endpoint) {
		String name = "call-" + System.nanoTime();
		try (DynamoDbClient client = DynamoDbClient.builder()
			.endpointOverride(URI.create(endpoint))
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
			.overrideConfiguration(
					(config) -> config.addExecutionInterceptor(new TracingInterceptor(this.recorder, null, null))
						.retryStrategy((retry) -> retry.maxAttempts(1)))
			.build()) {
			Segment segment = this.recorder.beginSegment(name);
			try {
				client.getItem((get) -> get.tableName("Orders").key(Map.of("id", AttributeValue.fromS("O-1"))));
			}
			catch (SdkException ex) {
				// the subsegment has recorded it
			}
			finally {
				this.recorder.endSegment();
			}
		}
		JsonNode segment = daemon.awaitSegment((s) -> name.equals(s.path("name").asString()), WAIT);
		return XRayDaemonStub.subsegmentNamed(segment, "DynamoDb").orElseThrow();
	}

	private static Map<String, Boolean> flags(JsonNode entity) {
		return Map.of("error", entity.path("error").asBoolean(false), "throttle",
				entity.path("throttle").asBoolean(false), "fault", entity.path("fault").asBoolean(false));
	}

	private Map<String, Boolean> flagsByTheRule(int status) {
		Segment entity = new SegmentImpl(this.recorder, "rule");
		XRayStatus.applyStatus(entity, status);
		return Map.of("error", entity.isError(), "throttle", entity.isThrottle(), "fault", entity.isFault());
	}

	private static UDPEmitter udpEmitter() {
		DaemonConfiguration daemonConfiguration = new DaemonConfiguration();
		daemonConfiguration.setDaemonAddress(daemon.address());
		try {
			return new UDPEmitter(daemonConfiguration);
		}
		catch (SocketException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Answers {@code /<status>/<error code>} with that status and DynamoDB's error body.
	 */
	private static HttpServer startDynamoDbStub() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/", (exchange) -> {
				String[] parts = exchange.getRequestURI().getPath().split("/");
				int status = Integer.parseInt(parts[1]);
				String body = (status == 200) ? "{\"Item\":{\"id\":{\"S\":\"O-1\"}}}"
						: "{\"__type\":\"com.amazonaws.dynamodb.v20120810#" + parts[2] + "\",\"message\":\"stub\"}";
				byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
				exchange.getResponseHeaders().add("x-amzn-RequestId", "REQ-" + status);
				exchange.sendResponseHeaders(status, bytes.length);
				exchange.getResponseBody().write(bytes);
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
