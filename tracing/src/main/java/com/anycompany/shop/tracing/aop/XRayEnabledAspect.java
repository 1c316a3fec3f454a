package com.anycompany.shop.tracing.aop;

import com.amazonaws.xray.AWSXRay;
import com.amazonaws.xray.AWSXRayRecorder;
import com.amazonaws.xray.entities.Subsegment;
import com.amazonaws.xray.spring.aop.BaseAbstractXRayInterceptor;
import com.amazonaws.xray.spring.aop.XRayInterceptorUtils;
import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Aspect;
import org.aspectj.lang.annotation.Pointcut;

import org.springframework.web.ErrorResponse;

import com.anycompany.shop.tracing.XRayStatus;

/**
 * One subsegment per public method of a bean annotated with
 * {@link com.amazonaws.xray.spring.aop.XRayEnabled @XRayEnabled}.
 * <p>
 * The SDK's own {@code AbstractXRayInterceptor} names Spring Data's {@code Repository} in
 * its pointcut; without Spring Data on the classpath Spring rejects the whole expression
 * and the aspect silently advises nothing. This one extends the base class, which has no
 * such pointcut.
 * <p>
 * The base class also records an exception thrown by the method with {@code addException}
 * on the request's <em>segment</em>, which marks the whole request a fault: an order
 * refused with 409 because the cart is empty would turn orderservice red. Here the
 * exception is recorded on the method's own subsegment, flagged by the status it carries
 * ({@link XRayStatus}); only an exception without one is a fault. The segment's flags
 * stay with the status the service answers.
 */
@Aspect
public class XRayEnabledAspect extends BaseAbstractXRayInterceptor {

	@Override
	@Pointcut("@within(com.amazonaws.xray.spring.aop.XRayEnabled) && execution(public * *(..))")
	protected void xrayEnabledClasses() {
	}

	@Override
	protected Object processXRayTrace(ProceedingJoinPoint pjp) throws Throwable {
		AWSXRayRecorder recorder = AWSXRay.getGlobalRecorder();
		Subsegment subsegment = recorder.beginSubsegment(pjp.getSignature().getName());
		try {
			return XRayInterceptorUtils.conditionalProceed(pjp);
		}
		catch (Exception ex) {
			if (subsegment.getParentSegment().isRecording()) {
				XRayStatus.recordCause(subsegment, ex);
				if (ex instanceof ErrorResponse answered) {
					XRayStatus.applyStatus(subsegment, answered.getStatusCode().value());
				}
				else {
					subsegment.setFault(true);
				}
			}
			throw ex;
		}
		finally {
			recorder.endSubsegment();
		}
	}

}
