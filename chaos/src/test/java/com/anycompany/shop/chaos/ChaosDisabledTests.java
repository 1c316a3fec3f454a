package com.anycompany.shop.chaos;

import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class ChaosDisabledTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ChaosAutoConfiguration.class, EndpointAutoConfiguration.class));

	@Test
	void nothingExistsUnlessSwitchedOn() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(ChaosSettings.class)
			.doesNotHaveBean(ChaosEndpoint.class)
			.doesNotHaveBean(DynamoDbThrottlingInterceptor.class)
			.doesNotHaveBean("chaosFilter"));
	}

	@Test
	void switchedOnEverythingStartsOff() {
		this.runner.withPropertyValues("shop.chaos.enabled=true").run((context) -> {
			ChaosSettings settings = context.getBean(ChaosSettings.class);
			assertThat(settings.latencyMs()).isZero();
			assertThat(settings.errorRate()).isZero();
			assertThat(settings.throttleRate()).isZero();
			assertThat(context).hasSingleBean(DynamoDbThrottlingInterceptor.class).hasBean("chaosFilter");
		});
	}

}
