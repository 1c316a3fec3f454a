package com.anycompany.shop.chaos;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Services expose only their health endpoint; with chaos switched on, the chaos endpoint
 * is added to that list so that no service has to name it in its own configuration.
 */
class ChaosEndpointExposure implements EnvironmentPostProcessor {

	private static final String INCLUDE = "management.endpoints.web.exposure.include";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!environment.getProperty("shop.chaos.enabled", Boolean.class, false)) {
			return;
		}
		String include = environment.getProperty(INCLUDE, "health");
		if (!include.contains("chaos") && !include.equals("*")) {
			environment.getPropertySources()
				.addFirst(new MapPropertySource("shopChaosExposure", Map.of(INCLUDE, include + ",chaos")));
		}
	}

}
