package com.anycompany.shop.tracing;

import java.net.http.HttpClient;

import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * Builds the {@link RestClient} a service uses to call another one: base URL, connect and
 * read timeouts, and (while tracing is on) a subsegment per call named after the callee.
 */
public class RemoteServiceClients {

	private final RestClient.Builder template;

	private final ShopClientProperties properties;

	private final RemoteCallTracing tracing;

	/**
	 * @param template Spring Boot's builder (message converters configured)
	 * @param tracing null when tracing is switched off
	 */
	public RemoteServiceClients(RestClient.Builder template, ShopClientProperties properties,
			RemoteCallTracing tracing) {
		this.template = template;
		this.properties = properties;
		this.tracing = tracing;
	}

	/**
	 * A builder for calls to one service, ready to {@code build()} or to customize
	 * further.
	 * @param serviceName the callee's name as it appears on the service map
	 * @param baseUrl where it listens, e.g. {@code http://localhost:8081}
	 */
	public RestClient.Builder builder(String serviceName, String baseUrl) {
		HttpClient httpClient = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(this.properties.getConnectTimeout())
			.build();
		JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(httpClient);
		requestFactory.setReadTimeout(this.properties.getReadTimeout());
		RestClient.Builder builder = this.template.clone().baseUrl(baseUrl).requestFactory(requestFactory);
		if (this.tracing != null) {
			builder
				.requestInterceptors((interceptors) -> interceptors.add(0, this.tracing.interceptorFor(serviceName)));
		}
		return builder;
	}

}
