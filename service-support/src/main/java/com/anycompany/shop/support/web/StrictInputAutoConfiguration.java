package com.anycompany.shop.support.web;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Strict input for every shop service: JSON values never coerced into another type
 * ({@link StrictJson}), request bodies limited in size ({@link RequestBodyLimitFilter},
 * {@code shop.web.max-request-body}), and problem details that name what was wrong
 * ({@link InputProblemsAdvice}) wherever the service answers problem details.
 */
@AutoConfiguration(before = JacksonAutoConfiguration.class, after = ProblemDetailsAutoConfiguration.class)
@EnableConfigurationProperties(ShopInputProperties.class)
public class StrictInputAutoConfiguration {

	@Bean
	@ConditionalOnClass(JsonMapper.class)
	@ConditionalOnMissingBean(StrictJson.class)
	StrictJson strictJson() {
		return new StrictJson();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	static class WebInput {

		@Bean
		@ConditionalOnMissingBean(name = "requestBodyLimitFilter")
		FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(ShopInputProperties properties) {
			FilterRegistrationBean<RequestBodyLimitFilter> registration = new FilterRegistrationBean<>(
					new RequestBodyLimitFilter(properties.getMaxRequestBody().toBytes()));
			// inside the tracing filter (first) and the chaos filter, so a rejection is
			// traced
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
			return registration;
		}

		@Bean
		@ConditionalOnBean(ResponseEntityExceptionHandler.class)
		@ConditionalOnMissingBean
		InputProblemsAdvice inputProblemsAdvice() {
			return new InputProblemsAdvice();
		}

	}

}
