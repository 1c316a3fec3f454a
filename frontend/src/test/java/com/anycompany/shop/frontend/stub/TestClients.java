package com.anycompany.shop.frontend.stub;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.anycompany.shop.clients.testing.TestServiceClients;
import com.anycompany.shop.frontend.cart.CartClient.CartApi;
import com.anycompany.shop.frontend.checkout.OrderClient.OrderApi;
import com.anycompany.shop.frontend.image.ImageClient.ImageApi;
import com.anycompany.shop.frontend.product.CatalogApi;
import com.anycompany.shop.frontend.product.RecommenderClient.RecommenderApi;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.service.registry.ImportHttpServices;

/**
 * What the client tests build their clients with: the storefront's HTTP service groups as
 * the storefront declares them, untraced, every one calling the same stub. One small
 * context per stub address, shared by the tests that use it.
 */
public final class TestClients {

	private static final List<String> GROUPS = List.of("catalogservice", "cartservice", "orderservice",
			"recommenderservice", "imageservice");

	private static final Map<String, ConfigurableApplicationContext> CONTEXTS = new ConcurrentHashMap<>();

	private TestClients() {
	}

	/** The API of one of the storefront's groups, calling {@code url}. */
	public static <T> T untraced(String url, Class<T> api) {
		return CONTEXTS.computeIfAbsent(url, TestClients::start).getBean(api);
	}

	private static ConfigurableApplicationContext start(String url) {
		List<String> properties = new ArrayList<>(
				List.of("spring.http.clients.connect-timeout=2s", "spring.http.clients.read-timeout=5s"));
		GROUPS.forEach((group) -> properties.add("spring.http.serviceclient." + group + ".base-url=" + url));
		return new TestServiceClients(Groups.class).context(properties.toArray(String[]::new));
	}

	@ImportHttpServices(group = "catalogservice", types = CatalogApi.class)
	@ImportHttpServices(group = "cartservice", types = CartApi.class)
	@ImportHttpServices(group = "orderservice", types = OrderApi.class)
	@ImportHttpServices(group = "recommenderservice", types = RecommenderApi.class)
	@ImportHttpServices(group = "imageservice", types = ImageApi.class)
	static class Groups {

	}

}
