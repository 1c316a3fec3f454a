package com.anycompany.shop.tracing;

import java.io.IOException;
import java.net.SocketException;
import java.net.URL;
import java.util.Locale;

import com.amazonaws.xray.AWSXRay;
import com.amazonaws.xray.AWSXRayRecorder;
import com.amazonaws.xray.AWSXRayRecorderBuilder;
import com.amazonaws.xray.config.DaemonConfiguration;
import com.amazonaws.xray.emitters.Emitter;
import com.amazonaws.xray.emitters.UDPEmitter;
import com.amazonaws.xray.interceptors.TracingInterceptor;
import com.amazonaws.xray.jakarta.servlet.AWSXRayServletFilter;
import com.amazonaws.xray.plugins.EC2Plugin;
import com.amazonaws.xray.plugins.ECSPlugin;
import com.amazonaws.xray.plugins.EKSPlugin;
import com.amazonaws.xray.plugins.ElasticBeanstalkPlugin;
import com.amazonaws.xray.plugins.Plugin;
import com.amazonaws.xray.strategy.jakarta.SegmentNamingStrategy;
import com.amazonaws.xray.strategy.sampling.CentralizedSamplingStrategy;
import com.amazonaws.xray.strategy.sampling.LocalizedSamplingStrategy;
import com.amazonaws.xray.strategy.sampling.SamplingStrategy;
import com.anycompany.shop.tracing.aop.XRayEnabledAspect;
import com.anycompany.shop.tracing.context.ContextMissingReporter;
import com.anycompany.shop.tracing.context.TraceContextTaskDecorator;
import com.anycompany.shop.tracing.context.TraceIdMdcListener;
import com.anycompany.shop.tracing.servlet.CallerDecisionSampling;
import com.anycompany.shop.tracing.servlet.ExceptionRecordingResolver;
import com.anycompany.shop.tracing.servlet.TracedRequestFilter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.task.TaskDecorator;
import org.springframework.util.StringUtils;

/**
 * All X-Ray wiring of a service, from the SDK's own pieces: its recorder, its
 * {@code AWSXRayServletFilter} (with {@link TracedRequestFilter} in front of it), its
 * {@code TracingInterceptor} for AWS SDK clients, its thread-local context carried to
 * worker threads, {@code @XRayEnabled} methods, and the trace id in the logs.
 * {@code shop.tracing.enabled=false} switches all of it off; {@link TraceAnnotations} and
 * {@link BackgroundWork} then still exist, doing nothing.
 */
@AutoConfiguration
@EnableConfigurationProperties(ShopTracingProperties.class)
public class XRayTracingAutoConfiguration {

	/**
	 * The tracing filter's order: first, so the segment covers everything else the
	 * service does with the request. Filters that need the segment order themselves after
	 * it.
	 */
	public static final int FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE;

	@Bean
	@ConditionalOnMissingBean
	public TraceAnnotations traceAnnotations(ObjectProvider<AWSXRayRecorder> recorder) {
		return new TraceAnnotations(recorder.getIfAvailable());
	}

