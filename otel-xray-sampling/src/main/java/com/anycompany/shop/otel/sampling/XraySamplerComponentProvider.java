package com.anycompany.shop.otel.sampling;

import java.time.Duration;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.incubator.config.DeclarativeConfigProperties;
import io.opentelemetry.contrib.awsxray.AwsXrayRemoteSampler;
import io.opentelemetry.sdk.autoconfigure.spi.internal.ComponentProvider;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.samplers.Sampler;

/**
 * X-Ray remote sampling in the agent's declarative configuration: the sampler named
 * {@code xray}, the OpenTelemetry Java contrib's {@link AwsXrayRemoteSampler}, polling
 * the rules ({@code GetSamplingRules}) and reporting statistics ({@code SamplingTargets})
 * at an X-Ray daemon, the collector's {@code awsproxy}, or xray-local. The contrib offers
 * it to {@code OTEL_TRACES_SAMPLER=xray} only ({@link XraySamplerProvider} here); a
 * configuration file names samplers through this SPI instead, so this adds the same
 * sampler there (able to match rules on the stable HTTP conventions the agent writes,
 * {@link OldHttpConventions}):
 *
 * <pre>
 * sampler:
 *   parent_based:
 *     root:
 *       xray:
 *         endpoint: http://127.0.0.1:2000   # default http://localhost:2000
 *         polling_interval: 300000          # rules, in ms; targets follow X-Ray's own interval
 *         service_name: frontend            # what rules' ServiceName matches
 * </pre>
 */
public final class XraySamplerComponentProvider implements ComponentProvider<Sampler> {

	/** The daemon's address, as the contrib sampler defaults to it. */
	static final String DEFAULT_ENDPOINT = "http://localhost:2000";

	/** As the X-Ray SDKs poll rules: every five minutes. */
	static final long DEFAULT_POLLING_INTERVAL_MILLIS = 300_000;

	private static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");

	@Override
	public Class<Sampler> getType() {
		return Sampler.class;
	}

	@Override
	public String getName() {
		return "xray";
	}

	@Override
	public Sampler create(DeclarativeConfigProperties config) {
		Long interval = config.getLong("polling_interval");
		return sampler(config.getString("endpoint"), (interval != null) ? Duration.ofMillis(interval) : null,
				config.getString("service_name"));
	}

	/**
	 * The contrib sampler polling this endpoint (the daemon's default when null), rules
	 * every {@code interval} (five minutes when null), matching rules for this service.
	 */
	static Sampler sampler(String endpoint, Duration interval, String serviceName) {
		// a sampler cannot see the SDK's resource from here; rules match on the service's
		// name, so the configuration says it
		Resource resource = (serviceName == null || serviceName.isBlank()) ? Resource.getDefault()
				: Resource.getDefault().merge(Resource.create(Attributes.of(SERVICE_NAME, serviceName)));
		return new OldHttpConventions(AwsXrayRemoteSampler.newBuilder(resource)
			.setEndpoint((endpoint == null || endpoint.isBlank()) ? DEFAULT_ENDPOINT : endpoint)
			.setPollingInterval((interval == null || interval.isNegative() || interval.isZero())
					? Duration.ofMillis(DEFAULT_POLLING_INTERVAL_MILLIS) : interval)
			.build());
	}

}
