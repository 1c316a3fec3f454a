package com.anycompany.shop.tracing;

import java.util.List;

import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.apache.ApacheHttpClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/**
 * The client factories services build their downstream clients with. Present whether
 * tracing is on or off; while it is on they pick up the tracing pieces of
 * {@link XRayTracingAutoConfiguration}.
 */
@AutoConfiguration(after = { XRayTracingAutoConfiguration.class, RestClientAutoConfiguration.class })
@EnableConfigurationProperties(ShopClientProperties.class)
public class ShopClientsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	public TraceAnnotations traceAnnotations() {
		return TraceAnnotations.disabled();
	}

	@Bean
	@ConditionalOnMissingBean
	public BackgroundWork backgroundWork() {
		return BackgroundWork.untraced();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(RestClient.class)
	static class RemoteServiceClientsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		public RemoteServiceClients remoteServiceClients(ObjectProvider<RestClient.Builder> restClientBuilder,
				ShopClientProperties properties, ObjectProvider<RemoteCallTracing> tracing) {
			return new RemoteServiceClients(restClientBuilder.getIfAvailable(RestClient::builder), properties,
					tracing.getIfAvailable());
		}

	}

	/** Reads the caller's budget of every request (after the tracing filter). */
	@Bean
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnMissingBean(name = "requestDeadlineFilter")
	public FilterRegistrationBean<RequestDeadline> requestDeadlineFilter() {
		FilterRegistrationBean<RequestDeadline> registration = new FilterRegistrationBean<>(new RequestDeadline());
		registration.setName("requestDeadlineFilter");
		registration.setOrder(XRayTracingAutoConfiguration.FILTER_ORDER + 1);
		return registration;
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ AwsClientBuilder.class, ApacheHttpClient.class })
	static class AwsClientsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		public AwsClients awsClients(ShopClientProperties properties,
				ObjectProvider<ExecutionInterceptor> interceptors) {
			List<ExecutionInterceptor> all = interceptors.orderedStream().toList();
			return new AwsClients(properties.getAws(), all);
		}

	}

}
