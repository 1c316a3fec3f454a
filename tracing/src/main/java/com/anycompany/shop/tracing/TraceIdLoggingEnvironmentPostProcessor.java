package com.anycompany.shop.tracing;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import com.anycompany.shop.tracing.context.TraceIdMdcListener;

/**
 * Puts the X-Ray trace id into Spring Boot's log pattern (the correlation part), so each
 * log line written while serving a traced request names its trace. A service's own
 * {@code logging.pattern.correlation} wins.
 */
class TraceIdLoggingEnvironmentPostProcessor implements EnvironmentPostProcessor {

	// "[trace@entity] " while a request is traced, nothing otherwise
	static final String PATTERN = "%replace([%X{" + TraceIdMdcListener.MDC_KEY + ":-}] ){'^\\[\\] $', ''}";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!environment.getProperty("shop.tracing.enabled", Boolean.class, true)) {
			return;
		}
		environment.getPropertySources()
			.addLast(new MapPropertySource("shopTracingLogging", Map.of("logging.pattern.correlation", PATTERN)));
	}

}
