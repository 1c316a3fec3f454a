package com.anycompany.shop.frontend.stub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import com.anycompany.shop.tracing.RemoteServiceClients;
import com.anycompany.shop.tracing.ShopClientProperties;

import org.springframework.web.client.RestClient;

/**
 * What the client tests build their clients with.
 */
public final class TestClients {

	private TestClients() {
	}

	/**
	 * The tracing module's client factory with tracing off and short timeouts, every
	 * service the storefront calls reached at {@code url}.
	 */
	public static RemoteServiceClients untraced(String url) {
		ShopClientProperties properties = new ShopClientProperties();
		properties.setConnectTimeout(Duration.ofMillis(500));
		properties.setReadTimeout(Duration.ofSeconds(2));
		for (String name : List.of("catalogservice", "cartservice", "orderservice", "recommenderservice",
				"imageservice")) {
			ShopClientProperties.Service service = new ShopClientProperties.Service();
			service.setBaseUrl(url);
			properties.getServices().put(name, service);
		}
		return new RemoteServiceClients(RestClient.builder(), properties, null);
	}

	/** A loopback address where nothing listens: connections are refused. */
	public static String refusedUrl() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return "http://127.0.0.1:" + socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
