package com.anycompany.shop.launcher.process;

import java.time.Duration;

/**
 * How long to wait before restarting a process that died, as Kubernetes does for a
 * crashing container: the delay doubles with every crash in a row up to a maximum, and
 * starts over once the process has run long enough.
 *
 * @param initial the first delay
 * @param factor how much each further crash in a row multiplies it
 * @param max the longest delay
 * @param resetAfter a process that ran at least this long before it died starts the
 * series over
 */
public record Backoff(Duration initial, double factor, Duration max, Duration resetAfter) {

	/**
	 * Kubernetes waits 10 s, doubling to 5 min, reset after 10 min; on a laptop the same
	 * rhythm shortened: 1 s, 2 s, 4 s ... 30 s, reset after a minute.
	 */
	public static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(1), 2, Duration.ofSeconds(30),
			Duration.ofMinutes(1));

	public Backoff {
		if (initial.isNegative() || max.compareTo(initial) < 0 || factor < 1) {
			throw new IllegalArgumentException("invalid backoff " + initial + " x" + factor + " up to " + max);
		}
	}

	/**
	 * The delay before the next start.
	 * @param crashesInARow crashes since the process last ran long enough, this one
	 * included (1 for the first)
	 * @return the delay
	 */
	public Duration delay(int crashesInARow) {
		double millis = this.initial.toMillis() * Math.pow(this.factor, Math.max(0, crashesInARow - 1));
		return (millis >= this.max.toMillis()) ? this.max : Duration.ofMillis((long) millis);
	}

}
