package com.anycompany.shop.chaos;

import java.util.concurrent.ThreadLocalRandom;

/**
 * The faults currently injected into this service. Changed at run time through the
 * {@code chaos} actuator endpoint; read on every request, so kept in volatile fields.
 */
public class ChaosSettings {

	private volatile long latencyMs;

	private volatile double errorRate;

	private volatile double throttleRate;

	public long latencyMs() {
		return this.latencyMs;
	}

	public double errorRate() {
		return this.errorRate;
	}

	public double throttleRate() {
		return this.throttleRate;
	}

	/** Applies the given values; a null leaves that setting as it is. */
	public void update(Long latencyMs, Double errorRate, Double throttleRate) {
		if (latencyMs != null) {
			if (latencyMs < 0 || latencyMs > 60_000) {
				throw new IllegalArgumentException("latencyMs must be between 0 and 60000, was " + latencyMs);
			}
			this.latencyMs = latencyMs;
		}
		if (errorRate != null) {
			this.errorRate = rate("errorRate", errorRate);
		}
		if (throttleRate != null) {
			this.throttleRate = rate("throttleRate", throttleRate);
		}
	}

	public void reset() {
		this.latencyMs = 0;
		this.errorRate = 0;
		this.throttleRate = 0;
	}

	boolean rollError() {
		return roll(this.errorRate);
	}

	boolean rollThrottle() {
		return roll(this.throttleRate);
	}

	private static boolean roll(double rate) {
		return rate > 0 && ThreadLocalRandom.current().nextDouble() < rate;
	}

	private static double rate(String name, double value) {
		if (!(value >= 0 && value <= 1)) {
			throw new IllegalArgumentException(name + " must be between 0 and 1, was " + value);
		}
		return value;
	}

}
