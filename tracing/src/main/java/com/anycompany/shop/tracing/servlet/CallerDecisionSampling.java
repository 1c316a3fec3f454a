package com.anycompany.shop.tracing.servlet;

import com.amazonaws.xray.strategy.sampling.SamplingRequest;
import com.amazonaws.xray.strategy.sampling.SamplingResponse;
import com.amazonaws.xray.strategy.sampling.SamplingStrategy;

/**
 * The recorder's sampling strategy: the service's rules, except for a request whose
 * caller already decided ({@code Sampled=1} or {@code Sampled=0}). The SDK's
 * {@code AWSXRayServletFilter} asks the rules for every request, even when it then
 * follows the caller's decision; centralized rules count each such request in the
 * callee's statistics and spend the callee's reservoir on it, which X-Ray shares among
 * the services reporting on a rule. {@link TracedRequestFilter} tells this strategy the
 * caller's decision for the one question the SDK's filter asks while starting the
 * request's segment.
 */
public class CallerDecisionSampling implements SamplingStrategy {

	private static final ThreadLocal<Boolean> callerDecision = new ThreadLocal<>();

	private final SamplingStrategy rules;

	public CallerDecisionSampling(SamplingStrategy rules) {
		this.rules = rules;
	}

	/** The next question on this thread gets the caller's answer. */
	static void callerDecided(boolean sampled) {
		callerDecision.set(sampled);
	}

	static void forget() {
		callerDecision.remove();
	}

	@Override
	public SamplingResponse shouldTrace(SamplingRequest request) {
		Boolean decided = callerDecision.get();
		if (decided == null) {
			return this.rules.shouldTrace(request);
		}
		callerDecision.remove();
		// no rule name: only the segment whose rule decided names it
		return new SamplingResponse(decided);
	}

	@Override
	public boolean isForcedSamplingSupported() {
		return this.rules.isForcedSamplingSupported();
	}

	@Override
	public void shutdown() {
		this.rules.shutdown();
	}

}
