package com.anycompany.shop.tracing;

import java.io.IOException;
import java.net.URL;
import java.util.Locale;

import com.amazonaws.xray.AWSXRay;
import com.amazonaws.xray.AWSXRayRecorder;
import com.amazonaws.xray.AWSXRayRecorderBuilder;
import com.amazonaws.xray.config.DaemonConfiguration;
import com.amazonaws.xray.plugins.EC2Plugin;
import com.amazonaws.xray.plugins.ECSPlugin;
import com.amazonaws.xray.plugins.EKSPlugin;
import com.amazonaws.xray.plugins.ElasticBeanstalkPlugin;
import com.amazonaws.xray.plugins.Plugin;
import com.amazonaws.xray.strategy.jakarta.SegmentNamingStrategy;
import com.amazonaws.xray.strategy.sampling.CentralizedSamplingStrategy;
import com.amazonaws.xray.strategy.sampling.LocalizedSamplingStrategy;
import com.amazonaws.xray.strategy.sampling.SamplingStrategy;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.task.TaskDecorator;
import org.springframework.util.StringUtils;

/**
 * All X-Ray wiring of a service: the recorder, the incoming-request filter, traced
 * outgoing HTTP and AWS SDK calls, trace context for worker threads, {@code @XRayEnabled}
 * methods, and the trace id in the logs. {@code shop.tracing.enabled=false} switches all
 * of it off.
 */
