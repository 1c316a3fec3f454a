package com.anycompany.shop.tracing.servlet;

import com.amazonaws.xray.AWSXRayRecorder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

import com.anycompany.shop.tracing.XRayStatus;

/**
 * Records an exception thrown by a controller on the request's segment before the
 * service's own exception handling turns it into a response. Without it a failure
 * answered by an {@code @ExceptionHandler} shows in X-Ray with no exception to explain
 * it. Only the cause is recorded: whether the request was an error, a throttle or a fault
 * is decided by the status the handler answers with ({@link XRayStatus}), so a handled
 * 404 stays a 4xx.
 */
public class ExceptionRecordingResolver implements HandlerExceptionResolver, Ordered {

	private final AWSXRayRecorder recorder;

	public ExceptionRecordingResolver(AWSXRayRecorder recorder) {
		this.recorder = recorder;
	}

	@Override
	public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		this.recorder.getCurrentSegmentOptional().ifPresent((segment) -> XRayStatus.recordCause(segment, ex));
		// not resolved: the service's own handlers decide the response
		return null;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
