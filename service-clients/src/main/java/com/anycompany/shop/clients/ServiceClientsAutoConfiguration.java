package com.anycompany.shop.clients;

import java.net.http.HttpClient;
import java.util.List;

import com.anycompany.shop.clients.aws.AwsClientProperties;
import com.anycompany.shop.clients.aws.AwsClients;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.apache.ApacheHttpClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.JdkClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.autoconfigure.ClientHttpRequestFactoryBuilderCustomizer;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.service.HttpServiceClientProperties;
import org.springframework.boot.http.client.autoconfigure.service.HttpServiceClientPropertiesAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.client.support.RestClientHttpServiceGroupConfigurer;

/**
 * How a shop service calls others: the shop's rules for its HTTP service groups (declared
 * by the service with {@code @ImportHttpServices(group = "<callee>", ...)}), the budget
 * filter for the calls it receives, and the setup of its AWS SDK clients.
 */
@AutoConfiguration(after = { HttpClientAutoConfiguration.class, HttpServiceClientPropertiesAutoConfiguration.class })
@EnableConfigurationProperties(AwsClientProperties.class)
public class ServiceClientsAutoConfiguration {

	/**
	 * Where the tracing filter orders itself (first): the budget filter runs right after
	 * it.
	 */
	private static final int AFTER_TRACING = Ordered.HIGHEST_PRECEDENCE + 1;

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(RestClientHttpServiceGroupConfigurer.class)
	static class ServiceGroupsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ServiceGroupConfigurer shopServiceGroupConfigurer(ObjectProvider<HttpServiceClientProperties> groups,
				ObjectProvider<HttpClientSettings> defaults) {
			return new ServiceGroupConfigurer(groups.getIfAvailable(), defaults.getIfAvailable());
		}

		/**
		 * HTTP/1.1 to the other services: the JDK client's default (HTTP/2) first asks
		 * each plain-HTTP callee to upgrade, which none of them does.
		 */
		@Bean
		ClientHttpRequestFactoryBuilderCustomizer<JdkClientHttpRequestFactoryBuilder> http11RequestFactory() {
			return (builder) -> builder
				.withHttpClientCustomizer((client) -> client.version(HttpClient.Version.HTTP_1_1));
		}

	}

	/** Reads the caller's budget of every request (after the tracing filter). */
	@Bean
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnMissingBean(name = "requestDeadlineFilter")
	FilterRegistrationBean<RequestDeadline> requestDeadlineFilter() {
		FilterRegistrationBean<RequestDeadline> registration = new FilterRegistrationBean<>(new RequestDeadline());
		registration.setName("requestDeadlineFilter");
		registration.setOrder(AFTER_TRACING);
		return registration;
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ AwsClientBuilder.class, ApacheHttpClient.class })
	static class AwsClientsConfiguration {

		/** Every {@link ExecutionInterceptor} bean goes on every client, in order. */
		@Bean
		@ConditionalOnMissingBean
		AwsClients awsClients(AwsClientProperties properties, ObjectProvider<ExecutionInterceptor> interceptors) {
			List<ExecutionInterceptor> all = interceptors.orderedStream().toList();
			return new AwsClients(properties, all);
		}

	}

}
