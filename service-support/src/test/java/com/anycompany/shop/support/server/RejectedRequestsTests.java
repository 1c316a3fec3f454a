package com.anycompany.shop.support.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.anycompany.shop.support.web.SampleApplication;
import com.anycompany.shop.testsupport.RawHttp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Tomcat rejects before the application sees it, sent byte for byte over a socket
 * (HTTP clients refuse to send most of it): every answer is problem details with the
 * right status, never Tomcat's HTML page or Spring Boot's plain error JSON.
 */
@SpringBootTest(classes = SampleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "shop.tracing.enabled=false")
class RejectedRequestsTests {

	@LocalServerPort
	int port;

	@Test
	void invalidUrisAre400() throws IOException {
		for (String target : new String[] { "/search%2Fq", "/search%00", "/search\\q", "/../etc/passwd" }) {
			assertProblem(send("GET " + target + " HTTP/1.1"), 400, "Bad Request");
		}
	}

	@Test
	void aRequestThatIsNotHttpIs400() throws IOException {
		assertProblem(RawHttp.exchange("127.0.0.1", this.port, "GARBAGE\r\n\r\n".getBytes(StandardCharsets.UTF_8)), 400,
				"Bad Request");
	}

	@Test
	void aUriLongerThanTheHeaderLimitIs414() throws IOException {
		assertProblem(send("GET /search?q=" + "a".repeat(9000) + " HTTP/1.1"), 414, "URI Too Long");
	}

	@Test
	void headersLargerThanTheLimitAre431() throws IOException {
		RawHttp.Response response = send("GET /search?q=abc HTTP/1.1", "X-Big: " + "a".repeat(100_000));
		assertProblem(response, 431, "Request Header Fields Too Large");
	}

	@Test
	void traceIs405AsProblemDetailsWhateverTheClientAccepts() throws IOException {
		RawHttp.Response response = send("TRACE /search HTTP/1.1", "Accept: text/html");
		assertProblem(response, 405, "Method Not Allowed");
		assertThat(response.header("Allow")).contains("GET").doesNotContain("TRACE");
		assertThat(json(response).path("instance").asString()).isEqualTo("/search");
	}

	@Test
	void aValidRequestIsUntouched() throws IOException {
		RawHttp.Response response = send("GET /search?q=abc HTTP/1.1");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("abc1");
	}

	private RawHttp.Response send(String requestLine, String... headers) throws IOException {
		String[] all = new String[headers.length + 1];
		all[0] = "Host: 127.0.0.1";
		System.arraycopy(headers, 0, all, 1, headers.length);
		return RawHttp.exchange("127.0.0.1", this.port, RawHttp.request(requestLine, all));
	}

	static void assertProblem(RawHttp.Response response, int status, String title) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		JsonNode body = json(response);
		assertThat(body.path("status").asInt()).isEqualTo(status);
		assertThat(body.path("title").asString()).isEqualTo(title);
		assertThat(body.path("type").asString()).isEqualTo("about:blank");
		assertThat(response.body()).doesNotContain("Tomcat", "Exception", "timestamp");
	}

	static JsonNode json(RawHttp.Response response) {
		return JsonMapper.builder().build().readTree(response.body());
	}

}
