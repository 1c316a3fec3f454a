package com.anycompany.shop.tracing.context;

import com.amazonaws.xray.entities.Entity;
import com.amazonaws.xray.listeners.SegmentListener;
import org.slf4j.MDC;

/**
 * Keeps the current trace id in the logging MDC, so every log line written while a
 * request is traced can be found from its trace (and the other way round). Same key and
 * value shape as the SDK's SLF4J listener, which is not published for the SDK version
 * used here.
 */
public class TraceIdMdcListener implements SegmentListener {

	/** The MDC key, and the value's shape: {@code traceId@entityId}. */
	public static final String MDC_KEY = "AWS-XRAY-TRACE-ID";

	@Override
	public void onSetEntity(Entity previous, Entity current) {
		if (current == null || !current.getParentSegment().isRecording()) {
			MDC.remove(MDC_KEY);
			return;
		}
		MDC.put(MDC_KEY, current.getParentSegment().getTraceId() + "@" + current.getId());
	}

	@Override
	public void onClearEntity(Entity previous) {
		MDC.remove(MDC_KEY);
	}

}
