package com.anycompany.shop.tracing;

import com.amazonaws.xray.AWSXRayRecorder;
import com.amazonaws.xray.entities.Segment;

/**
 * Adds searchable annotations to the segment of the request being served. Safe to call
 * anywhere: outside a traced request, or with tracing switched off, it does nothing.
 */
public class TraceAnnotations {

	private final AWSXRayRecorder recorder;

	/**
	 * @param recorder the recorder, or null when tracing is switched off
	 */
	public TraceAnnotations(AWSXRayRecorder recorder) {
		this.recorder = recorder;
	}

	/** A no-op instance, for tracing switched off and for tests. */
	public static TraceAnnotations disabled() {
		return new TraceAnnotations(null);
	}

	public void put(String key, String value) {
		if (value != null) {
			withSegment((segment) -> segment.putAnnotation(key, value));
		}
	}

	public void put(String key, Number value) {
		if (value != null) {
			withSegment((segment) -> segment.putAnnotation(key, value));
		}
	}

	public void put(String key, boolean value) {
		withSegment((segment) -> segment.putAnnotation(key, value));
	}

	private void withSegment(java.util.function.Consumer<Segment> action) {
		if (this.recorder != null) {
			this.recorder.getCurrentSegmentOptional().ifPresent(action);
		}
	}

}
