package com.anycompany.shop.otel.sampling;

import java.util.List;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;

/**
 * Lets the contrib sampler match rules on spans written with the stable HTTP semantic
 * conventions. The contrib sampler served on Maven Central here (1.43.0) matches a rule's
 * {@code HTTPMethod}, {@code URLPath} and {@code Host} against the old attribute names
 * ({@code http.method}, {@code http.target}, {@code http.url}, {@code http.host},
 * {@code net.host.name}); the agent writes the stable ones ({@code http.request.method},
 * {@code url.path}, {@code url.full}, {@code server.address}). Without this, every rule
 * but those of {@code *} method and path would silently never match. Old names a span
 * already has are left alone.
 */
final class OldHttpConventions implements Sampler {

	private static final AttributeKey<String> HTTP_REQUEST_METHOD = AttributeKey.stringKey("http.request.method");

	private static final AttributeKey<String> URL_PATH = AttributeKey.stringKey("url.path");

	private static final AttributeKey<String> URL_QUERY = AttributeKey.stringKey("url.query");

	private static final AttributeKey<String> URL_FULL = AttributeKey.stringKey("url.full");

	private static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");

	private static final AttributeKey<String> HTTP_METHOD = AttributeKey.stringKey("http.method");

	private static final AttributeKey<String> HTTP_TARGET = AttributeKey.stringKey("http.target");

	private static final AttributeKey<String> HTTP_URL = AttributeKey.stringKey("http.url");

	private static final AttributeKey<String> HTTP_HOST = AttributeKey.stringKey("http.host");

	private static final AttributeKey<String> NET_HOST_NAME = AttributeKey.stringKey("net.host.name");

	private final Sampler delegate;

	OldHttpConventions(Sampler delegate) {
		this.delegate = delegate;
	}

	@Override
	public SamplingResult shouldSample(Context parentContext, String traceId, String name, SpanKind spanKind,
			Attributes attributes, List<LinkData> parentLinks) {
		return this.delegate.shouldSample(parentContext, traceId, name, spanKind, withOldNames(attributes),
				parentLinks);
	}

	static Attributes withOldNames(Attributes attributes) {
		String method = attributes.get(HTTP_REQUEST_METHOD);
		String path = attributes.get(URL_PATH);
		String full = attributes.get(URL_FULL);
		String host = attributes.get(SERVER_ADDRESS);
		if (method == null && path == null && full == null && host == null) {
			return attributes;
		}
		AttributesBuilder builder = attributes.toBuilder();
		putIfAbsent(builder, attributes, HTTP_METHOD, method);
		if (path != null) {
			String query = attributes.get(URL_QUERY);
			putIfAbsent(builder, attributes, HTTP_TARGET,
					(query == null || query.isEmpty()) ? path : path + "?" + query);
		}
		putIfAbsent(builder, attributes, HTTP_URL, full);
		putIfAbsent(builder, attributes, HTTP_HOST, host);
		putIfAbsent(builder, attributes, NET_HOST_NAME, host);
		return builder.build();
	}

	private static void putIfAbsent(AttributesBuilder builder, Attributes attributes, AttributeKey<String> key,
			String value) {
		if (value != null && attributes.get(key) == null) {
			builder.put(key, value);
		}
	}

	@Override
	public String getDescription() {
		return this.delegate.getDescription();
	}

}
