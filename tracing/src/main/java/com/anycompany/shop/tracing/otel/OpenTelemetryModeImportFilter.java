package com.anycompany.shop.tracing.otel;

import java.util.List;

import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Keeps Spring Boot's OpenTelemetry auto-configurations out unless this tracer is chosen.
 * <p>
 * Why a filter and not properties: in Boot 4.0 the OpenTelemetry tracer has no switch of
 * its own ({@code management.tracing.export.enabled=false} stops export and propagation,
 * yet every observed request still opens a span and makes it current). Under the
 * OpenTelemetry Java agent such an application span would become the agent's current
 * context (the agent bridges the application's context API), unsampled, and the agent's
 * own spans beneath it would be dropped; under the X-Ray SDK it is work for nothing. And
 * the OTLP metrics registry the starter brings pushes to {@code localhost:4318} every
 * minute by default. {@code spring.autoconfigure.exclude} would do the same, but a
 * service's own exclusions (the frontend has some) would replace it.
 */
public class OpenTelemetryModeImportFilter implements AutoConfigurationImportFilter, EnvironmentAware {

	/** The switch of this tracer. */
	public static final String ENABLED_PROPERTY = "shop.tracing.opentelemetry.enabled";

	/** What Boot's OpenTelemetry support auto-configures: the SDK, tracing, export. */
	static final List<String> FILTERED_PACKAGES = List.of("org.springframework.boot.opentelemetry.autoconfigure.",
			"org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.",
			"org.springframework.boot.micrometer.metrics.autoconfigure.export.otlp.");

	private Environment environment;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public boolean[] match(String[] autoConfigurationClasses, AutoConfigurationMetadata metadata) {
		boolean enabled = this.environment != null
				&& this.environment.getProperty(ENABLED_PROPERTY, Boolean.class, false);
		boolean[] matches = new boolean[autoConfigurationClasses.length];
		for (int i = 0; i < autoConfigurationClasses.length; i++) {
			matches[i] = enabled || !isBootOpenTelemetry(autoConfigurationClasses[i]);
		}
		return matches;
	}

	static boolean isBootOpenTelemetry(String autoConfigurationClass) {
		if (autoConfigurationClass == null) {
			return false;
		}
		for (String prefix : FILTERED_PACKAGES) {
			if (autoConfigurationClass.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

}
