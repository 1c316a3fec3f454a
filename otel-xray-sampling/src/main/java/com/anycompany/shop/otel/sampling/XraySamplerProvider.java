package com.anycompany.shop.otel.sampling;

import java.time.Duration;
import java.util.Map;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.traces.ConfigurableSamplerProvider;
import io.opentelemetry.sdk.trace.samplers.Sampler;

/**
 * {@code OTEL_TRACES_SAMPLER=xray} for agents configured by {@code OTEL_*} variables, in
 * place of the contrib's own provider (left out of the extension jar) so that rules match
 * the stable HTTP conventions here too ({@link OldHttpConventions}). The arguments are
 * the contrib's: {@code OTEL_TRACES_SAMPLER_ARG=endpoint=http://127.0.0.1:2000}, and
 * {@code polling_interval} in milliseconds; a rule's service name matches
 * {@code OTEL_SERVICE_NAME}.
 */
public final class XraySamplerProvider implements ConfigurableSamplerProvider {

	@Override
	public Sampler createSampler(ConfigProperties config) {
		Map<String, String> arguments = config.getMap("otel.traces.sampler.arg");
		String interval = arguments.get("polling_interval");
		return XraySamplerComponentProvider.sampler(arguments.get("endpoint"),
				(interval != null) ? Duration.ofMillis(Long.parseLong(interval.strip())) : null,
				config.getString("otel.service.name"));
	}

	@Override
	public String getName() {
		return "xray";
	}

}
