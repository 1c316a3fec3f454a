package com.anycompany.shop.tracing.otel;

import io.micrometer.observation.transport.ReceiverContext;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.PropagatingReceiverTracingObservationHandler;
import io.micrometer.tracing.propagation.Propagator;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * Boot's handler for incoming requests, with the request's method, path and host on the
 * span before it starts. Spring's observation puts its attributes on the span only when
 * the request ends, but the sampler decides when the span starts: X-Ray's rules match on
 * service, method, URL path and host, and the contrib's {@code AwsXrayRemoteSampler}
 * reads them under these (older semantic-convention) names.
 */
class XRaySamplingReceiverHandler extends PropagatingReceiverTracingObservationHandler<ReceiverContext<?>> {

	static final String METHOD = "http.method";

	static final String TARGET = "http.target";

	static final String HOST = "net.host.name";

	XRaySamplingReceiverHandler(Tracer tracer, Propagator propagator) {
		super(tracer, propagator);
	}

	@Override
	public Span.Builder customizeExtractedSpan(ReceiverContext<?> context, Span.Builder builder) {
		if (context instanceof ServerRequestObservationContext server) {
			HttpServletRequest request = server.getCarrier();
			builder.tag(METHOD, request.getMethod());
			builder.tag(TARGET, request.getRequestURI());
			builder.tag(HOST, request.getServerName());
		}
		return builder;
	}

}
