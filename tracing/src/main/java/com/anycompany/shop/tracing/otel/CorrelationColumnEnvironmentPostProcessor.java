package com.anycompany.shop.tracing.otel;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Keeps the log lines as they were when neither the X-Ray SDK nor Boot's OpenTelemetry
 * traces (the OpenTelemetry agent, or no tracing): Micrometer Tracing on the classpath
 * makes Spring Boot reserve a correlation column in its log pattern, which only a
 * Micrometer tracer fills ({@code traceId}, {@code spanId}); without one every line would
 * carry an empty, padded {@code [ ]}. A service's own setting wins.
 */
class CorrelationColumnEnvironmentPostProcessor implements EnvironmentPostProcessor {

	static final String EXPECT_CORRELATION_ID = "logging.expect-correlation-id";

	/** Micrometer Tracing's property source that says a correlation id is expected. */
	private static final String BOOT_DEFAULT = "logCorrelation";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		boolean xray = environment.getProperty("shop.tracing.enabled", Boolean.class, true);
		boolean boot = environment.getProperty(OpenTelemetryModeImportFilter.ENABLED_PROPERTY, Boolean.class, false);
		if (xray || boot) {
			return;
		}
		MapPropertySource noColumn = new MapPropertySource("shopNoCorrelationColumn",
				Map.of(EXPECT_CORRELATION_ID, "false"));
		// ahead of Boot's own default (added last too, before or after this one runs)
		if (environment.getPropertySources().contains(BOOT_DEFAULT)) {
			environment.getPropertySources().addBefore(BOOT_DEFAULT, noColumn);
		}
		else {
			environment.getPropertySources().addLast(noColumn);
		}
	}

}
