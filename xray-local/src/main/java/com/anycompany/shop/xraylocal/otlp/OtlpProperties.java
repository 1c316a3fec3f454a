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
 * @param maxBodySize an export request's body at most, after gzip is undone; 5 MB as
 * X-Ray's OTLP endpoint (a larger request is refused whole, 413)
 * @param maxSpans spans in one request at most; 10,000 as X-Ray's OTLP endpoint (more are
 * refused whole, 400)
 * @param maxSpanSize one span's encoded size at most; 200 KB as X-Ray's OTLP endpoint (a
 * larger span is refused alone, in {@code partial_success})
 */
@ConfigurationProperties("xray.local.otlp")
public record OtlpProperties(@DefaultValue("true") boolean enabled, @DefaultValue("4318") int port,
		@DefaultValue("5MB") DataSize maxBodySize, @DefaultValue("10000") int maxSpans,
		@DefaultValue("200KB") DataSize maxSpanSize) {

}
