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
	void switchedOnWithoutATokenNothingExists() {
		for (String token : new String[] { "", " " }) {
			this.runner.withPropertyValues("shop.chaos.enabled=true", "shop.chaos.token=" + token)
				.run((context) -> assertThat(context).doesNotHaveBean(ChaosSettings.class)
					.doesNotHaveBean(ChaosEndpoint.class)
					.doesNotHaveBean("chaosFilter")
					.doesNotHaveBean("chaosTokenFilter"));
		}
		this.runner.withPropertyValues("shop.chaos.enabled=true")
			.run((context) -> assertThat(context).doesNotHaveBean(ChaosSettings.class));
	}

	@Test
	void aTokenAloneSwitchesNothingOn() {
		this.runner.withPropertyValues("shop.chaos.token=t")
			.run((context) -> assertThat(context).doesNotHaveBean(ChaosSettings.class));
	}

	@Test
	void switchedOnEverythingStartsOff() {
		this.runner.withPropertyValues("shop.chaos.enabled=true", "shop.chaos.token=t").run((context) -> {
			ChaosSettings settings = context.getBean(ChaosSettings.class);
			assertThat(settings.latencyMs()).isZero();
			assertThat(settings.errorRate()).isZero();
			assertThat(settings.throttleRate()).isZero();
			assertThat(context).hasSingleBean(DynamoDbThrottlingInterceptor.class)
				.hasBean("chaosFilter")
				.hasBean("chaosTokenFilter");
		});
	}

}
