package com.anycompany.shop.tracing.otel;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The Boot-OpenTelemetry tracer's own settings. The rest is shared with the X-Ray SDK
 * ({@code shop.tracing.*}: daemon address, centralized sampling, excluded paths) or is
 * Spring Boot's ({@code management.opentelemetry.tracing.export.otlp.endpoint} and the
 * other {@code management.*} properties).
 */
@ConfigurationProperties("shop.tracing.opentelemetry")
public class BootOpenTelemetryProperties {

	/**
	 * Trace with Spring Boot's own OpenTelemetry support instead of the X-Ray SDK (which
	 * must then be off: shop.tracing.enabled=false).
	 */
	private boolean enabled;

	/**
	 * How often the X-Ray sampling rules are fetched from the daemon's sampling proxy
	 * (the targets come as often as X-Ray asks, every 10 s by default). The X-Ray SDK
	 * fetches them every 5 minutes.
	 */
	private Duration rulesPollingInterval = Duration.ofMinutes(5);

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Duration getRulesPollingInterval() {
		return this.rulesPollingInterval;
	}

	public void setRulesPollingInterval(Duration rulesPollingInterval) {
		this.rulesPollingInterval = rulesPollingInterval;
	}

}
