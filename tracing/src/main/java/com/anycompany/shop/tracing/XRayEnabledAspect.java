package com.anycompany.shop.tracing;

import com.amazonaws.xray.spring.aop.BaseAbstractXRayInterceptor;
import org.aspectj.lang.annotation.Aspect;
import org.aspectj.lang.annotation.Pointcut;

/**
 * One subsegment per public method of a bean annotated with
 * {@link com.amazonaws.xray.spring.aop.XRayEnabled @XRayEnabled}.
 * <p>
 * The SDK's own {@code AbstractXRayInterceptor} names Spring Data's {@code Repository} in
 * its pointcut; without Spring Data on the classpath Spring rejects the whole expression
 * and the aspect silently advises nothing. This one extends the base class, which has no
 * such pointcut.
 */
@Aspect
public class XRayEnabledAspect extends BaseAbstractXRayInterceptor {

	@Override
	@Pointcut("@within(com.amazonaws.xray.spring.aop.XRayEnabled) && execution(public * *(..))")
	protected void xrayEnabledClasses() {
	}

}
