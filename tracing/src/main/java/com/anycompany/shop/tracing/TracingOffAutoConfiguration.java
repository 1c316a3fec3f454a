package com.anycompany.shop.tracing;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The public API's do-nothing beans when {@code shop.tracing.enabled=false}: services
 * inject {@link TraceAnnotations} and {@link BackgroundWork} whether tracing is on or
 * off.
 */
@AutoConfiguration(after = XRayTracingAutoConfiguration.class)
public class TracingOffAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	public TraceAnnotations traceAnnotations() {
		return TraceAnnotations.disabled();
	}

	@Bean
	@ConditionalOnMissingBean
	public BackgroundWork backgroundWork() {
		return BackgroundWork.untraced();
	}

}
