package com.anycompany.shop.tracing.otel;

import com.amazonaws.xray.config.DaemonConfiguration;
import com.anycompany.shop.tracing.autoconfigure.ShopTracingProperties;
import io.micrometer.observation.ObservationPredicate;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.exporter.SpanFilter;
import io.micrometer.tracing.handler.PropagatingReceiverTracingObservationHandler;
import io.micrometer.tracing.propagation.Propagator;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.contrib.awsxray.AwsXrayRemoteSampler;
import io.opentelemetry.contrib.awsxray.propagator.AwsXrayPropagator;
import io.opentelemetry.instrumentation.awssdk.v2_2.AwsSdkTelemetry;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.task.TaskDecorator;
import org.springframework.core.task.support.ContextPropagatingTaskDecorator;
import org.springframework.http.client.observation.ClientRequestObservationConvention;
import org.springframework.http.server.observation.OpenTelemetryServerRequestObservationConvention;
import org.springframework.http.server.observation.ServerRequestObservationConvention;
import org.springframework.util.StringUtils;

/**
 * What Spring Boot's OpenTelemetry support needs to draw the shop's map the way the X-Ray
 * SDK does, in one place for every service:
 * <ul>
 * <li>AWS SDK calls: OpenTelemetry's AWS SDK v2 library instrumentation, an
 * {@link ExecutionInterceptor} that {@code AwsClients} puts on every client;</li>
 * <li>X-Ray propagation beside W3C: {@code X-Amzn-Trace-Id} is read and written, so
 * callers and callees still on the X-Ray SDK share the trace;</li>
 * <li>sampling by X-Ray's rules (the contrib {@code AwsXrayRemoteSampler} polling the
 * daemon's sampling proxy, as the SDK's centralized sampling does), traces starting only
 * at incoming requests, health probes and static assets not traced;</li>
 * <li>the attributes X-Ray reads: the callee's name on client spans, OpenTelemetry's
 * semantic conventions on server and client spans;</li>
 * <li>the trace context carried into worker threads (the parallel fan-out).</li>
 * </ul>
 * Switched on by {@code shop.tracing.opentelemetry.enabled=true}, with the X-Ray SDK
 * switched off ({@code shop.tracing.enabled=false}); while it is off,
 * {@link OpenTelemetryModeImportFilter} keeps Boot's OpenTelemetry auto-configurations
 * out. Every bean backs off when the service declares its own.
 */
@AutoConfiguration(before = { OpenTelemetryTracingAutoConfiguration.class, MicrometerTracingAutoConfiguration.class })
@ConditionalOnClass(value = { AwsXrayRemoteSampler.class, AwsSdkTelemetry.class },
		name = "io.micrometer.tracing.otel.bridge.OtelTracer")
@ConditionalOnBooleanProperty(OpenTelemetryModeImportFilter.ENABLED_PROPERTY)
@EnableConfigurationProperties({ BootOpenTelemetryProperties.class, ShopTracingProperties.class })
public class BootOpenTelemetryAutoConfiguration {

	BootOpenTelemetryAutoConfiguration(ShopTracingProperties xray) {
		if (xray.isEnabled()) {
			// two tracers would give every request two traces
			throw new IllegalStateException(OpenTelemetryModeImportFilter.ENABLED_PROPERTY
					+ "=true needs the X-Ray SDK switched off: set shop.tracing.enabled=false");
		}
	}

	/**
	 * X-Ray's rules through the daemon's sampling proxy
	 * ({@code shop.tracing.daemon-address} or {@code AWS_XRAY_DAEMON_ADDRESS}, as the SDK
	 * finds it); with centralized sampling switched off, every request (the default rule
	 * of the SDK's local rules file here).
	 */
	@Bean
	@ConditionalOnMissingBean
	Sampler shopXRaySampler(Resource resource, ShopTracingProperties xray, BootOpenTelemetryProperties properties) {
		Sampler rules = xray.isCentralizedSampling() ? AwsXrayRemoteSampler.newBuilder(resource)
			.setEndpoint(samplingEndpoint(xray))
			.setPollingInterval(properties.getRulesPollingInterval())
			.build() : Sampler.alwaysOn();
		return new RequestSampler(rules);
	}

	static String samplingEndpoint(ShopTracingProperties xray) {
		DaemonConfiguration daemon = new DaemonConfiguration();
		if (StringUtils.hasText(xray.getDaemonAddress())) {
			daemon.setDaemonAddress(xray.getDaemonAddress());
		}
		return daemon.getEndpointForTCPConnection();
	}

	/**
	 * Beside Boot's W3C propagator (both are combined). Extracted first, so that when a
	 * request carries both headers the W3C one decides.
	 */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	TextMapPropagator xrayTextMapPropagator() {
		return AwsXrayPropagator.getInstance();
	}

	@Bean
	@ConditionalOnMissingBean(name = "awsSdkTelemetryInterceptor")
	ExecutionInterceptor awsSdkTelemetryInterceptor(OpenTelemetry openTelemetry) {
		return AwsSdkTelemetry.create(openTelemetry).newExecutionInterceptor();
	}

	@Bean
	@ConditionalOnMissingBean(PropagatingReceiverTracingObservationHandler.class)
	@Order(MicrometerTracingAutoConfiguration.RECEIVER_TRACING_OBSERVATION_HANDLER_ORDER)
	XRaySamplingReceiverHandler xraySamplingReceiverHandler(Tracer tracer, Propagator propagator) {
		return new XRaySamplingReceiverHandler(tracer, propagator);
	}

	@Bean
	ObservationPredicate shopExcludedPathsPredicate(ShopTracingProperties xray) {
		return new ExcludedPathsPredicate(xray.getExcludedPaths());
	}

	/**
	 * Spring Security observes its filter chains, authentications and authorizations; the
	 * X-Ray SDK and the agent record none of that, and the spans would sit between a
	 * request and its calls on the timeline.
	 */
	@Bean
	ObservationPredicate shopNoSecurityObservationsPredicate() {
		return (name, context) -> !name.startsWith("spring.security.");
	}

	@Bean
	SpanFilter xrayAttributesSpanFilter() {
		return new XRayAttributesSpanFilter();
	}

	@Bean
	@ConditionalOnMissingBean
	ServerRequestObservationConvention openTelemetryServerRequestObservationConvention() {
		return new OpenTelemetryServerRequestObservationConvention();
	}

	@Bean
	@ConditionalOnMissingBean
	ClientRequestObservationConvention shopClientRequestObservationConvention(Environment environment) {
		return new ShopClientRequestObservationConvention(PeerServices.from(environment));
	}

	/** The current observation and its span follow work handed to the task executor. */
	@Bean
	@ConditionalOnMissingBean
	TaskDecorator contextPropagatingTaskDecorator() {
		return new ContextPropagatingTaskDecorator();
	}

}
