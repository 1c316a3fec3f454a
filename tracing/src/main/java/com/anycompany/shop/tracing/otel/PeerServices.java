package com.anycompany.shop.tracing.otel;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * The callee's name on the service map for an outgoing call's host and port, as the
 * OpenTelemetry agent's peer-service mapping gives it: read from the base URLs the
 * service's HTTP service groups are configured with
 * ({@code spring.http.serviceclient.<name>.base-url}). In Kubernetes the host already is
 * the name; locally everything is {@code 127.0.0.1} and only the port tells the callees
 * apart.
 */
final class PeerServices {

	private static final String PREFIX = "spring.http.serviceclient";

	private final Map<String, String> byAuthority;

	PeerServices(Map<String, String> byAuthority) {
		this.byAuthority = Map.copyOf(byAuthority);
	}

	static PeerServices from(Environment environment) {
		Binder binder = Binder.get(environment);
		Map<String, String> byAuthority = new LinkedHashMap<>();
		binder.bind(PREFIX, Bindable.mapOf(String.class, Client.class)).ifBound((clients) -> {
			clients.forEach((name, client) -> {
				String authority = authority(client.getBaseUrl());
				if (authority != null) {
					byAuthority.putIfAbsent(authority, name);
				}
			});
		});
		return new PeerServices(byAuthority);
	}

	/** The callee's name, or null when no client is configured for that address. */
	String nameOf(URI uri) {
		return (uri != null) ? this.byAuthority.get(authority(uri)) : null;
	}

	private static String authority(String baseUrl) {
		if (!StringUtils.hasText(baseUrl)) {
			return null;
		}
		try {
			return authority(URI.create(baseUrl.strip()));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/** Host and port, the port made explicit: {@code http://catalogservice} is :80. */
	private static String authority(URI uri) {
		if (uri.getHost() == null) {
			return null;
		}
		int port = uri.getPort();
		if (port < 0) {
			port = "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
		}
		return uri.getHost().toLowerCase(java.util.Locale.ROOT) + ":" + port;
	}

	/** The one field of a client's configuration read here. */
	public static class Client {

		private String baseUrl;

		public String getBaseUrl() {
			return this.baseUrl;
		}

		public void setBaseUrl(String baseUrl) {
			this.baseUrl = baseUrl;
		}

	}

}