@AutoConfiguration
@ConditionalOnClass(AWSXRayRecorder.class)
@ConditionalOnProperty(prefix = "shop.tracing", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(ShopTracingProperties.class)
public class XRayTracingAutoConfiguration {

	/**
	 * The SDK's system property for the daemon address (the environment variable wins
	 * over it).
	 */
	/**
	 * The tracing filter's order: first, so the segment covers everything else the
	 * service does with the request. Filters that need the segment order themselves after
	 * it.
	 */
	public static final int FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE;

	private static final String DAEMON_ADDRESS_PROPERTY = "com.amazonaws.xray.emitters.daemonAddress";

	@Bean
	@ConditionalOnMissingBean
	public AWSXRayRecorder awsXRayRecorder(ShopTracingProperties properties, ResourceLoader resourceLoader,
			ContextMissingReporter contextMissingReporter, SegmentEmitter emitter,
			ObjectProvider<XRayRecorderCustomizer> customizers) throws IOException {
		AWSXRayRecorderBuilder builder = AWSXRayRecorderBuilder.standard()
			.withSamplingStrategy(samplingStrategy(properties, resourceLoader))
			.withSegmentListener(new TraceIdMdcListener())
			// one shared thread-local context instead of one resolved per context
			// change
			.withSegmentContextResolverChain(ThreadSegmentContext.resolverChain())
			// lost context is logged and counted, never silent and never an exception
			// on the request path
			.withContextMissingStrategy(contextMissingReporter)
			// serialization and the datagram happen off the request thread
			.withEmitter(emitter)
			// trace and entity ids from a thread-local generator: the SDK's default
			// draws every id from one shared SecureRandom, a lock all request threads
			// queue on; X-Ray ids need to be unique, not unguessable
			.withFastIdGenerator();
		for (String plugin : properties.getPlugins()) {
			builder.withPlugin(plugin(plugin));
		}
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		AWSXRayRecorder recorder = builder.build();
		// the SDK's servlet filter, Spring aspect and executors use the global recorder
		AWSXRay.setGlobalRecorder(recorder);
		return recorder;
	}

	/**
	 * Where the segments go: the configured daemon address, else the SDK's lookup
	 * (AWS_XRAY_DAEMON_ADDRESS, its system property, 127.0.0.1:2000).
	 */
	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	public SegmentEmitter xraySegmentEmitter(ShopTracingProperties properties) throws IOException {
		DaemonConfiguration daemon = new DaemonConfiguration();
		if (StringUtils.hasText(properties.getDaemonAddress())) {
			daemon.setDaemonAddress(properties.getDaemonAddress());
		}
		return new SegmentEmitter(daemon.getAddressForEmitter(), properties.getEmitterQueueSize());
	}

	private static SamplingStrategy samplingStrategy(ShopTracingProperties properties, ResourceLoader resourceLoader)
			throws IOException {
		URL rules = resourceLoader.getResource(properties.getSamplingRules()).getURL();
		if (!properties.isCentralizedSampling()) {
			return new LocalizedSamplingStrategy(rules);
		}
		if (StringUtils.hasText(properties.getDaemonAddress())) {
			// the SDK's sampling client reads the daemon address only from the
			// environment or
			// this system property, so tell it where the configured daemon is
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
			default -> throw new IllegalArgumentException(
					"Unknown shop.tracing.plugins entry '" + name + "' (expected ec2, ecs, eks or elasticbeanstalk)");
		};
	}

	@Bean
	@ConditionalOnMissingBean
	public ContextMissingReporter contextMissingReporter() {
		return new ContextMissingReporter();
	}

	/** Start-up work on the main thread is untraced on purpose; after it, nothing is. */
	@Bean
	ApplicationListener<ApplicationReadyEvent> contextMissingAfterStartup(ContextMissingReporter reporter) {
		return (event) -> reporter.startupFinished();
	}

	@Bean
	@ConditionalOnMissingBean
	public BackgroundWork backgroundWork(AWSXRayRecorder recorder) {
		return new BackgroundWork(recorder);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	static class ContextMissingMetricConfiguration {

		@Bean
		MeterBinder xrayContextMissingMetric(ContextMissingReporter reporter) {
			return (registry) -> FunctionCounter
				.builder("xray.context.missing", reporter, ContextMissingReporter::count)
				.description("Subsegments and annotations lost because the thread had no trace context")
				.register(registry);
		}

		@Bean
		MeterBinder xraySegmentEmitterMetrics(SegmentEmitter emitter) {
			return (registry) -> {
				FunctionCounter.builder("xray.emitter.sent", emitter, SegmentEmitter::sent)
					.description("Datagrams sent to the X-Ray daemon")
					.register(registry);
				FunctionCounter.builder("xray.emitter.dropped", emitter, SegmentEmitter::dropped)
					.description("Segments dropped because the emitter's queue was full")
					.register(registry);
				FunctionCounter.builder("xray.emitter.failed", emitter, SegmentEmitter::failed)
					.description("Datagrams that could not be sent to the X-Ray daemon")
					.register(registry);
			};
		}

	}

	@Bean
	@ConditionalOnMissingBean
	public TraceAnnotations traceAnnotations(AWSXRayRecorder recorder) {
		return new TraceAnnotations(recorder);
	}

	@Bean
	@ConditionalOnMissingBean(TaskDecorator.class)
	public TaskDecorator traceContextTaskDecorator(AWSXRayRecorder recorder) {
		return new TraceContextTaskDecorator(recorder);
	}

	/**
	 * The aspect records through the SDK's global recorder: depending on the recorder
	 * bean makes sure that is this one before any advised method runs.
	 */
	@Bean
	@ConditionalOnMissingBean
	public XRayEnabledAspect xrayEnabledAspect(AWSXRayRecorder recorder) {
		return new XRayEnabledAspect();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(ExecutionInterceptor.class)
	static class AwsSdkTracingConfiguration {

		/**
		 * Put on every AWS SDK client a service builds (service-clients' AwsClients takes
		 * every ExecutionInterceptor bean). A service that declares the X-Ray SDK's own
		 * interceptor gets that one instead, not both (two subsegments per call).
		 */
		@Bean
		@ConditionalOnMissingBean(value = AwsSdkTracingInterceptor.class,
				type = "com.amazonaws.xray.interceptors.TracingInterceptor")
		public AwsSdkTracingInterceptor xrayTracingInterceptor(AWSXRayRecorder recorder) {
			return new AwsSdkTracingInterceptor(recorder);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	static class ServletTracingConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "xrayServletFilter")
		public FilterRegistrationBean<RequestSegmentFilter> xrayServletFilter(ShopTracingProperties properties,
				AWSXRayRecorder recorder, Environment environment) {
			String serviceName = StringUtils.hasText(properties.getServiceName()) ? properties.getServiceName()
					: environment.getProperty("spring.application.name", "application");
			// the SDK's fixed naming: its AWS_XRAY_TRACING_NAME overrides the name
			String segmentName = SegmentNamingStrategy.fixed(serviceName).nameForRequest(null);
			FilterRegistrationBean<RequestSegmentFilter> registration = new FilterRegistrationBean<>(
					new RequestSegmentFilter(recorder, segmentName, properties.getExcludedPaths()));
			registration.setName("xrayServletFilter");
			// first, so the segment covers everything else the service does with the
			// request
			registration.setOrder(FILTER_ORDER);
			return registration;
		}

		@Bean
		@ConditionalOnMissingBean
		ExceptionRecordingResolver xrayExceptionRecordingResolver(AWSXRayRecorder recorder) {
			return new ExceptionRecordingResolver(recorder);
		}

	}

}
