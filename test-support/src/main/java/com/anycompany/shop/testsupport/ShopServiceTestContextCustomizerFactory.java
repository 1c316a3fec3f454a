package com.anycompany.shop.testsupport;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Gives each {@link ShopServiceTest} context its own {@link XRayDaemonStub}: opened when
 * the context is built (so its address is known before the tracing configuration reads
 * it), registered as a bean for the test to inject, closed with the context.
 */
class ShopServiceTestContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		ShopServiceTest test = TestContextAnnotationUtils.findMergedAnnotation(testClass, ShopServiceTest.class);
		return (test != null) ? new Customizer(test.dynamoDb()) : null;
	}

	/** A record, so two test classes with the same settings share a cached context. */
	record Customizer(boolean dynamoDb) implements ContextCustomizer {

		static final String PROPERTY_SOURCE = "shopServiceTest";

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			XRayDaemonStub daemon = new XRayDaemonStub();
			RootBeanDefinition bean = new RootBeanDefinition(XRayDaemonStub.class, () -> daemon);
			// an AutoCloseable bean: the context closes the socket when it closes
			((BeanDefinitionRegistry) context.getBeanFactory()).registerBeanDefinition("xRayDaemonStub", bean);

			Map<String, Object> properties = new LinkedHashMap<>();
			properties.put("shop.tracing.daemon-address", daemon.address());
			properties.put("shop.tracing.centralized-sampling", "false");
			if (this.dynamoDb) {
				properties.put("shop.clients.aws.endpoint", LocalDynamoDb.endpoint());
			}
			// first: above application-test.yml's placeholders for both
			context.getEnvironment().getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, properties));
		}

	}

}
