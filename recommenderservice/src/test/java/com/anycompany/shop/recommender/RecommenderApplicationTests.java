package com.anycompany.shop.recommender;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import com.anycompany.shop.recommender.catalog.CatalogStubs;
import com.anycompany.shop.testsupport.ShopServiceTest;
import com.anycompany.shop.testsupport.StubServers;
import com.anycompany.shop.testsupport.XRayDaemonStub;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole service over real HTTP, with a stub catalog over real HTTP and a stand-in for
 * the X-Ray daemon that receives the segments the SDK really sends.
 */
@ShopServiceTest
class RecommenderApplicationTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	XRayDaemonStub daemon;

	@RegisterExtension
	static WireMockExtension catalog = StubServers.extension();

	final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("shop.clients.services.catalogservice.base-url", () -> StubServers.url(catalog));
		// generous: the build machine is shared, and no test here is about timeouts
		registry.add("shop.clients.read-timeout", () -> "10s");
	}

	@BeforeEach
	void clear() {
		daemon.clear();
		CatalogStubs.register(catalog);
	}

	@Test
	void recommendsFromTheCatalogAndTracesBothCallsAsCatalogserviceSubsegments() throws Exception {
		HttpResponse<String> response = get("/api/v1/recommender/P-0001");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(response.body()).valueStream().map((p) -> p.path("id").asString()))
			.containsExactly("P-0004", "P-0006", "P-0003", "P-0002");

		JsonNode segment = daemon.awaitSegment((s) -> url(s).endsWith("/api/v1/recommender/P-0001"), WAIT);
		assertThat(segment.path("name").asString()).isEqualTo("recommenderservice");
		assertThat(segment.path("http").path("response").path("status").asInt()).isEqualTo(200);
		assertThat(segment.path("annotations").path("ProductID").asString()).isEqualTo("P-0001");

		List<JsonNode> calls = XRayDaemonStub.walk(segment)
			.filter((s) -> "catalogservice".equals(s.path("name").asString()))
			.toList();
		assertThat(calls).hasSize(2).allSatisfy((call) -> {
			assertThat(call.path("namespace").asString()).isEqualTo("remote");
			assertThat(call.path("http").path("response").path("status").asInt()).isEqualTo(200);
		});
		assertThat(calls).extracting((call) -> call.path("http").path("request").path("url").asString())
			.containsExactly(StubServers.url(catalog) + "/api/v1/product/P-0001",
					StubServers.url(catalog) + "/api/v1/products?category=kitchen");

		// each call told the catalog which subsegment it belongs to
		String traceId = segment.path("trace_id").asString();
		assertThat(catalog.findAll(anyRequestedFor(anyUrl()))).extracting((r) -> r.getHeader("X-Amzn-Trace-Id"))
			.containsExactly("Root=" + traceId + ";Parent=" + calls.get(0).path("id").asString() + ";Sampled=1",
					"Root=" + traceId + ";Parent=" + calls.get(1).path("id").asString() + ";Sampled=1");
	}

	@Test
	void unknownProductIsA404ProblemAndTheCatalogCallAnError() throws Exception {
		HttpResponse<String> response = get("/api/v1/recommender/P-0999");

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = JSON.readTree(response.body());
		assertThat(problem.path("status").asInt()).isEqualTo(404);
		assertThat(problem.path("instance").asString()).isEqualTo("/api/v1/recommender/P-0999");

		JsonNode segment = daemon.awaitSegment((s) -> url(s).endsWith("/api/v1/recommender/P-0999"), WAIT);
		assertThat(segment.path("http").path("response").path("status").asInt()).isEqualTo(404);
		JsonNode call = XRayDaemonStub.subsegmentNamed(segment, "catalogservice").orElseThrow();
		assertThat(call.path("error").asBoolean()).isTrue();
		assertThat(call.path("fault").asBoolean(false)).isFalse();
	}

	@Test
	void healthGroupsAnswerAndAreNotTraced() throws Exception {
		assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
		assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
		assertThat(get("/actuator/env").statusCode()).isEqualTo(404);
		get("/api/v1/recommender/P-0002");
		daemon.awaitSegment((s) -> url(s).endsWith("/api/v1/recommender/P-0002"), WAIT);
		assertThat(daemon.segments()).noneMatch((s) -> url(s).contains("/actuator"));
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static String url(JsonNode segment) {
		return segment.path("http").path("request").path("url").asString();
	}

}
