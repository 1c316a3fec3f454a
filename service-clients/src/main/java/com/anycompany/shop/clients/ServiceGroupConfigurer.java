package com.anycompany.shop.clients;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import com.anycompany.shop.clients.problem.DownstreamRejectedException;
import com.anycompany.shop.clients.problem.DownstreamUnavailableException;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;

import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.autoconfigure.HttpClientProperties;
import org.springframework.boot.http.client.autoconfigure.service.HttpServiceClientProperties;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.support.RestClientHttpServiceGroupConfigurer;
import org.springframework.web.service.registry.HttpServiceGroup;

/**
 * The shop's rules for every HTTP service group, i.e. for every callee (the group's name
 * is the callee's name on the service map). Boot has already given each group its base
 * URL and timeouts ({@code spring.http.serviceclient.<callee>.*}) and the
 * {@code RestClientCustomizer}s (message converters, observation); this adds, once for
 * all callees:
 * <ul>
 * <li>the budget header {@link RequestDeadline#HEADER}: the group's read timeout, or less
 * when the request being served has less left;</li>
 * <li>one status mapping: no answer (refused, timed out), a 5xx or an unreadable answer →
 * {@link DownstreamUnavailableException} naming the callee; a 4xx →
 * {@link DownstreamRejectedException} with the callee's status and problem, or
 * {@code Optional.empty()} for a 404 where the interface method returns an
 * {@code Optional}.</li>
 * </ul>
 */
public class ServiceGroupConfigurer implements RestClientHttpServiceGroupConfigurer {

	/** After Boot's own configurers (properties, then customizers at 0). */
	public static final int ORDER = 100;

	private final HttpServiceClientProperties groups;

	private final HttpClientSettings defaults;

	/**
	 * @param groups Boot's {@code spring.http.serviceclient.*}, or null
	 * @param defaults Boot's {@code spring.http.clients.*}, or null
	 */
	public ServiceGroupConfigurer(HttpServiceClientProperties groups, HttpClientSettings defaults) {
		this.groups = groups;
		this.defaults = defaults;
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public void configureGroups(Groups<RestClient.Builder> groups) {
		groups.forEachGroup((group, client, proxies) -> {
			String callee = group.name();
			client.requestInterceptor(budgetAndNoAnswer(callee, readTimeout(group)))
				.defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
					throw ServiceResponses.failure(callee, response);
				});
			// first, so it sees what the client's own interceptor throws
			proxies.proxyFactoryCustomizer((factory, type) -> factory.addAdvice(0, new Outcomes(callee)));
		});
	}

	/** The group's read timeout, else the one of all clients; null when none is set. */
	Duration readTimeout(HttpServiceGroup group) {
		HttpClientProperties properties = (this.groups != null) ? this.groups.get(group.name()) : null;
		if (properties != null && properties.getReadTimeout() != null) {
			return properties.getReadTimeout();
		}
		return (this.defaults != null) ? this.defaults.readTimeout() : null;
	}

	/**
	 * Tells the callee how long it is waited for, and turns "no answer" into the shop's
	 * own exception (inside the tracing interceptor, when there is one, which records it
	 * as a fault).
	 */
	private static ClientHttpRequestInterceptor budgetAndNoAnswer(String callee, Duration readTimeout) {
		return (request, body, execution) -> {
			Optional<Long> budget = (readTimeout != null) ? Optional.of(RequestDeadline.budgetMillis(readTimeout))
					: RequestDeadline.remaining().map(Duration::toMillis);
			budget.ifPresent((millis) -> request.getHeaders().set(RequestDeadline.HEADER, Long.toString(millis)));
			try {
				return execution.execute(request, body);
			}
			catch (IOException ex) {
				throw new DownstreamUnavailableException(callee, "no answer: " + ex.getClass().getSimpleName(), ex);
			}
		};
	}

	/**
	 * Around every method of the group's interfaces: what the status handler cannot
	 * decide, because it depends on the method (a 404 is an empty {@code Optional}) or
	 * happens after it (a body that cannot be read).
	 */
	private record Outcomes(String callee) implements MethodInterceptor {

		@Override
		public Object invoke(MethodInvocation invocation) throws Throwable {
			try {
				return invocation.proceed();
			}
			catch (DownstreamRejectedException ex) {
				if (ex.isNotFound() && invocation.getMethod().getReturnType() == Optional.class) {
					return Optional.empty();
				}
				throw ex;
			}
			catch (RestClientException ex) {
				throw new DownstreamUnavailableException(this.callee, "unreadable answer", ex);
			}
		}

	}

}
