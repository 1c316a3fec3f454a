package com.anycompany.shop.tracing;

import com.amazonaws.xray.AWSXRayRecorder;
import com.amazonaws.xray.AWSXRayRecorderBuilder;
import com.amazonaws.xray.contexts.ThreadLocalSegmentContextResolver;
import com.amazonaws.xray.emitters.UDPEmitter;
import com.amazonaws.xray.interceptors.TracingInterceptor;
import com.amazonaws.xray.jakarta.servlet.AWSXRayServletFilter;
import com.anycompany.shop.tracing.aop.XRayEnabledAspect;
import com.anycompany.shop.tracing.servlet.CallerDecisionSampling;
import com.anycompany.shop.tracing.servlet.TracedRequestFilter;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.task.TaskDecorator;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

class XRayTracingAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(XRayTracingAutoConfiguration.class, ShopClientsAutoConfiguration.class,
				RestClientAutoConfiguration.class))
		.withPropertyValues("spring.application.name=catalogservice", "shop.tracing.centralized-sampling=false",
				"shop.clients.services.catalogservice.base-url=http://127.0.0.1:9");

	@Test
	void tracesEverythingByDefault() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(AWSXRayRecorder.class)
				.hasSingleBean(RemoteCallTracing.class)
				.hasSingleBean(TaskDecorator.class)
				.hasSingleBean(XRayEnabledAspect.class)
				.hasBean("xrayServletFilter");
			assertThat(context.getBean(TraceAnnotations.class)).extracting("recorder").isNotNull();
			assertThat(context.getBean(BackgroundWork.class)).extracting("recorder").isNotNull();
			assertThat(context.getBean(AwsClients.class)).extracting("interceptors")
				.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
				.hasExactlyElementsOfTypes(TracingInterceptor.class);
			// the call's subsegment first, then the budget header and no-answer mapping
			assertThat(interceptorsOf(context.getBean(RemoteServiceClients.class))).hasSize(2)
				.first()
				.isInstanceOf(XRayRestClientInterceptor.class);
		});
	}

	@Test
	void masterSwitchRemovesAllTracing() {
		this.runner.withPropertyValues("shop.tracing.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(AWSXRayRecorder.class)
				.doesNotHaveBean(RemoteCallTracing.class)
				.doesNotHaveBean(ExecutionInterceptor.class)
				.doesNotHaveBean(TaskDecorator.class)
				.doesNotHaveBean(XRayEnabledAspect.class)
				.doesNotHaveBean("xrayServletFilter")
				.hasBean("requestDeadlineFilter");
			// the client factories are still there, untraced
			assertThat(context.getBean(AwsClients.class)).extracting("interceptors")
				.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
				.isEmpty();
			assertThat(interceptorsOf(context.getBean(RemoteServiceClients.class))).hasSize(1)
				.noneMatch(XRayRestClientInterceptor.class::isInstance);
			assertThat(context.getBean(TraceAnnotations.class)).extracting("recorder").isNull();
			assertThat(context.getBean(BackgroundWork.class)).extracting("recorder").isNull();
		});
	}

	/**
	 * The pieces that make the datagrams are the SDK's own classes, not copies: its
	 * servlet filter (behind ours), its AWS SDK interceptor, its UDP emitter (and with it
	 * its serializer), its thread-local context.
	 */
	@Test
	void theSdksOwnPiecesAreWired() {
		this.runner.run((context) -> {
			FilterRegistrationBean<?> filter = context.getBean("xrayServletFilter", FilterRegistrationBean.class);
			assertThat(filter.getFilter()).isInstanceOf(TracedRequestFilter.class)
				.extracting("xray")
				.isExactlyInstanceOf(AWSXRayServletFilter.class);
			assertThat(context.getBean(ExecutionInterceptor.class)).isExactlyInstanceOf(TracingInterceptor.class);
			AWSXRayRecorder recorder = context.getBean(AWSXRayRecorder.class);
			assertThat(recorder.getEmitter()).isExactlyInstanceOf(UDPEmitter.class);
			assertThat(recorder.getSamplingStrategy()).isInstanceOf(CallerDecisionSampling.class);
			assertThat(recorder).extracting("segmentContextResolverChain.resolvers")
				.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
				.last()
				.isExactlyInstanceOf(ThreadLocalSegmentContextResolver.class);
		});
	}

	@Test
	void aRecorderOfTheServiceWins() {
		AWSXRayRecorder own = AWSXRayRecorderBuilder.standard().build();
		this.runner.withBean(AWSXRayRecorder.class, () -> own).run((context) -> {
			assertThat(context.getBean(AWSXRayRecorder.class)).isSameAs(own);
			assertThat(context).hasSingleBean(RemoteCallTracing.class);
		});
	}

	/**
	 * An interceptor the service declares itself replaces this module's: one subsegment
	 * per call.
	 */
	@Test
	void anAwsInterceptorOfTheServiceWins() {
		TracingInterceptor own = new TracingInterceptor();
		this.runner.withBean(TracingInterceptor.class, () -> own).run((context) -> {
			assertThat(context.getBean(AwsClients.class)).extracting("interceptors")
				.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
				.containsExactly(own);
		});
	}

	@Test
	void customizersAreApplied() {
		XRayRecorderCustomizer customizer = mock(XRayRecorderCustomizer.class);
		this.runner.withBean(XRayRecorderCustomizer.class, () -> customizer)
			.run((context) -> org.mockito.Mockito.verify(customizer)
				.customize(org.mockito.ArgumentMatchers.any(AWSXRayRecorderBuilder.class)));
	}

	@Test
	void backsOffWithoutTheSdk() {
		this.runner.withClassLoader(new FilteredClassLoader(AWSXRayRecorder.class)).run((context) -> {
			assertThat(context).doesNotHaveBean(RemoteCallTracing.class)
				.doesNotHaveBean("xrayServletFilter")
				.hasSingleBean(TraceAnnotations.class);
			assertThat(context).hasSingleBean(RemoteServiceClients.class);
		});
	}

	@Test
	void unknownPluginIsAClearError() {
		this.runner.withPropertyValues("shop.tracing.plugins=ec3").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("Unknown shop.tracing.plugins entry 'ec3'");
		});
	}

	private static java.util.List<ClientHttpRequestInterceptor> interceptorsOf(RemoteServiceClients clients) {
		java.util.List<ClientHttpRequestInterceptor> seen = new java.util.ArrayList<>();
		RestClient.Builder builder = clients.builder("catalogservice");
		builder.requestInterceptors(seen::addAll);
		return seen;
	}

}
