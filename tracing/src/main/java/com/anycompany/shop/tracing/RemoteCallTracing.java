package com.anycompany.shop.tracing;

import com.amazonaws.xray.AWSXRayRecorder;

import org.springframework.http.client.ClientHttpRequestInterceptor;

/**
 * Makes the interceptor that traces calls to one downstream service. Exists only while
 * tracing is on; {@link RemoteServiceClients} applies it to every client it builds.
 */
public class RemoteCallTracing {

	private final AWSXRayRecorder recorder;

	public RemoteCallTracing(AWSXRayRecorder recorder) {
		this.recorder = recorder;
	}

	/**
	 * An interceptor that records each call as a {@code remote} subsegment named after
	 * the callee.
	 */
	public ClientHttpRequestInterceptor interceptorFor(String calleeName) {
		return new XRayRestClientInterceptor(this.recorder, calleeName);
	}

}
