package com.anycompany.shop.tracing.otel;

import java.util.List;

import io.micrometer.tracing.Tracer;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Which tracer a service gets, as a whole Spring Boot application resolves its
 * auto-configurations (the import filter only runs there, not in an
 * {@code ApplicationContextRunner}): Boot's OpenTelemetry support neither traces nor
 * exports unless it is chosen, and never beside the X-Ray SDK.
 */
class OpenTelemetryModeTests {

	private static final String[] QUIET = { "shop.tracing.centralized-sampling=false", "spring.main.banner-mode=off",
			"shop.tracing.daemon-address=127.0.0.1:1" };

	@Test
	void withTheXRaySdkBootsOpenTelemetryIsAbsent() {
		try (ConfigurableApplicationContext context = run()) {
			assertOff(context);
			assertThat(context.getBeansOfType(ExecutionInterceptor.class).values())
				.noneMatch(OpenTelemetryModeTests::isOpenTelemetry);
		}
	}

	@Test
	void withTheAgentBootsOpenTelemetryIsAbsentToo() {
		try (ConfigurableApplicationContext context = run("shop.tracing.enabled=false")) {
			assertOff(context);
			assertThat(context.getBeansOfType(ExecutionInterceptor.class)).isEmpty();
			// no empty correlation column in the log lines: nothing would fill it
			assertThat(context.getEnvironment().getProperty("logging.expect-correlation-id")).isEqualTo("false");
		}
	}

	@Test
	void chosenItTracesWithXRayPropagationSamplingAndTheAwsSdkInstrumentation() {
		try (ConfigurableApplicationContext context = run("shop.tracing.enabled=false",
				"shop.tracing.opentelemetry.enabled=true")) {
			assertThat(context.getBean(Tracer.class)).isNotSameAs(Tracer.NOOP);
			assertThat(context.getEnvironment().getProperty("logging.expect-correlation-id")).isEqualTo("true");
			assertThat(context.getBeansOfType(OpenTelemetry.class)).hasSize(1);
			assertThat(context.getBean(Sampler.class)).isInstanceOf(RequestSampler.class);
			assertThat(context.getBean(ContextPropagators.class).getTextMapPropagator().fields())
				.contains("traceparent", "X-Amzn-Trace-Id");
			List<ExecutionInterceptor> interceptors = List
				.copyOf(context.getBeansOfType(ExecutionInterceptor.class).values());
			assertThat(interceptors).hasSize(1).allMatch(OpenTelemetryModeTests::isOpenTelemetry);
			// Spring Security's filter-chain and authorization observations make no spans
			io.micrometer.observation.ObservationRegistry registry = context
				.getBean(io.micrometer.observation.ObservationRegistry.class);
			assertThat(io.micrometer.observation.Observation.createNotStarted("spring.security.filterchains", registry)
				.isNoop()).isTrue();
			assertThat(
					io.micrometer.observation.Observation.createNotStarted("http.client.requests", registry).isNoop())
				.isFalse();
		}
	}

	@Test
	void neverBesideTheXRaySdk() {
		assertThatException().isThrownBy(() -> run("shop.tracing.opentelemetry.enabled=true").close())
			.withStackTraceContaining("shop.tracing.enabled=false");
	}

	private static void assertOff(ConfigurableApplicationContext context) {
		assertThat(context.getBeansOfType(OpenTelemetry.class)).isEmpty();
		assertThat(context.getBeansOfType(Sampler.class)).isEmpty();
		assertThat(context.getBean(Tracer.class)).isSameAs(Tracer.NOOP);
		// the starter's OTLP metrics registry would push to localhost:4318 every minute
		assertThat(context.getBeanNamesForType(io.micrometer.registry.otlp.OtlpMeterRegistry.class)).isEmpty();
	}

	private static boolean isOpenTelemetry(ExecutionInterceptor interceptor) {
		return interceptor.getClass().getName().startsWith("io.opentelemetry.");
	}

	private static ConfigurableApplicationContext run(String... properties) {
		String[] all = new String[QUIET.length + properties.length];
		System.arraycopy(QUIET, 0, all, 0, QUIET.length);
		System.arraycopy(properties, 0, all, QUIET.length, properties.length);
		return new SpringApplicationBuilder(Minimal.class).web(WebApplicationType.NONE).properties(all).run();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class Minimal {

	}

}
