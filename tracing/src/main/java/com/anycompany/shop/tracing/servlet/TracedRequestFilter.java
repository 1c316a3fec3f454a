package com.anycompany.shop.tracing.servlet;

import java.io.IOException;
import java.util.List;

import com.amazonaws.xray.AWSXRayRecorder;
import com.amazonaws.xray.entities.Entity;
import com.amazonaws.xray.entities.TraceHeader;
import com.amazonaws.xray.entities.TraceHeader.SampleDecision;
import com.amazonaws.xray.jakarta.servlet.AWSXRayServletFilter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.server.PathContainer;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The SDK's {@link AWSXRayServletFilter} makes each request's segment; this filter sits
 * in front of it for three things the SDK's filter does not do:
 * <ul>
 * <li>Paths in {@code shop.tracing.excluded-paths} (health probes, static assets) skip it
 * and run inside a no-op segment, so their DynamoDB calls are untraced on purpose, not
 * lost context.</li>
 * <li>A caller's {@code Sampled=1}/{@code Sampled=0} is handed to
 * {@link CallerDecisionSampling}, so the SDK's filter follows it without asking the
 * sampling rules.</li>
 * <li>An exception that escapes every handler sets status 500 (what the container then
 * answers) before the SDK's filter reads the status, which would otherwise still be the
 * 200 the response started with.</li>
 * </ul>
 */
public class TracedRequestFilter extends OncePerRequestFilter {

	private static final int CONTAINER_ERROR = 500;

	private final AWSXRayServletFilter xray;

	private final AWSXRayRecorder recorder;

	private final List<PathPattern> excludedPaths;

	public TracedRequestFilter(AWSXRayServletFilter xray, AWSXRayRecorder recorder, List<String> excludedPaths) {
		this.xray = xray;
		this.recorder = recorder;
		this.excludedPaths = excludedPaths.stream().map(PathPatternParser.defaultInstance::parse).toList();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (isExcluded(request)) {
			untraced(request, response, chain);
			return;
		}
		String header = request.getHeader(TraceHeader.HEADER_KEY);
		SampleDecision caller = (header != null) ? TraceHeader.fromString(header).getSampled() : null;
		if (caller == SampleDecision.SAMPLED || caller == SampleDecision.NOT_SAMPLED) {
			CallerDecisionSampling.callerDecided(caller == SampleDecision.SAMPLED);
		}
		try {
			this.xray.doFilter(request, response, (tracedRequest, tracedResponse) -> {
				// the SDK's filter has asked its one question by now
				CallerDecisionSampling.forget();
				try {
					chain.doFilter(tracedRequest, tracedResponse);
				}
				catch (IOException | ServletException | RuntimeException | Error ex) {
					if (!response.isCommitted()) {
						response.setStatus(CONTAINER_ERROR);
					}
					throw ex;
				}
			});
		}
		finally {
			CallerDecisionSampling.forget();
		}
	}

	private boolean isExcluded(HttpServletRequest request) {
		PathContainer path = PathContainer
			.parsePath(request.getRequestURI().substring(request.getContextPath().length()));
		return this.excludedPaths.stream().anyMatch((pattern) -> pattern.matches(path));
	}

	private void untraced(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Entity noOp = this.recorder.beginNoOpSegment();
		try {
			chain.doFilter(request, response);
		}
		finally {
			if (this.recorder.getTraceEntity() == noOp) {
				this.recorder.clearTraceEntity();
			}
		}
	}

}
