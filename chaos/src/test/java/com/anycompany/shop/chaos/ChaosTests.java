package com.anycompany.shop.chaos;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.anycompany.shop.testsupport.LocalDynamoDb;
import com.anycompany.shop.testsupport.XRayDaemonStub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(LocalDynamoDb.class)
@SpringBootTest(classes = ChaosApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.application.name=chaosservice", "shop.chaos.enabled=true",
				"shop.chaos.token=" + ChaosTests.TOKEN, "management.endpoints.web.exposure.include=health" })
class ChaosTests {

	static final String TOKEN = "s3cret-for-this-test";

	@RegisterExtension
	static XRayDaemonStub daemon = new XRayDaemonStub();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void tracing(DynamicPropertyRegistry registry) {
		registry.add("shop.tracing.daemon-address", daemon::address);
		registry.add("shop.tracing.centralized-sampling", () -> "false");
	}

	@AfterEach
	void reset() {
		client().delete().uri("/actuator/chaos").retrieve().toBodilessEntity();
		daemon.clear();
	}

	@Test
	void endpointIsExposedNextToHealthAndStartsSwitchedOff() {
		assertThat(client().get().uri("/actuator/chaos").retrieve().body(Map.class)).containsEntry("latencyMs", 0)
			.containsEntry("errorRate", 0.0)
			.containsEntry("throttleRate", 0.0);
		assertThat(exchange("/hello").getStatusCode().value()).isEqualTo(200);
	}

	@Test
	void injectedErrorsAreProblemDetailsAndFaultsInTheTrace() {
		change("{\"errorRate\": 1.0}");
		ResponseEntity<String> response = exchange("/hello");
		assertThat(response.getStatusCode().value()).isEqualTo(500);
		assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.isTrue();
		assertThat(response.getBody()).contains("Fault injected by chaos settings");
		JsonNode segment = daemon.awaitSegment((s) -> url(s).endsWith("/hello"), Duration.ofSeconds(10));
		assertThat(segment.path("fault").asBoolean()).isTrue();
		// the actuator keeps working, so chaos can be switched off again
		assertThat(client().get().uri("/actuator/health").retrieve().toBodilessEntity().getStatusCode().value())
			.isEqualTo(200);
	}

	@Test
	void injectedLatencyDelaysRequests() {
		change("{\"latencyMs\": 300}");
		long start = System.nanoTime();
		exchange("/hello");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
		JsonNode segment = daemon.awaitSegment((s) -> url(s).endsWith("/hello"), Duration.ofSeconds(10));
		double seconds = segment.path("end_time").asDouble() - segment.path("start_time").asDouble();
		assertThat(seconds).isGreaterThanOrEqualTo(0.29);
	}

	@Test
	void throttledDynamoDbCallsShowAsThrottleOnTheDynamoDbSubsegment() {
		change("{\"throttleRate\": 1.0}");
		assertThat(exchange("/lookup").getStatusCode().value()).isEqualTo(503);
		JsonNode segment = daemon.awaitSegment((s) -> url(s).endsWith("/lookup"), Duration.ofSeconds(10));
		List<JsonNode> dynamo = XRayDaemonStub.walk(segment)
			.filter((s) -> "DynamoDb".equals(s.path("name").asString()))
			.toList();
		assertThat(dynamo).hasSize(1);
		JsonNode call = dynamo.get(0);
		assertThat(call.path("throttle").asBoolean()).as(call.toString()).isTrue();
		assertThat(call.path("error").asBoolean()).isTrue();
		assertThat(call.path("aws").path("operation").asString()).isEqualTo("GetItem");
		assertThat(call.path("cause").path("exceptions").get(0).path("type").asString())
			.contains("ProvisionedThroughputExceededException");
	}

	@Test
	void outOfRangeSettingsAreRejected() {
		ResponseEntity<String> response = client().post()
			.uri("/actuator/chaos")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"errorRate\": 2}")
			.retrieve()
			.onStatus(HttpStatusCode::isError, (request, resp) -> {
			})
			.toEntity(String.class);
		assertThat(response.getStatusCode().value()).isEqualTo(400);
		assertThat(client().get().uri("/actuator/chaos").retrieve().body(Map.class)).containsEntry("errorRate", 0.0);
	}

	@Test
	void withoutTheTokenNothingCanBeReadOrChanged() {
		RestClient anyone = RestClient.create("http://127.0.0.1:" + this.port);
		ResponseEntity<String> missing = refused(anyone.post()
			.uri("/actuator/chaos")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"errorRate\": 1.0}"));
		assertThat(missing.getStatusCode().value()).isEqualTo(401);
		assertThat(missing.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
		assertThat(missing.getHeaders().getFirst("WWW-Authenticate")).isEqualTo("X-Chaos-Token");
		assertThat(missing.getBody()).contains("\"status\":401");

		for (String wrong : new String[] { "guess", TOKEN + "x", TOKEN.substring(1) }) {
			ResponseEntity<String> refused = refused(anyone.post()
				.uri("/actuator/chaos")
				.header("X-Chaos-Token", wrong)
				.contentType(MediaType.APPLICATION_JSON)
				.body("{\"errorRate\": 1.0}"));
			assertThat(refused.getStatusCode().value()).isEqualTo(403);
			assertThat(refused.getBody()).contains("\"status\":403").doesNotContain(TOKEN);
		}
		assertThat(refused(anyone.get().uri("/actuator/chaos")).getStatusCode().value()).isEqualTo(401);
		assertThat(refused(anyone.delete().uri("/actuator/chaos/")).getStatusCode().value()).isEqualTo(401);

		// nothing changed, and the service's own traffic needs no token
		assertThat(client().get().uri("/actuator/chaos").retrieve().body(Map.class)).containsEntry("errorRate", 0.0);
		assertThat(refused(anyone.get().uri("/hello")).getStatusCode().value()).isEqualTo(200);
	}

	private static ResponseEntity<String> refused(RestClient.RequestHeadersSpec<?> request) {
		return request.retrieve().onStatus(HttpStatusCode::isError, (req, resp) -> {
		}).toEntity(String.class);
	}

	private void change(String json) {
		client().post()
			.uri("/actuator/chaos")
			.contentType(MediaType.APPLICATION_JSON)
			.body(json)
			.retrieve()
			.toBodilessEntity();
	}

	private ResponseEntity<String> exchange(String path) {
		return client().get().uri(path).retrieve().onStatus(HttpStatusCode::isError, (request, response) -> {
		}).toEntity(String.class);
	}

	/** A client that holds the token, as the launcher does. */
	private RestClient client() {
		return RestClient.builder()
			.baseUrl("http://127.0.0.1:" + this.port)
			.defaultHeader("X-Chaos-Token", TOKEN)
			.build();
	}

	private static String url(JsonNode segment) {
		return segment.path("http").path("request").path("url").asString();
	}

}
