package com.anycompany.shop.xraylocal.otlp;

import com.anycompany.shop.xraylocal.XrayLocalProperties;
import com.anycompany.shop.xraylocal.ingest.Ingest;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OTLP/HTTP receiver, feeding the same ingest as UDP and PutTraceSegments.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OtlpProperties.class)
@ConditionalOnBooleanProperty(name = "xray.local.otlp.enabled", matchIfMissing = true)
class OtlpConfiguration {

	@Bean
	OtlpReceiver otlpReceiver(XrayLocalProperties properties, OtlpProperties otlp, Ingest ingest) {
		return new OtlpReceiver(properties.address(), otlp.port(), new OtlpReceiver.Limits(otlp.maxBodySize().toBytes(),
				otlp.maxSpans(), Math.toIntExact(otlp.maxSpanSize().toBytes())), ingest);
	}

}
