package com.anycompany.shop.tracing.http;

import com.amazonaws.xray.AWSXRayRecorder;
import com.anycompany.shop.tracing.autoconfigure.XRayTracingAutoConfiguration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.web.client.support.RestClientHttpServiceGroupConfigurer;

/**
 * Outgoing calls of a service's HTTP service groups, traced while tracing is on (there is
 * a recorder).
 */
@AutoConfiguration(after = XRayTracingAutoConfiguration.class)
@ConditionalOnClass({ AWSXRayRecorder.class, RestClientHttpServiceGroupConfigurer.class })
@ConditionalOnBean(AWSXRayRecorder.class)
public class HttpServiceTracingAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	public XRayServiceGroupConfigurer xrayServiceGroupConfigurer(AWSXRayRecorder recorder) {
		return new XRayServiceGroupConfigurer(recorder);
	}

}
