package com.anycompany.shop.xraylocal.insights;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import com.anycompany.shop.xraylocal.filter.Filter;
import com.anycompany.shop.xraylocal.filter.TraceTarget;
import com.anycompany.shop.xraylocal.store.Trace;
import com.anycompany.shop.xraylocal.store.TraceFacts;
import com.anycompany.shop.xraylocal.store.TraceStore;

/**
 * A group's traces cut into periods of their start time, for the evaluations that run
 * every few seconds (insights, group metrics and alarms). Periods may be shorter than the
 * service graph's minutes, so this reads the traces themselves, newest first, and stops
 * at the first one that arrived well before the range.
 */
public final class PeriodTraces {

	/** How late a trace may arrive after it started and still be counted. */
	static final double ARRIVAL_SLACK_SECONDS = 120;

	private PeriodTraces() {
	}

	/**
	 * @param from the first period's start (epoch seconds, a multiple of the period)
	 * @param periods how many periods
	 * @return traces by their period's start, every period present (maybe empty)
	 */
	public static SortedMap<Long, List<TraceFacts>> of(TraceStore store, Filter group, long from, int periods,
			int periodSeconds) {
		SortedMap<Long, List<TraceFacts>> byPeriod = new TreeMap<>();
		for (int i = 0; i < periods; i++) {
			byPeriod.put(from + (long) i * periodSeconds, new ArrayList<>());
		}
		long to = from + (long) periods * periodSeconds;
		List<Trace> traces = store.snapshot();
		for (int i = traces.size() - 1; i >= 0; i--) {
			Trace trace = traces.get(i);
			if (trace.firstSeenMillis() / 1000.0 < from - ARRIVAL_SLACK_SECONDS) {
				break;
			}
			TraceFacts facts = trace.facts();
			double start = facts.startTime();
			if (start < from || start >= to || !TraceTarget.matches(group, facts)) {
				continue;
			}
			long period = from + (long) Math.floor((start - from) / periodSeconds) * periodSeconds;
			byPeriod.get(period).add(facts);
		}
		return byPeriod;
	}

}
