package com.anycompany.shop.testsupport;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class StubHttpServerTests {

	private final StubHttpServer stub = new StubHttpServer();

	private final HttpClient http = HttpClient.newHttpClient();

	@AfterEach
	void close() {
		this.stub.close();
	}

	@Test
	void answersByMethodAndPathAndRecordsTheTraceHeader() throws Exception {
		this.stub.answer("GET", "/api/v1/product/P-0001", 200, "{\"id\":\"P-0001\"}");
		this.stub.answer("DELETE", "/api/v1/cart/c-1", 204, null);

		HttpResponse<String> product = send("GET", "/api/v1/product/P-0001", "Root=1-abc;Sampled=1");
		assertThat(product.statusCode()).isEqualTo(200);
		assertThat(product.body()).isEqualTo("{\"id\":\"P-0001\"}");
		assertThat(product.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(send("DELETE", "/api/v1/cart/c-1", null).statusCode()).isEqualTo(204);

		assertThat(this.stub.received()).containsExactly(
				new StubHttpServer.Received("GET", "/api/v1/product/P-0001", null, "Root=1-abc;Sampled=1"),
				new StubHttpServer.Received("DELETE", "/api/v1/cart/c-1", null, null));
		this.stub.clear();
		assertThat(this.stub.received()).isEmpty();
	}

	@Test
	void anAnswerForAQueryWinsOverThePathAlone() throws Exception {
		this.stub.answer("GET", "/products", 200, "[1,2]");
		this.stub.answer("GET", "/products?category=garden", 200, "[2]");

		assertThat(send("GET", "/products?category=garden", null).body()).isEqualTo("[2]");
		assertThat(send("GET", "/products?category=office", null).body()).isEqualTo("[1,2]");
		assertThat(this.stub.received()).extracting(StubHttpServer.Received::pathAndQuery)
			.containsExactly("/products?category=garden", "/products?category=office");
		assertThat(this.stub.received()).extracting(StubHttpServer.Received::request).containsOnly("GET /products");
	}

	@Test
	void unknownRequestIsA404Problem() throws Exception {
		HttpResponse<String> response = send("GET", "/nothing", null);
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).contains("GET /nothing");
	}

	@Test
	void refusingUrlRefuses() {
		assertThatExceptionOfType(ConnectException.class).isThrownBy(
				() -> this.http.send(HttpRequest.newBuilder(URI.create(StubHttpServer.refusingUrl() + "/")).build(),
						HttpResponse.BodyHandlers.discarding()));
	}

	private HttpResponse<String> send(String method, String pathAndQuery, String traceHeader)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.stub.url() + pathAndQuery))
			.method(method, HttpRequest.BodyPublishers.noBody());
		if (traceHeader != null) {
			request.header("X-Amzn-Trace-Id", traceHeader);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
