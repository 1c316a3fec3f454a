package com.anycompany.shop.tracing;

import com.amazonaws.xray.AWSXRayRecorder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Records an exception thrown by a controller on the request's segment before the
 * service's own exception handling turns it into an error response. Without it a fault
 * answered by an {@code @ExceptionHandler} shows in X-Ray with no exception to explain
 * it.
 */
class ExceptionRecordingResolver implements HandlerExceptionResolver, Ordered {

	private final AWSXRayRecorder recorder;

	ExceptionRecordingResolver(AWSXRayRecorder recorder) {
		this.recorder = recorder;
	}

	@Override
	public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		this.recorder.getCurrentSegmentOptional().ifPresent((segment) -> segment.addException(ex));
		// not resolved: the service's own handlers decide the response
		return null;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
