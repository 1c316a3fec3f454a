package com.anycompany.shop.tracing;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import com.amazonaws.xray.AWSXRayRecorder;
import com.amazonaws.xray.entities.Segment;
import com.amazonaws.xray.entities.TraceHeader;
import com.amazonaws.xray.entities.TraceHeader.SampleDecision;
import com.amazonaws.xray.entities.TraceID;
import com.amazonaws.xray.strategy.sampling.SamplingRequest;
import com.amazonaws.xray.strategy.sampling.SamplingResponse;
import com.amazonaws.xray.strategy.sampling.SamplingStrategy;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One segment per incoming request, named after the service; the paths in
 * {@code shop.tracing.excluded-paths} get none. It writes what the SDK's
 * {@code AWSXRayServletFilter} writes, with three differences, each on purpose:
 * <ul>
 * <li>A caller's sampling decision ({@code Sampled=1} or {@code 0}) is followed without
 * asking the sampling rules: the SDK asks them for every request, so a service counted
 * its callers' requests in its own sampling statistics and spent reservoir on them. Only
 * a request that arrives undecided is sampled here, and only its segment names the
 * rule.</li>
 * <li>A request the rules leave out costs a no-op segment and the response header: no
 * {@code http} maps are built for a segment that is never sent.</li>
 * <li>An exception that escapes every handler is a fault with status 500 (what the
 * container then answers), not the 200 the response still says at that point.</li>
 * </ul>
 * The status decides error, throttle and fault as everywhere else ({@link XRayStatus}).
 */
final class RequestSegmentFilter extends OncePerRequestFilter {

	private static final int CONTAINER_ERROR = 500;

	private final AWSXRayRecorder recorder;

	private final String segmentName;

	private final ExcludedPaths excludedPaths;

	private final BackgroundWork untraced;

	RequestSegmentFilter(AWSXRayRecorder recorder, String segmentName, List<String> excludedPaths) {
		this.recorder = recorder;
		this.segmentName = segmentName;
		this.excludedPaths = new ExcludedPaths(excludedPaths);
		this.untraced = new BackgroundWork(recorder);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (this.excludedPaths.matches(request)) {
			// health probes and static assets: untraced, and their DynamoDB calls are
			// not lost context either
			untraced(request, response, chain);
			return;
		}
		Segment segment = begin(request, response);
		Throwable escaped = null;
		try {
			chain.doFilter(request, response);
		}
		catch (IOException | ServletException | RuntimeException | Error ex) {
			escaped = ex;
			throw ex;
		}
		finally {
			if (escaped == null && request.isAsyncStarted()) {
				endWhenAsyncCompletes(request, response, segment);
			}
			else {
				end(segment, response, escaped);
			}
		}
	}

	private Segment begin(HttpServletRequest request, HttpServletResponse response) {
		String headerValue = request.getHeader(TraceHeader.HEADER_KEY);
		TraceHeader incoming = (headerValue != null) ? TraceHeader.fromString(headerValue) : null;
		SampleDecision decision = (incoming != null) ? incoming.getSampled() : SampleDecision.UNKNOWN;
		String ruleName = null;
		boolean sampled;
		if (decision == SampleDecision.SAMPLED || decision == SampleDecision.NOT_SAMPLED) {
			sampled = decision == SampleDecision.SAMPLED;
		}
		else {
			SamplingResponse rules = samplingStrategy()
				.shouldTrace(new SamplingRequest(this.segmentName, request.getHeader("Host"), request.getRequestURI(),
						request.getMethod(), this.recorder.getOrigin()));
			sampled = rules.isSampled();
			ruleName = rules.getRuleName().orElse(null);
		}
		TraceID traceId = (incoming != null) ? incoming.getRootTraceId() : null;
		Segment segment;
		if (sampled || samplingStrategy().isForcedSamplingSupported()) {
			segment = (traceId != null) ? this.recorder.beginSegment(this.segmentName, traceId, incoming.getParentId())
					: this.recorder.beginSegment(this.segmentName);
			if (!sampled) {
				segment.setSampled(false);
			}
			else if (ruleName != null) {
				segment.setRuleName(ruleName);
			}
			segment.putHttp("request", requestAttributes(request));
		}
		else {
			segment = (traceId != null) ? this.recorder.beginNoOpSegment(traceId) : this.recorder.beginNoOpSegment();
		}
		response.addHeader(TraceHeader.HEADER_KEY, responseHeader(segment, decision));
		return segment;
	}

