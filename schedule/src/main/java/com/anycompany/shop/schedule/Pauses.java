package com.anycompany.shop.schedule;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How long to wait before each chaos round: drawn between a minimum and a maximum, both
 * included (the workshop's "every 2 to 5 minutes").
 *
 * @param min the shortest pause
 * @param max the longest pause
 */
public record Pauses(Duration min, Duration max) {

	/** The workshop's rhythm: every 2 to 5 minutes. */
	public static final Pauses DEFAULT = new Pauses(Duration.ofMinutes(2), Duration.ofMinutes(5));

	/**
	 * @throws IllegalArgumentException when min is not positive or max is below min
	 */
	public Pauses {
		Objects.requireNonNull(min, "min");
		Objects.requireNonNull(max, "max");
		if (min.isNegative() || min.isZero()) {
			throw new IllegalArgumentException("The shortest pause must be positive, was " + Durations.format(min));
		}
		if (max.compareTo(min) < 0) {
			throw new IllegalArgumentException("The longest pause (" + Durations.format(max)
					+ ") is shorter than the shortest (" + Durations.format(min) + ")");
		}
	}

	/** Always the same pause. */
	public static Pauses every(Duration interval) {
		return new Pauses(interval, interval);
	}

	/**
	 * From options a person may leave out: a fixed interval wins; else min and max, each
	 * defaulting to {@link #DEFAULT}'s, and a lone bound beyond the other default moves
	 * it (a minimum of 10 minutes alone means 10 minutes).
	 * @param interval a fixed pause, or null
	 * @param min the shortest pause, or null
	 * @param max the longest pause, or null
	 */
	public static Pauses of(Duration interval, Duration min, Duration max) {
		if (interval != null) {
			return every(interval);
		}
		Duration low = (min != null) ? min : DEFAULT.min();
		Duration high = (max != null) ? max : DEFAULT.max();
		if (min != null && max == null && high.compareTo(low) < 0) {
			high = low;
		}
		if (max != null && min == null && low.compareTo(high) > 0) {
			low = high;
		}
		return new Pauses(low, high);
	}

	/** The next pause, in {@code [min, max]} at millisecond resolution. */
	public Duration next(RandomGenerator random) {
		long spread = this.max.toMillis() - this.min.toMillis();
		return this.min.plusMillis((spread > 0) ? random.nextLong(spread + 1) : 0);
	}

	/** {@code 20.0s}, or {@code 2m00s to 5m00s}. */
	public String describe() {
		return this.min.equals(this.max) ? Durations.format(this.min)
				: Durations.format(this.min) + " to " + Durations.format(this.max);
	}

}
