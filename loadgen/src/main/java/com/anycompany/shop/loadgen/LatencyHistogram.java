package com.anycompany.shop.loadgen;

import java.util.Arrays;

/**
 * Response times in fixed memory, whatever the run's length: log-linear buckets of
 * microseconds with 64 to 128 buckets per power of two, so a percentile is off by less
 * than 1.6%. Not thread-safe; callers synchronize.
 */
final class LatencyHistogram {

	/** 2^40 µs is about 12 days: anything beyond counts in the last bucket. */
	private static final int MAX_EXPONENT = 34;

	private final long[] counts = new long[64 * MAX_EXPONENT + 128];

	private long total;

	private long maxMicros;

	private long sumMicros;

	void record(long micros) {
		long value = Math.max(0, micros);
		this.counts[index(value)]++;
		this.total++;
		this.sumMicros += value;
		this.maxMicros = Math.max(this.maxMicros, value);
	}

	void add(LatencyHistogram other) {
		for (int i = 0; i < this.counts.length; i++) {
			this.counts[i] += other.counts[i];
		}
		this.total += other.total;
		this.sumMicros += other.sumMicros;
		this.maxMicros = Math.max(this.maxMicros, other.maxMicros);
	}

	long count() {
		return this.total;
	}

	long maxMicros() {
		return this.maxMicros;
	}

	double meanMicros() {
		return (this.total > 0) ? (double) this.sumMicros / this.total : 0;
	}

	/**
	 * The value below which {@code percent}% of the recorded values fall (nearest rank),
	 * as the middle of its bucket, never above the largest value recorded.
	 * @param percent 0 to 100
	 * @return microseconds, 0 when nothing was recorded
	 */
	long percentileMicros(double percent) {
		if (this.total == 0) {
			return 0;
		}
		long rank = Math.max(1, (long) Math.ceil(percent / 100.0 * this.total));
		long seen = 0;
		for (int i = 0; i < this.counts.length; i++) {
			seen += this.counts[i];
			if (seen >= rank) {
				return Math.min(middleOf(i), this.maxMicros);
			}
		}
		return this.maxMicros;
	}

	LatencyHistogram copy() {
		LatencyHistogram copy = new LatencyHistogram();
		copy.add(this);
		return copy;
	}

	static int index(long value) {
		int exponent = Math.max(0, 63 - Long.numberOfLeadingZeros(value) - 6);
		if (exponent > MAX_EXPONENT) {
			return 64 * MAX_EXPONENT + 127;
		}
		return (int) (64L * exponent + (value >> exponent));
	}

	static long middleOf(int index) {
		if (index < 128) {
			return index;
		}
		int exponent = index / 64 - 1;
		long low = (long) (index - 64 * exponent) << exponent;
		return low + (1L << exponent) / 2;
	}

	@Override
	public String toString() {
		return "LatencyHistogram[count=" + this.total + ", max=" + this.maxMicros + "µs, used buckets="
				+ Arrays.stream(this.counts).filter((c) -> c > 0).count() + "]";
	}

}
