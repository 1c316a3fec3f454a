package com.anycompany.shop.xraylocal.graph;

import com.anycompany.shop.xraylocal.store.TraceFacts;

/**
 * Counts of a node or an edge the way X-Ray reports them: ok, errors (4xx, among them
 * throttles), faults (5xx), and the summed response time.
 */
public final class Stats {

	private long ok;

	private long errorOther;

	private long throttle;

	private long fault;

	private double totalResponseTime;

	private final Histogram histogram = new Histogram();

	/**
	 * Counts one occurrence as packed by {@link TraceFacts#packed()} ({@code sign} -1
	 * takes it back); in-progress ones do not count.
	 */
	void add(int outcome, double duration, int bucket, int sign) {
		switch (outcome) {
			case TraceFacts.OUTCOME_OK -> this.ok += sign;
			case TraceFacts.OUTCOME_ERROR -> this.errorOther += sign;
			case TraceFacts.OUTCOME_THROTTLE -> this.throttle += sign;
			case TraceFacts.OUTCOME_FAULT -> this.fault += sign;
			default -> {
				return;
			}
		}
		this.totalResponseTime += sign * duration;
		this.histogram.addToBucket(bucket, sign);
	}

	/** Adds another's counts, response times and histogram to these. */
	public void merge(Stats other) {
		this.ok += other.ok;
		this.errorOther += other.errorOther;
		this.throttle += other.throttle;
		this.fault += other.fault;
		this.totalResponseTime += other.totalResponseTime;
		this.histogram.addAll(other.histogram);
	}

	public long ok() {
		return this.ok;
	}

	/** 4xx other than 429. */
	public long errorOther() {
		return this.errorOther;
	}

	/** 429. */
	public long throttle() {
		return this.throttle;
	}

	public long errorTotal() {
		return this.errorOther + this.throttle;
	}

	public long fault() {
		return this.fault;
	}

	public long total() {
		return this.ok + this.errorOther + this.throttle + this.fault;
	}

	/** Seconds. */
	public double totalResponseTime() {
		// what was added and taken back may leave a rounding residue
		return (Math.abs(this.totalResponseTime) < 1e-9) ? 0 : this.totalResponseTime;
	}

	public Histogram histogram() {
		return this.histogram;
	}

}
