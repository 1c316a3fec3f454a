package com.anycompany.shop.xraylocal.graph;

import java.util.ArrayList;
import java.util.List;

/**
 * Response times counted in fixed buckets: 0.1 ms wide below 10 ms, 1 ms below 100 ms, 10
 * ms below 1 s, 100 ms below 10 s, 1 s below 100 s, and one bucket beyond. Adding is a
 * few comparisons and an array increment, so a graph over many traces stays fast.
 */
public final class Histogram {

	private static final double[] DECADE_LIMITS = { 0.01, 0.1, 1, 10, 100 };

	private static final int PER_DECADE = 100;

	private static final int BUCKETS = DECADE_LIMITS.length * PER_DECADE + 1;

	private final int[] counts = new int[BUCKETS];

	/** Adds one time, in seconds. */
	public void add(double seconds) {
		this.counts[bucket(seconds)]++;
	}

	/** Adds (or with -1 takes back) one time whose bucket is known. */
	public void addToBucket(int bucket, int delta) {
		this.counts[bucket] += delta;
	}

	public void addAll(Histogram other) {
		for (int i = 0; i < BUCKETS; i++) {
			this.counts[i] += other.counts[i];
		}
	}

	/** The bucket a time falls in, for {@link #addToBucket}. */
	public static int bucket(double seconds) {
		if (!(seconds > 0)) {
			return 0;
		}
		for (int decade = 0; decade < DECADE_LIMITS.length; decade++) {
			if (seconds < DECADE_LIMITS[decade]) {
				double width = DECADE_LIMITS[decade] / PER_DECADE;
				// the epsilon keeps 0.07 (stored as 0.0699999...) in the 70 ms bucket
				return decade * PER_DECADE + Math.min(PER_DECADE - 1, (int) (seconds / width + 1e-6));
			}
		}
		return BUCKETS - 1;
	}

	/** The lower edge of a bucket, in seconds. */
	static double value(int bucket) {
		if (bucket >= BUCKETS - 1) {
			return DECADE_LIMITS[DECADE_LIMITS.length - 1];
		}
		int decade = bucket / PER_DECADE;
		double width = DECADE_LIMITS[decade] / PER_DECADE;
		// rounded so that 0.0123 does not print as 0.012300000000000002
		return Math.round((bucket % PER_DECADE) * width * 1e7) / 1e7;
	}

	/** Non-empty buckets in ascending order, as X-Ray lists them. */
	public List<Bucket> buckets() {
		List<Bucket> buckets = new ArrayList<>();
		for (int i = 0; i < BUCKETS; i++) {
			if (this.counts[i] > 0) {
				buckets.add(new Bucket(value(i), this.counts[i]));
			}
		}
		return buckets;
	}

	/**
	 * One bar of the histogram.
	 *
	 * @param value the bucket's lower edge, seconds
	 * @param count how many times fell in it
	 */
	public record Bucket(double value, int count) {
	}

}
