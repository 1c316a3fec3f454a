package com.anycompany.shop.tracing.http;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.amazonaws.xray.AWSXRayRecorder;
import com.anycompany.shop.tracing.XRayStatus;
import com.amazonaws.xray.entities.Entity;
import com.amazonaws.xray.entities.Segment;
import com.amazonaws.xray.entities.Subsegment;
import com.amazonaws.xray.entities.TraceHeader;
import com.amazonaws.xray.entities.TraceHeader.SampleDecision;
import com.amazonaws.xray.exceptions.SegmentNotFoundException;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * One {@code remote} subsegment per outgoing call, named after the callee, and the trace
 * header that makes the callee's segment a child of that subsegment.
 */
class XRayRestClientInterceptor implements ClientHttpRequestInterceptor {

	private final AWSXRayRecorder recorder;

	private final String calleeName;

	XRayRestClientInterceptor(AWSXRayRecorder recorder, String calleeName) {
		this.recorder = recorder;
		this.calleeName = calleeName;
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		Entity current = this.recorder.getTraceEntity();
		if (current == null) {
			// a call from a thread that lost its request's context: say so (the
			// recorder's context-missing strategy logs and counts it), then call
			// untraced
			this.recorder.getContextMissingStrategy()
				.contextMissing("No trace context for the call to " + this.calleeName, SegmentNotFoundException.class);
			return execution.execute(request, body);
		}
		if (!current.getParentSegment().isRecording()) {
			// a request the sampling rule left out, or background work: tell the callee,
			// so it leaves the request out too instead of sampling a trace of its own
			// that would have no root
			request.getHeaders()
				.set(TraceHeader.HEADER_KEY,
						new TraceHeader(current.getParentSegment().getTraceId(), null, SampleDecision.NOT_SAMPLED)
							.toString());
			return execution.execute(request, body);
		}
		// beginSubsegment makes the subsegment the thread's current entity, and ending it
		// by
		// reference (it may end later, when the body is closed) does not switch back:
		// restore
		// the caller's entity so the next call is a sibling, not a child
		Entity previous = this.recorder.getTraceEntity();
		Subsegment subsegment = this.recorder.beginSubsegment(this.calleeName);
		try {
			subsegment.setNamespace("remote");
			Map<String, Object> httpRequest = new LinkedHashMap<>();
			httpRequest.put("method", request.getMethod().name());
			httpRequest.put("url", request.getURI().toString());
			httpRequest.put("traced", true);
			subsegment.putHttp("request", httpRequest);
			request.getHeaders().set(TraceHeader.HEADER_KEY, traceHeader(subsegment).toString());

			ClientHttpResponse response = execution.execute(request, body);
			recordResponse(subsegment, response);
			// ended when the caller closes the response, after reading the body
			return new TracedResponse(response, this.recorder, subsegment);
		}
		catch (IOException | RuntimeException ex) {
			// connection refused, timeout: the callee never answered, so it is a fault
			// here
			XRayStatus.recordNoAnswer(subsegment, ex);
			this.recorder.endSubsegment(subsegment);
			throw ex;
		}
		finally {
			this.recorder.setTraceEntity(previous);
		}
	}

	private static TraceHeader traceHeader(Subsegment subsegment) {
		Segment segment = subsegment.getParentSegment();
		boolean sampled = segment.isSampled();
		return new TraceHeader(segment.getTraceId(), sampled ? subsegment.getId() : null,
				sampled ? SampleDecision.SAMPLED : SampleDecision.NOT_SAMPLED);
	}

	private static void recordResponse(Subsegment subsegment, ClientHttpResponse response) throws IOException {
		int status = response.getStatusCode().value();
		Map<String, Object> httpResponse = new LinkedHashMap<>();
		httpResponse.put("status", status);
		long contentLength = response.getHeaders().getContentLength();
		if (contentLength >= 0) {
			httpResponse.put("content_length", contentLength);
		}
		subsegment.putHttp("response", httpResponse);
		XRayStatus.applyStatus(subsegment, status);
	}

}
