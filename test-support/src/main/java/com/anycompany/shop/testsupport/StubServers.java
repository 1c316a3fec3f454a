package com.anycompany.shop.testsupport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

/**
 * WireMock servers standing in for other services, the way every test of the shop uses
 * them: on a free port of the loopback interface only, never on every interface
 * (WireMock's default).
 * <p>
 * WireMock is an optional dependency of this module: a module that stubs services with it
 * declares {@code org.wiremock:wiremock-standalone} in test scope itself.
 */
public final class StubServers {

	private StubServers() {
	}

	/** WireMock's options for a server on a free loopback port. */
	public static WireMockConfiguration loopback() {
		return WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort();
	}

	/**
	 * A server for a {@code @RegisterExtension} field: started before the tests (before
	 * all of them when the field is static), its stubs and its request log reset before
	 * each test.
	 */
	public static WireMockExtension extension() {
		return WireMockExtension.newInstance().options(loopback()).build();
	}

	/**
	 * The server's base URL by address, {@code http://127.0.0.1:<port>}: WireMock's own
	 * says {@code localhost}, which may resolve to {@code ::1}, where it does not listen.
	 */
	public static String url(WireMockExtension server) {
		return "http://127.0.0.1:" + server.getPort();
	}

	/** A loopback URL nobody listens on: connections are refused. */
	public static String refusingUrl() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return "http://127.0.0.1:" + socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot open a loopback port", ex);
		}
	}

}
