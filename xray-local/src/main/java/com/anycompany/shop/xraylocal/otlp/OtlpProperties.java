package com.anycompany.shop.xraylocal.otlp;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the OTLP/HTTP receiver, under {@code xray.local.otlp} (environment:
 * {@code XRAY_LOCAL_OTLP_*}); it listens on {@code xray.local.address}.
 *
 * @param enabled whether to receive OTLP at all
 * @param port the OTLP/HTTP port; 4318 as OTLP/HTTP's standard, 0 for any free port
 * @param maxBodySize an export request's body at most, after gzip is undone
 */
@ConfigurationProperties("xray.local.otlp")
public record OtlpProperties(@DefaultValue("true") boolean enabled, @DefaultValue("4318") int port,
		@DefaultValue("16MB") DataSize maxBodySize) {

}
