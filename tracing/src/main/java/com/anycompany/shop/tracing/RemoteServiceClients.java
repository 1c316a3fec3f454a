package com.anycompany.shop.tracing;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

/**
 * The one way a service calls another: an {@code @HttpExchange} interface per callee,
 * made by {@link #service(Class, String)} from the callee's entry in
 * {@code shop.clients.services}. Every call gets, once for all services:
 * <ul>
 * <li>connect and read timeouts, and the budget header
 * {@link RequestDeadline#HEADER};</li>
 * <li>while tracing is on, a {@code remote} subsegment named after the callee;</li>
 * <li>one status mapping: a refused connection, a timeout, a 5xx or an unreadable answer
 * → {@link DownstreamUnavailableException}; a 4xx → {@link DownstreamRejectedException},
 * or {@code Optional.empty()} for a 404 where the method returns an
 * {@code Optional}.</li>
 * </ul>
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
	 * A client for the callee's {@code @HttpExchange} interface.
	 * @param serviceName the callee's name on the service map, also its key in
	 * {@code shop.clients.services}
	 */
	public <S> S service(Class<S> api, String serviceName) {
		RestClient rest = builder(serviceName).build();
		S target = HttpServiceProxyFactory.builderFor(RestClientAdapter.create(rest)).build().createClient(api);
		// the interface may be package-private in the service that declares it: make its
		// methods callable once, here, not on every call
		Map<Method, Method> callable = new HashMap<>();
		for (Method method : api.getMethods()) {
			method.setAccessible(true);
			callable.put(method, method);
		}
		InvocationHandler handler = (proxy, method, args) -> {
			try {
				return callable.getOrDefault(method, method).invoke(target, args);
			}
			catch (InvocationTargetException ex) {
				Throwable failure = ex.getCause();
				if (failure instanceof DownstreamRejectedException rejected && rejected.isNotFound()
						&& method.getReturnType() == Optional.class) {
					return Optional.empty();
				}
				if (failure instanceof RestClientException unreadable) {
					throw new DownstreamUnavailableException(serviceName, "unreadable answer", unreadable);
				}
				throw failure;
			}
		};
		return api.cast(Proxy.newProxyInstance(api.getClassLoader(), new Class<?>[] { api }, handler));
	}

	/**
	 * A {@link RestClient} builder for calls the interface cannot express (a body
	 * streamed through as it arrives), with the same timeouts, tracing and status
	 * mapping.
	 */
	public RestClient.Builder builder(String serviceName) {
		ShopClientProperties.Service service = this.properties.getServices().get(serviceName);
		Assert.state(service != null && StringUtils.hasText(service.getBaseUrl()),
				() -> "No base URL for " + serviceName + ": set shop.clients.services." + serviceName + ".base-url");
		Duration readTimeout = (service.getReadTimeout() != null) ? service.getReadTimeout()
				: this.properties.getReadTimeout();
		HttpClient httpClient = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(this.properties.getConnectTimeout())
			.build();
		JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(httpClient);
		requestFactory.setReadTimeout(readTimeout);
		return this.template.clone()
			.baseUrl(service.getBaseUrl())
			.requestFactory(requestFactory)
			.requestInterceptors((interceptors) -> {
				if (this.tracing != null) {
					interceptors.add(0, this.tracing.interceptorFor(serviceName));
				}
				interceptors.add(budgetAndNoAnswer(serviceName, readTimeout));
			})
			.defaultStatusHandler((status) -> status.isError(), (request, response) -> {
				throw ServiceResponses.failure(serviceName, request, response);
			});
	}

	/**
	 * Tells the callee how long it is waited for, and turns "no answer" into the shop's
	 * own exception (inside the tracing interceptor, which records it as a fault).
	 */
	private static ClientHttpRequestInterceptor budgetAndNoAnswer(String serviceName, Duration readTimeout) {
		return (request, body, execution) -> {
			request.getHeaders().set(RequestDeadline.HEADER, Long.toString(RequestDeadline.budgetMillis(readTimeout)));
			try {
				return execution.execute(request, body);
			}
			catch (java.io.IOException ex) {
				throw new DownstreamUnavailableException(serviceName, "no answer: " + ex.getClass().getSimpleName(),
						ex);
			}
		};
	}

}
