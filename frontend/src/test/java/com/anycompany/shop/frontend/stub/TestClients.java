package com.anycompany.shop.frontend.stub;

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

}
