package com.anycompany.shop.xraylocal.sampling;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the SDKs report in GetSamplingTargets, per rule: totals since start, and the
 * reports of the last {@link #WINDOW_SECONDS} seconds, which
 * GetSamplingStatisticSummaries answers (X-Ray answers "recent" figures without saying
 * how recent; a minute covers several 10-second reports of every SDK).
 */
public final class SamplingStatistics {

	/** The span GetSamplingStatisticSummaries adds up. */
	public static final int WINDOW_SECONDS = 60;

	private final Map<String, PerRule> rules = new ConcurrentHashMap<>();

	/** Counts for one rule. */
	public record Counts(long requests, long sampled, long borrowed) {

		Counts plus(Counts other) {
			return new Counts(this.requests + other.requests, this.sampled + other.sampled,
					this.borrowed + other.borrowed);
		}

	}

	/** A rule's figures over the window, starting at {@code since} (epoch seconds). */
	public record Summary(String ruleName, double since, Counts recent, Counts total) {
	}

	private static final class PerRule {

		private Counts total = new Counts(0, 0, 0);

		/** Counts by the second they were reported at. */
		private final TreeMap<Long, Counts> recent = new TreeMap<>();

		synchronized void add(long second, Counts counts) {
			this.total = this.total.plus(counts);
			this.recent.merge(second, counts, Counts::plus);
			this.recent.headMap(second - WINDOW_SECONDS, true).clear();
		}

		synchronized Summary summary(String name, long now) {
			this.recent.headMap(now - WINDOW_SECONDS, true).clear();
			Counts sum = this.recent.values().stream().reduce(new Counts(0, 0, 0), Counts::plus);
			return new Summary(name, now - WINDOW_SECONDS, sum, this.total);
		}

	}

	public void report(String rule, Counts counts, long epochSecond) {
		this.rules.computeIfAbsent(rule, (name) -> new PerRule()).add(epochSecond, counts);
	}

	/** Every rule that was ever reported on, by name. */
	public List<Summary> summaries(long epochSecond) {
		List<Summary> summaries = new ArrayList<>();
		new TreeMap<>(this.rules).forEach((name, rule) -> summaries.add(rule.summary(name, epochSecond)));
		return summaries;
	}

	/** A deleted rule's figures go with it (a new rule of the same name starts at 0). */
	public void forget(String rule) {
		this.rules.remove(rule);
	}

}
