package com.anycompany.shop.chaos;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Fault injection for demos and failure drills: present only with
 * {@code shop.chaos.enabled=true} (environment SHOP_CHAOS_ENABLED) and a secret in
 * {@code shop.chaos.token} (SHOP_CHAOS_TOKEN), which the local launcher sets (a new
 * random token per run) and the Kubernetes manifests do not (see {@link ChaosSwitch}).
 * Everything starts switched off; {@code /actuator/chaos}, called with the token in
 * {@value ChaosTokenFilter#HEADER}, turns faults on.
 */
@AutoConfiguration
@Conditional(ChaosSwitch.class)
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

	@Bean
	public FilterRegistrationBean<ChaosTokenFilter> chaosTokenFilter(Environment environment,
			ObjectProvider<WebEndpointProperties> webEndpoints) {
		FilterRegistrationBean<ChaosTokenFilter> registration = new FilterRegistrationBean<>(
				new ChaosTokenFilter(environment.getRequiredProperty(ChaosSwitch.TOKEN)));
		WebEndpointProperties endpoints = webEndpoints.getIfAvailable(WebEndpointProperties::new);
		String path = endpoints.getBasePath() + "/" + endpoints.getPathMapping().getOrDefault("chaos", "chaos");
		registration.addUrlPatterns(path, path + "/*");
		// before anything else reads the request, tracing included: a refused call is not
		// the service's traffic
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(DynamoDbClient.class)
	static class DynamoDbChaosConfiguration {

		/**
		 * Picked up, like every ExecutionInterceptor bean, by service-clients'
		 * AwsClients.
		 */
		@Bean
		DynamoDbThrottlingInterceptor dynamoDbThrottlingInterceptor(ChaosSettings settings) {
			return new DynamoDbThrottlingInterceptor(settings);
		}

	}

}