	private SamplingStrategy samplingStrategy() {
		return this.recorder.getSamplingStrategy();
	}

	private static Map<String, Object> requestAttributes(HttpServletRequest request) {
		Map<String, Object> attributes = new HashMap<>(8);
		attributes.put("url", request.getRequestURL().toString());
		attributes.put("method", request.getMethod());
		String userAgent = request.getHeader("User-Agent");
		if (userAgent != null) {
			attributes.put("user_agent", userAgent);
		}
		String forwardedFor = request.getHeader("X-Forwarded-For");
		if (forwardedFor != null) {
			// the first address is the client's; the rest are proxies on the way
			int comma = forwardedFor.indexOf(',');
			attributes.put("client_ip", ((comma >= 0) ? forwardedFor.substring(0, comma) : forwardedFor).trim());
			attributes.put("x_forwarded_for", true);
		}
		else if (request.getRemoteAddr() != null) {
			attributes.put("client_ip", request.getRemoteAddr());
		}
		return attributes;
	}

	/**
	 * The trace id for the caller; the decision only when the caller asked for it
	 * ({@code Sampled=?}), as X-Ray's header protocol has it. Written by the SDK's
	 * {@code TraceHeader}, so it reads exactly as the SDK's filter wrote it.
	 */
	private static String responseHeader(Segment segment, SampleDecision asked) {
		TraceHeader header = new TraceHeader(segment.getTraceId());
		if (asked == SampleDecision.REQUESTED) {
			header.setSampled(segment.isSampled() ? SampleDecision.SAMPLED : SampleDecision.NOT_SAMPLED);
		}
		return header.toString();
	}

	private void end(Segment segment, HttpServletResponse response, Throwable escaped) {
		if (segment.isRecording()) {
			int status = response.getStatus();
			if (escaped != null) {
				// the container answers 500 unless the answer had already begun; either
				// way the request failed on the server's side
				XRayStatus.recordNoAnswer(segment, escaped);
				if (!response.isCommitted()) {
					status = CONTAINER_ERROR;
				}
			}
			Map<String, Object> attributes = new HashMap<>(4);
			attributes.put("status", status);
			Integer contentLength = contentLength(response);
			if (contentLength != null) {
				attributes.put("content_length", contentLength);
			}
			segment.putHttp("response", attributes);
			XRayStatus.applyStatus(segment, status);
		}
		if (this.recorder.getTraceEntity() != segment) {
			// the request's work moved the thread's context (a subsegment left open):
			// end this request's segment, not whatever is current
			this.recorder.setTraceEntity(segment);
		}
		this.recorder.endSegment();
	}

	private static Integer contentLength(HttpServletResponse response) {
		String value = response.getHeader("Content-Length");
		if (value == null || value.isEmpty()) {
			return null;
		}
		try {
			return Integer.valueOf(value);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/**
	 * An asynchronous request answers on another thread: its segment ends when the
	 * container completes it, and this thread lets go of it now.
	 */
	private void endWhenAsyncCompletes(HttpServletRequest request, HttpServletResponse response, Segment segment) {
		AtomicBoolean ended = new AtomicBoolean();
		request.getAsyncContext().addListener(new AsyncListener() {

			@Override
			public void onComplete(AsyncEvent event) {
				endAsync(null);
			}

			@Override
			public void onTimeout(AsyncEvent event) {
				endAsync(event.getThrowable());
			}

			@Override
			public void onError(AsyncEvent event) {
				endAsync(event.getThrowable());
			}

			@Override
			public void onStartAsync(AsyncEvent event) {
				event.getAsyncContext().addListener(this);
			}

			private void endAsync(Throwable failure) {
				if (ended.getAndSet(true)) {
					// an error or a time-out is followed by completion
					return;
				}
				RequestSegmentFilter.this.recorder.setTraceEntity(segment);
				end(segment, response, failure);
			}

		});
		this.recorder.clearTraceEntity();
	}

	private void untraced(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			this.untraced.call(() -> {
				try {
					chain.doFilter(request, response);
					return null;
				}
				catch (IOException | ServletException ex) {
					throw new FilterFailure(ex);
				}
			});
		}
		catch (FilterFailure failure) {
			if (failure.getCause() instanceof IOException io) {
				throw io;
			}
			throw (ServletException) failure.getCause();
		}
	}

	/** Carries a checked exception through the background-work callback. */
	private static final class FilterFailure extends RuntimeException {

		FilterFailure(Exception cause) {
			super(cause);
		}

	}

}
