package com.anycompany.shop.chaos;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.lang.Nullable;

/**
 * {@code /actuator/chaos}: read ({@code GET}), change ({@code POST} with any of
 * latencyMs, errorRate, throttleRate) and reset ({@code DELETE}) the faults this service
 * injects.
 */
@Endpoint(id = "chaos")
public class ChaosEndpoint {

	private final ChaosSettings settings;

	public ChaosEndpoint(ChaosSettings settings) {
		this.settings = settings;
	}

	@ReadOperation
	public Map<String, Object> settings() {
		Map<String, Object> current = new LinkedHashMap<>();
		current.put("latencyMs", this.settings.latencyMs());
		current.put("errorRate", this.settings.errorRate());
		current.put("throttleRate", this.settings.throttleRate());
		return current;
	}

	@WriteOperation
	public Map<String, Object> change(@Nullable Long latencyMs, @Nullable Double errorRate,
			@Nullable Double throttleRate) {
		try {
			this.settings.update(latencyMs, errorRate, throttleRate);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidEndpointRequestException(ex.getMessage(), ex.getMessage());
		}
		return settings();
	}

	@DeleteOperation
	public Map<String, Object> reset() {
		this.settings.reset();
		return settings();
	}

}
