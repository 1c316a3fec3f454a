package com.anycompany.shop.testsupport;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class StubServersTests {

	@RegisterExtension
	static WireMockExtension stub = StubServers.extension();

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void listensOnLoopbackOnly() throws Exception {
		assertThat(StubServers.url(stub)).isEqualTo("http://127.0.0.1:" + stub.getPort());
		InetAddress other = nonLoopbackAddress();
		if (other != null) {
			assertThatExceptionOfType(IOException.class).isThrownBy(() -> new Socket(other, stub.getPort()).close());
		}
	}

	@Test
	void wireMockListsRequestsInArrivalOrderWithTheirHeaders() throws Exception {
		stub.stubFor(get("/a").willReturn(okJson("{}")));
		send("/a", "Root=1-abc;Sampled=1");
		send("/b?x=1", null);
		send("/c", null);

		assertThat(stub.findAll(anyRequestedFor(anyUrl()))).extracting(LoggedRequest::getUrl)
			.containsExactly("/a", "/b?x=1", "/c");
		assertThat(stub.findAll(anyRequestedFor(anyUrl())).get(0).getHeader("X-Amzn-Trace-Id"))
			.isEqualTo("Root=1-abc;Sampled=1");
	}

	@Test
	void refusingUrlRefuses() {
		assertThatExceptionOfType(ConnectException.class).isThrownBy(
				() -> this.http.send(HttpRequest.newBuilder(URI.create(StubServers.refusingUrl() + "/")).build(),
						HttpResponse.BodyHandlers.discarding()));
	}

	private void send(String pathAndQuery, String traceHeader) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(StubServers.url(stub) + pathAndQuery));
		if (traceHeader != null) {
			request.header("X-Amzn-Trace-Id", traceHeader);
		}
		this.http.send(request.build(), HttpResponse.BodyHandlers.discarding());
	}

	/** An address of this machine off loopback, or null when it has none. */
	private static InetAddress nonLoopbackAddress() throws Exception {
		return java.net.NetworkInterface.networkInterfaces()
			.filter((nic) -> !isLoopback(nic))
			.flatMap(java.net.NetworkInterface::inetAddresses)
			.filter((address) -> address instanceof java.net.Inet4Address)
			.findFirst()
			.orElse(null);
	}

	private static boolean isLoopback(java.net.NetworkInterface nic) {
		try {
			return nic.isLoopback() || !nic.isUp();
		}
		catch (java.net.SocketException ex) {
			return true;
		}
	}

}
