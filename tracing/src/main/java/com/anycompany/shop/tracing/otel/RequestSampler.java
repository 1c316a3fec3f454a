package com.anycompany.shop.tracing.otel;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;

/**
 * Where a trace may start, as with the X-Ray SDK: a span inside a trace follows its
 * parent's decision (the caller's {@code Sampled} flag included), and a new trace starts
 * only at an incoming request (a SERVER span), sampled as the rules say. Work a service
 * does on its own (start-up table checks, the catalog's seeding, scheduled refreshes) has
 * no segment with the SDK, so its AWS and HTTP calls are not traced; here they would be
 * root spans of their own, and are dropped. Closing it stops the rules' polling.
 */
final class RequestSampler implements Sampler, Closeable {

	private final Sampler rules;

	private final Sampler parentBased;

	RequestSampler(Sampler rules) {
		this.rules = rules;
		this.parentBased = Sampler.parentBased(new Root(rules));
	}

	@Override
	public SamplingResult shouldSample(Context parentContext, String traceId, String name, SpanKind spanKind,
			Attributes attributes, List<LinkData> parentLinks) {
		return this.parentBased.shouldSample(parentContext, traceId, name, spanKind, attributes, parentLinks);
	}

	@Override
	public String getDescription() {
		return "RequestSampler{" + this.parentBased.getDescription() + "}";
	}

	@Override
	public void close() throws IOException {
		if (this.rules instanceof Closeable closeable) {
			closeable.close();
		}
	}

	/** The root decision: requests by the rules, anything else dropped. */
	private record Root(Sampler rules) implements Sampler {

		@Override
		public SamplingResult shouldSample(Context parentContext, String traceId, String name, SpanKind spanKind,
				Attributes attributes, List<LinkData> parentLinks) {
			if (spanKind != SpanKind.SERVER) {
				return SamplingResult.drop();
			}
			return this.rules.shouldSample(parentContext, traceId, name, spanKind, attributes, parentLinks);
		}

		@Override
		public String getDescription() {
			return "requests only, " + this.rules.getDescription();
		}

	}

}
