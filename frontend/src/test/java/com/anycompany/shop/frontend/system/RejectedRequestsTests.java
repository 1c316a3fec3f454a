package com.anycompany.shop.frontend.system;

import java.io.IOException;

import com.anycompany.shop.testsupport.RawHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests that Tomcat rejects before the storefront sees them, and the ones that reach
 * only its error page, sent byte for byte over a socket: every answer is the shop's own
 * error page with the right status, never Tomcat's page or Spring Boot's error JSON.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "shop.tracing.enabled=false", "shop.endpoints.catalog=http://127.0.0.1:9",
				"shop.endpoints.cart=http://127.0.0.1:9", "shop.endpoints.order=http://127.0.0.1:9",
				"shop.endpoints.recommender=http://127.0.0.1:9", "shop.endpoints.image=http://127.0.0.1:9" })
class RejectedRequestsTests {

	@LocalServerPort
	int port;

	@Test
	void invalidUrisGetTheShopsPageWith400(CapturedOutput output) throws IOException {
		for (String target : new String[] { "/product/P%2F0001", "/product/P%000001", "/product\\P-0001",
				"/../etc/passwd" }) {
			assertShopPage(send("GET " + target + " HTTP/1.1"), 400, "Something in that request was not right");
		}
		RawHttp.Response response = send("GET /product/P%2F0001 HTTP/1.1");
		assertThat(response.header("Content-Security-Policy")).isEqualTo(SecurityConfiguration.CONTENT_SECURITY_POLICY);
		assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
		// rendered by the template, not by a fallback after a failure logged as ERROR
		assertThat(output.getAll()).doesNotContain("Exception processing template");
	}

	@Test
	void aUriTooLongIs414AndHeadersTooLargeAre431() throws IOException {
		assertShopPage(send("GET /products?category=" + "a".repeat(9000) + " HTTP/1.1"), 414,
				"That address is too long");
		assertShopPage(send("GET / HTTP/1.1", "Cookie: x=" + "a".repeat(100_000)), 431,
				"Clearing this site&#39;s cookies may help");
	}

	@Test
	void traceIs405OnTheShopsPageWhateverTheClientAccepts() throws IOException {
		assertShopPage(send("TRACE / HTTP/1.1"), 405, "That page cannot be used this way");
		assertShopPage(send("TRACE / HTTP/1.1", "Accept: application/json"), 405, "That page cannot be used this way");
	}

	@Test
	void aBadlyEncodedParameterIs400() throws IOException {
		assertShopPage(send("GET /products?category=%zz HTTP/1.1"), 400, "Something in that request was not right");
	}

	@Test
	void aBodyOverTheLimitIs413() throws IOException {
		assertShopPage(send("POST /cart HTTP/1.1", "Content-Type: application/x-www-form-urlencoded",
				"Content-Length: 200000"), 413, "more than our shop takes at once");
	}

	private RawHttp.Response send(String requestLine, String... headers) throws IOException {
		String[] all = new String[headers.length + 1];
		all[0] = "Host: 127.0.0.1";
		System.arraycopy(headers, 0, all, 1, headers.length);
		return RawHttp.exchange("127.0.0.1", this.port, RawHttp.request(requestLine, all));
	}

	static void assertShopPage(RawHttp.Response response, int status, String text) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.header("Content-Type")).startsWith("text/html");
		assertThat(response.body()).contains("data-test=\"error\"", "AnyCompany Shop", text)
			.contains("<div class=\"error-code\">" + status + "</div>")
			.doesNotContain("Tomcat", "We&#39;ll be right back", "Exception", "timestamp");
	}

}
