package com.anycompany.shop.chaos;

import java.util.Map;

import org.apache.commons.logging.Log;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Services expose only their health endpoint; with chaos switched on (and given its
 * token, see {@link ChaosSwitch}), the chaos endpoint is added to that list so that no
 * service has to name it in its own configuration.
 */
class ChaosEndpointExposure implements EnvironmentPostProcessor {

	private static final String INCLUDE = "management.endpoints.web.exposure.include";

	private final Log logger;

	ChaosEndpointExposure(DeferredLogFactory logFactory) {
		this.logger = logFactory.getLog(ChaosEndpointExposure.class);
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!ChaosSwitch.isOn(environment)) {
			if (ChaosSwitch.isEnabled(environment)) {
				this.logger.warn("Chaos is switched on (shop.chaos.enabled) but has no token (shop.chaos.token, "
						+ "SHOP_CHAOS_TOKEN): it stays off");
			}
			return;
		}
		String include = environment.getProperty(INCLUDE, "health");
		if (!include.contains("chaos") && !include.equals("*")) {
			environment.getPropertySources()
				.addFirst(new MapPropertySource("shopChaosExposure", Map.of(INCLUDE, include + ",chaos")));
		}
	}

}
