package com.anycompany.shop.tracing;

import com.amazonaws.xray.AWSXRayRecorder;
import com.amazonaws.xray.AWSXRayRecorderBuilder;
import com.amazonaws.xray.interceptors.TracingInterceptor;
import com.anycompany.shop.clients.ServiceClientsAutoConfiguration;
import com.anycompany.shop.clients.aws.AwsClients;
import com.anycompany.shop.tracing.http.HttpServiceTracingAutoConfiguration;
import com.anycompany.shop.tracing.http.XRayServiceGroupConfigurer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.task.TaskDecorator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

class XRayTracingAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(XRayTracingAutoConfiguration.class, TracingOffAutoConfiguration.class,
				HttpServiceTracingAutoConfiguration.class, ServiceClientsAutoConfiguration.class,
				RestClientAutoConfiguration.class))
		.withPropertyValues("spring.application.name=catalogservice", "shop.tracing.centralized-sampling=false");

	@Test
	void tracesEverythingByDefault() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(AWSXRayRecorder.class)
				.hasSingleBean(XRayServiceGroupConfigurer.class)
				.hasSingleBean(AwsSdkTracingInterceptor.class)
				.hasSingleBean(TaskDecorator.class)
				.hasSingleBean(XRayEnabledAspect.class)
				.hasBean("xrayServletFilter");
			assertThat(context.getBean(TraceAnnotations.class)).isNotNull();
			AwsClients awsClients = context.getBean(AwsClients.class);
			assertThat(awsClients).extracting("interceptors")
				.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
				.hasExactlyElementsOfTypes(AwsSdkTracingInterceptor.class);
		});
	}

	@Test
	void masterSwitchRemovesAllTracing() {
		this.runner.withPropertyValues("shop.tracing.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(AWSXRayRecorder.class)
				.doesNotHaveBean(XRayServiceGroupConfigurer.class)
				.doesNotHaveBean(AwsSdkTracingInterceptor.class)
				.doesNotHaveBean(TaskDecorator.class)
				.doesNotHaveBean(XRayEnabledAspect.class)
				.doesNotHaveBean("xrayServletFilter")
				.hasBean("requestDeadlineFilter");
			// the AWS clients are still built, untraced
			assertThat(context.getBean(AwsClients.class)).extracting("interceptors")
				.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
				.isEmpty();
			assertThat(context).hasSingleBean(TraceAnnotations.class);
		});
	}

	@Test
	void aRecorderOfTheServiceWins() {
		AWSXRayRecorder own = AWSXRayRecorderBuilder.standard().build();
		this.runner.withBean(AWSXRayRecorder.class, () -> own).run((context) -> {
			assertThat(context.getBean(AWSXRayRecorder.class)).isSameAs(own);
			assertThat(context).hasSingleBean(XRayServiceGroupConfigurer.class);
		});
	}

	/**
	 * The SDK's own AWS interceptor declared by a service replaces ours: one subsegment
	 * per call.
	 */
	@Test
	void theSdksAwsInterceptorOfTheServiceReplacesOurs() {
		this.runner.withBean(TracingInterceptor.class, TracingInterceptor::new).run((context) -> {
			assertThat(context).doesNotHaveBean(AwsSdkTracingInterceptor.class);
			assertThat(context.getBean(AwsClients.class)).extracting("interceptors")
				.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
				.hasExactlyElementsOfTypes(TracingInterceptor.class);
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
			assertThat(context).doesNotHaveBean(XRayServiceGroupConfigurer.class).doesNotHaveBean("xrayServletFilter");
			assertThat(context).hasSingleBean(AwsClients.class).hasSingleBean(TraceAnnotations.class);
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

}
