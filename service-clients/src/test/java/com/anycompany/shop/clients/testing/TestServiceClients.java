package com.anycompany.shop.clients.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.anycompany.shop.clients.ServiceClientsAutoConfiguration;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.service.HttpServiceClientPropertiesAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientObservationAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.service.HttpServiceClientAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * For client tests: a service's HTTP service groups as the service has them (Boot's HTTP
 * client auto-configuration and the shop's {@link ServiceClientsAutoConfiguration}), in a
 * small context of their own. Close it after each test.
 *
 * <pre>
 * &#64;ImportHttpServices(group = "catalogservice", types = CatalogClient.class)
 * static class Groups {
 * }
 *
 * CatalogClient client = clients.client(CatalogClient.class, "catalogservice", url);
 * </pre>
 */
public final class TestServiceClients implements AutoCloseable {

	private final Class<?> groups;

	private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

	/**
	 * @param groups a class annotated with the service's {@code @ImportHttpServices}
	 */
	public TestServiceClients(Class<?> groups) {
		this.groups = groups;
	}

	/**
	 * A client whose group calls {@code url}, with timeouts of its own (connect 2 s, read
	 * 5 s: generous, the build machine is shared) unless {@code properties} set others.
	 */
	public <T> T client(Class<T> type, String group, String url, String... properties) {
		return start(group, url, properties).getBean(type);
	}

	/** A context whose group {@code group} calls {@code url}. */
	public ConfigurableApplicationContext start(String group, String url, String... properties) {
		String prefix = "spring.http.serviceclient." + group + ".";
		Map<String, String> all = new LinkedHashMap<>(
				Map.of(prefix + "base-url", url, prefix + "connect-timeout", "2s", prefix + "read-timeout", "5s"));
		for (String property : properties) {
			int equals = property.indexOf('=');
			all.put(property.substring(0, equals), property.substring(equals + 1));
		}
		return context(
				all.entrySet().stream().map((entry) -> entry.getKey() + "=" + entry.getValue()).toArray(String[]::new));
	}

	/**
	 * A context with these properties, given as command-line arguments so that they win
	 * over the service's own {@code application.yml}, which applies as in the service.
	 */
	public ConfigurableApplicationContext context(String... properties) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(this.groups, Infrastructure.class)
			.web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.run(Stream.of(properties).map((property) -> "--" + property).toArray(String[]::new));
		this.contexts.add(context);
		return context;
	}

	@Override
	public void close() {
		this.contexts.forEach(ConfigurableApplicationContext::close);
		this.contexts.clear();
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ JacksonAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
			HttpClientAutoConfiguration.class, ImperativeHttpClientAutoConfiguration.class,
			HttpServiceClientPropertiesAutoConfiguration.class, RestClientAutoConfiguration.class,
			HttpServiceClientAutoConfiguration.class, RestClientObservationAutoConfiguration.class,
			ServiceClientsAutoConfiguration.class })
	static class Infrastructure {

	}

}
