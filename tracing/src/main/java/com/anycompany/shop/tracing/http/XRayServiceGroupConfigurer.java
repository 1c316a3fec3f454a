package com.anycompany.shop.tracing.http;

import com.amazonaws.xray.AWSXRayRecorder;

import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientHttpServiceGroupConfigurer;

/**
 * Traces every HTTP service group: each call a {@code remote} subsegment named after the
 * group (the callee's name on the service map), and the {@code X-Amzn-Trace-Id} header
 * that makes the callee's segment its child. The interceptor goes first, so it also sees
 * the calls that get no answer.
 */
public class XRayServiceGroupConfigurer implements RestClientHttpServiceGroupConfigurer {

	private final AWSXRayRecorder recorder;

	public XRayServiceGroupConfigurer(AWSXRayRecorder recorder) {
		this.recorder = recorder;
	}

	@Override
	public void configureGroups(Groups<RestClient.Builder> groups) {
		groups.forEachClient((group, client) -> client.requestInterceptors(
				(interceptors) -> interceptors.add(0, new XRayRestClientInterceptor(this.recorder, group.name()))));
	}

}