	@Bean
	@ConditionalOnMissingBean
	public BackgroundWork backgroundWork(ObjectProvider<AWSXRayRecorder> recorder) {
		return new BackgroundWork(recorder.getIfAvailable());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(AWSXRayRecorder.class)
	@ConditionalOnProperty(prefix = "shop.tracing", name = "enabled", havingValue = "true", matchIfMissing = true)
	static class XRayConfiguration {

		/**
		 * The SDK's system property for the daemon address (the environment variable wins
		 * over it).
		 */
		private static final String DAEMON_ADDRESS_PROPERTY = "com.amazonaws.xray.emitters.daemonAddress";

		@Bean
		@ConditionalOnMissingBean
		AWSXRayRecorder awsXRayRecorder(ShopTracingProperties properties, ResourceLoader resourceLoader,
				ContextMissingReporter contextMissingReporter, Emitter emitter,
				ObjectProvider<XRayRecorderCustomizer> customizers) throws IOException {
			AWSXRayRecorderBuilder builder = AWSXRayRecorderBuilder.standard()
				.withSamplingStrategy(new CallerDecisionSampling(samplingStrategy(properties, resourceLoader)))
				.withSegmentListener(new TraceIdMdcListener())
				// lost context is logged and counted, never silent and never an exception
				// on the request path
				.withContextMissingStrategy(contextMissingReporter)
				.withEmitter(emitter)
				// the SDK's thread-local id generator: its default draws every id from
				// one
				// shared SecureRandom; X-Ray ids need to be unique, not unguessable
				.withFastIdGenerator();
			for (String plugin : properties.getPlugins()) {
				builder.withPlugin(plugin(plugin));
			}
			customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
			AWSXRayRecorder recorder = builder.build();
			// the SDK's Spring aspect and executors use the global recorder
			AWSXRay.setGlobalRecorder(recorder);
			return recorder;
		}

		/**
		 * The SDK's {@code UDPEmitter}: its serializer and its datagrams, sent on the
		 * request thread (tracing/README.md says why no queue). Where they go: the
		 * configured daemon address, else the SDK's lookup (AWS_XRAY_DAEMON_ADDRESS, its
		 * system property, 127.0.0.1:2000).
		 */
		@Bean
		@ConditionalOnMissingBean
		Emitter xrayEmitter(ShopTracingProperties properties) throws SocketException {
			DaemonConfiguration daemon = new DaemonConfiguration();
			if (StringUtils.hasText(properties.getDaemonAddress())) {
				daemon.setDaemonAddress(properties.getDaemonAddress());
			}
			return new UDPEmitter(daemon);
		}

		private static SamplingStrategy samplingStrategy(ShopTracingProperties properties,
				ResourceLoader resourceLoader) throws IOException {
			URL rules = resourceLoader.getResource(properties.getSamplingRules()).getURL();
			if (!properties.isCentralizedSampling()) {
				return new LocalizedSamplingStrategy(rules);
			}
			if (StringUtils.hasText(properties.getDaemonAddress())) {
				// the SDK's sampling client reads the daemon address only from the
				// environment or this system property
				System.setProperty(DAEMON_ADDRESS_PROPERTY, properties.getDaemonAddress());
			}
			return new CentralizedSamplingStrategy(rules);
		}

		private static Plugin plugin(String name) {
			return switch (name.trim().toLowerCase(Locale.ROOT)) {
				case "ec2" -> new EC2Plugin();
				case "ecs" -> new ECSPlugin();
				case "eks" -> new EKSPlugin();
				case "elasticbeanstalk" -> new ElasticBeanstalkPlugin();
				default -> throw new IllegalArgumentException("Unknown shop.tracing.plugins entry '" + name
						+ "' (expected ec2, ecs, eks or elasticbeanstalk)");
			};
		}

		@Bean
		@ConditionalOnMissingBean
		ContextMissingReporter contextMissingReporter() {
			return new ContextMissingReporter();
		}

		/**
		 * Start-up work on the main thread is untraced on purpose; after it, nothing is.
		 */
		@Bean
		ApplicationListener<ApplicationReadyEvent> contextMissingAfterStartup(ContextMissingReporter reporter) {
			return (event) -> reporter.startupFinished();
		}

		@Bean
		@ConditionalOnMissingBean
		RemoteCallTracing remoteCallTracing(AWSXRayRecorder recorder) {
			return new RemoteCallTracing(recorder);
		}

		/** Spring Boot applies it to its applicationTaskExecutor. */
		@Bean
		@ConditionalOnMissingBean(TaskDecorator.class)
		TaskDecorator traceContextTaskDecorator(AWSXRayRecorder recorder) {
			return new TraceContextTaskDecorator(recorder);
		}

		/**
		 * The aspect records through the SDK's global recorder: depending on the recorder
		 * bean makes sure that is this one before any advised method runs.
		 */
		@Bean
		@ConditionalOnMissingBean
		XRayEnabledAspect xrayEnabledAspect(AWSXRayRecorder recorder) {
			return new XRayEnabledAspect();
		}

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass({ ExecutionInterceptor.class, TracingInterceptor.class })
		static class AwsSdkConfiguration {

			/**
			 * The SDK's interceptor, for every AWS SDK client built with the
			 * ExecutionInterceptor beans.
			 */
			@Bean
			@ConditionalOnMissingBean
			TracingInterceptor xrayTracingInterceptor(AWSXRayRecorder recorder) {
				return new TracingInterceptor(recorder, null, null);
			}

		}

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
		static class ServletConfiguration {

			@Bean
			@ConditionalOnMissingBean(name = "xrayServletFilter")
			FilterRegistrationBean<TracedRequestFilter> xrayServletFilter(ShopTracingProperties properties,
					AWSXRayRecorder recorder, Environment environment) {
				String serviceName = StringUtils.hasText(properties.getServiceName()) ? properties.getServiceName()
						: environment.getProperty("spring.application.name", "application");
				// the SDK's fixed naming: its AWS_XRAY_TRACING_NAME overrides the name
				AWSXRayServletFilter xray = new AWSXRayServletFilter(SegmentNamingStrategy.fixed(serviceName),
						recorder);
				FilterRegistrationBean<TracedRequestFilter> registration = new FilterRegistrationBean<>(
						new TracedRequestFilter(xray, recorder, properties.getExcludedPaths()));
				registration.setName("xrayServletFilter");
				registration.setOrder(FILTER_ORDER);
				return registration;
			}

			@Bean
			@ConditionalOnMissingBean
			ExceptionRecordingResolver xrayExceptionRecordingResolver(AWSXRayRecorder recorder) {
				return new ExceptionRecordingResolver(recorder);
			}

		}

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass(MeterRegistry.class)
		static class MetricsConfiguration {

			@Bean
			MeterBinder xrayContextMissingMetric(ContextMissingReporter reporter) {
				return (registry) -> FunctionCounter
					.builder("xray.context.missing", reporter, ContextMissingReporter::count)
					.description("Subsegments and annotations lost because the thread had no trace context")
					.register(registry);
			}

		}

	}

}
