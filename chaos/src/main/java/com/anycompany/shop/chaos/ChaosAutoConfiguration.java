package com.anycompany.shop.chaos;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Fault injection for demos and failure drills: present only with
 * {@code shop.chaos.enabled=true} (environment SHOP_CHAOS_ENABLED), which the local
 * launcher sets and the Kubernetes manifests do not. Everything starts switched off;
 * {@code /actuator/chaos} turns faults on.
 */
@AutoConfiguration
@ConditionalOnProperty(prefix = "shop.chaos", name = "enabled", havingValue = "true")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ChaosAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	public ChaosSettings chaosSettings() {
		return new ChaosSettings();
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnAvailableEndpoint
	public ChaosEndpoint chaosEndpoint(ChaosSettings settings) {
		return new ChaosEndpoint(settings);
	}

	@Bean
	public FilterRegistrationBean<ChaosFilter> chaosFilter(ChaosSettings settings) {
		FilterRegistrationBean<ChaosFilter> registration = new FilterRegistrationBean<>(new ChaosFilter(settings));
		// just inside the tracing filter (which is first), so injected faults are traced
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(DynamoDbClient.class)
	static class DynamoDbChaosConfiguration {

		/**
		 * Picked up, like every ExecutionInterceptor bean, by the tracing module's
		 * AwsClients.
		 */
		@Bean
		DynamoDbThrottlingInterceptor dynamoDbThrottlingInterceptor(ChaosSettings settings) {
			return new DynamoDbThrottlingInterceptor(settings);
		}

	}

}
