package com.anycompany.shop.support.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.anycompany.shop.testsupport.RawHttp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * JSON values are never coerced into another type, bodies are limited in size, and the
 * problem details say which field was wrong: over real HTTP, as a client sees it.
 */
@SpringBootTest(classes = SampleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "shop.tracing.enabled=false", "shop.web.max-request-body=1KB" })
class StrictInputTests {

	@LocalServerPort
	int port;

	@Test
	void aFractionIsNotAWholeNumber() throws IOException {
		assertInvalidField("{\"name\":\"a\",\"quantity\":1.5}", "quantity: must be a whole number");
		assertInvalidField("{\"name\":\"a\",\"quantity\":\"2\"}", "quantity: must be a whole number");
		assertInvalidField("{\"name\":\"a\",\"quantity\":true}", "quantity: must be a whole number");
	}

	@Test
	void onlyAJsonStringIsText() throws IOException {
		assertInvalidField("{\"name\":true,\"quantity\":1}", "name: must be a string");
		assertInvalidField("{\"name\":12,\"quantity\":1}", "name: must be a string");
		assertInvalidField("{\"name\":{\"x\":1},\"quantity\":1}", "name: must be a string");
	}

	@Test
	void wellTypedValuesAreTakenAsTheyAre() throws IOException {
		RawHttp.Response response = post("{\"name\":\"a\",\"quantity\":2,\"unknown\":\"ignored\"}");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("{\"name\":\"a\",\"quantity\":2}");
	}

	@Test
	void anUntypedBodyKeepsJacksonsLeniencySoTheActuatorStillWorks() throws IOException {
		RawHttp.Response response = post("/settings", "{\"errorRate\":0.3,\"latencyMs\":800,\"on\":true}");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("{\"errorRate\":\"0.3\",\"latencyMs\":\"800\",\"on\":\"true\"}");
	}

	@Test
	void aBodyThatIsNotJsonIs400() throws IOException {
		RawHttp.Response response = post("{\"name\":");
		assertThat(response.status()).isEqualTo(400);
		assertThat(json(response).path("detail").asString()).isEqualTo("The request body is not valid JSON.");
	}

	@Test
	void aBodyOverTheLimitIs413BeforeItIsRead() throws IOException {
		RawHttp.Response response = post("{\"name\":\"" + "a".repeat(2000) + "\",\"quantity\":1}");
		assertThat(response.status()).isEqualTo(413);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(json(response).path("status").asInt()).isEqualTo(413);
	}

	@Test
	void aChunkedBodyIsCutAtTheLimit() throws IOException {
		String chunk = "{\"name\":\"" + "a".repeat(3000) + "\",\"quantity\":1}";
		ByteArrayOutputStream request = new ByteArrayOutputStream();
		request.writeBytes(("POST /orders HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
				+ "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n" + Integer.toHexString(chunk.length())
				+ "\r\n" + chunk + "\r\n0\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		RawHttp.Response response = RawHttp.exchange("127.0.0.1", this.port, request.toByteArray());
		assertThat(response.status()).as(response.body()).isEqualTo(413);
		assertThat(json(response).path("title").asString()).isEqualTo("Request body too large");
	}

	@Test
	void aBadlyEncodedParameterIs400Not500() throws IOException {
		RawHttp.Response response = RawHttp.exchange("127.0.0.1", this.port,
				RawHttp.request("GET /search?q=%zz HTTP/1.1", "Host: 127.0.0.1"));
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
	}

	private void assertInvalidField(String body, String error) throws IOException {
		RawHttp.Response response = post(body);
		assertThat(response.status()).as(body + " -> " + response.body()).isEqualTo(400);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		JsonNode problem = json(response);
		assertThat(problem.path("title").asString()).isEqualTo("Invalid request");
		assertThat(problem.path("errors").get(0).asString()).as(body).isEqualTo(error);
		assertThat(problem.path("instance").asString()).isEqualTo("/orders");
	}

	private RawHttp.Response post(String json) throws IOException {
		return post("/orders", json);
	}

	private RawHttp.Response post(String path, String json) throws IOException {
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		ByteArrayOutputStream request = new ByteArrayOutputStream();
		request.writeBytes(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
				+ "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		request.writeBytes(body);
		return RawHttp.exchange("127.0.0.1", this.port, request.toByteArray());
	}

	private static JsonNode json(RawHttp.Response response) {
		return JsonMapper.builder().build().readTree(response.body());
	}

}
