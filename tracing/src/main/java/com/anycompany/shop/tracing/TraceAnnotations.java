package com.anycompany.shop.tracing;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import com.amazonaws.xray.AWSXRayRecorder;
import com.amazonaws.xray.entities.Segment;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Adds searchable annotations to the request being served. Safe to call anywhere: outside
 * a traced request it does nothing.
 * <p>
 * With the X-Ray SDK they go on the request's segment. With the SDK switched off and the
 * OpenTelemetry Java agent running the service instead, they become attributes of the
 * current span, listed in {@code aws.xray.annotations}: X-Ray's OTLP ingestion (and
 * xray-local's) turns exactly those into annotations, so {@code annotation.ProductID}
 * finds the same traces in both modes. Without the agent the OpenTelemetry API is a
 * no-op.
 */
public class TraceAnnotations {

	/** The span attribute naming the attributes that X-Ray indexes as annotations. */
	static final AttributeKey<List<String>> INDEXED = AttributeKey.stringArrayKey("aws.xray.annotations");

	private static final String KEYS_ATTRIBUTE = TraceAnnotations.class.getName() + ".keys";

	private final AWSXRayRecorder recorder;

	/**
	 * @param recorder the recorder, or null when the X-Ray SDK is switched off
	 */
	public TraceAnnotations(AWSXRayRecorder recorder) {
		this.recorder = recorder;
	}

	/** For the X-Ray SDK switched off (and for tests): span attributes, if any span. */
	public static TraceAnnotations disabled() {
		return new TraceAnnotations(null);
	}

	public void put(String key, String value) {
		if (value != null) {
			put(key, (segment) -> segment.putAnnotation(key, value), (span) -> span.setAttribute(key, value));
		}
	}

	public void put(String key, Number value) {
		if (value != null) {
			put(key, (segment) -> segment.putAnnotation(key, value),
					(span) -> span.setAttribute(key, value.doubleValue()));
		}
	}

	public void put(String key, boolean value) {
		put(key, (segment) -> segment.putAnnotation(key, value), (span) -> span.setAttribute(key, value));
	}

	private void put(String key, Consumer<Segment> onSegment, Consumer<Span> onSpan) {
		if (this.recorder != null) {
			this.recorder.getCurrentSegmentOptional().ifPresent(onSegment);
			return;
		}
		Span span = Span.current();
		if (!span.getSpanContext().isValid()) {
			return;
		}
		onSpan.accept(span);
		span.setAttribute(INDEXED, List.copyOf(indexedKeys(key)));
	}

	/**
	 * The keys annotated so far in this request (the attribute is replaced each time).
	 */
	@SuppressWarnings("unchecked")
	private static Set<String> indexedKeys(String key) {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		Set<String> keys = (request != null)
				? (Set<String>) request.getAttribute(KEYS_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) : null;
		if (keys == null) {
			keys = new LinkedHashSet<>();
			if (request != null) {
				request.setAttribute(KEYS_ATTRIBUTE, keys, RequestAttributes.SCOPE_REQUEST);
			}
		}
		keys.add(key);
		return keys;
	}

}
