package com.anycompany.shop.xraylocal.insights;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;

import com.anycompany.shop.xraylocal.api.Groups;
import com.anycompany.shop.xraylocal.filter.Filter;
import com.anycompany.shop.xraylocal.store.NodeKey;
import com.anycompany.shop.xraylocal.store.TraceFacts;
import com.anycompany.shop.xraylocal.store.TraceStore;

/**
 * Finds insights as X-Ray describes them: for each group with insights enabled, after
 * each complete period, every service's fault rate (of the calls into it) is compared
 * with its expected band, made from the periods before: their mean plus two standard
 * deviations, and at least {@code minRateIncrease} above the mean, with at least
 * {@code minFaults} faults (the same band rule as GetTimeSeriesServiceStatistics'
 * forecast, on rates). Services above it are anomalous; an insight opens, named after the
 * service its faulty traces' root causes point at most, and closes in the first period
 * that service is back within the band it had before the insight began.
 */
public final class InsightDetector {

	/** Insights kept, the oldest closed ones dropped first. */
	static final int MAX_INSIGHTS = 1000;

	/** Seconds after a period's end before it counts as complete (traces arrive late). */
	static final int GRACE_SECONDS = 2;

	private final TraceStore store;

	private final Groups groups;

	private final InsightsProperties properties;

	private final Deque<Insight> insights = new ArrayDeque<>();

	/** Per group: the last period evaluated. */
	private final Map<String, Long> evaluated = new HashMap<>();

	public InsightDetector(TraceStore store, Groups groups, InsightsProperties properties) {
		this.store = store;
		this.groups = groups;
		this.properties = properties;
	}

	/** Evaluates every complete period not yet evaluated, up to {@code nowSeconds}. */
	public synchronized void evaluate(double nowSeconds) {
		int period = this.properties.periodSeconds();
		long last = (long) Math.floor((nowSeconds - GRACE_SECONDS) / period) * period - period;
		for (Groups.Group group : this.groups.all()) {
			if (!group.insightsEnabled()) {
				continue;
			}
			Long done = this.evaluated.get(group.arn());
			// a new group starts with its last complete period; a gap is caught up
			long first = (done == null) ? last : Math.max(done + period, last - 10L * period);
			for (long p = first; p <= last; p += period) {
				evaluate(group, p, period);
				this.evaluated.put(group.arn(), p);
			}
		}
	}

	private void evaluate(Groups.Group group, long periodStart, int period) {
		int history = Math.max(1, this.properties.history());
		Filter filter;
		try {
			filter = this.groups.filter(group.name(), null);
		}
		catch (RuntimeException deleted) {
			return;
		}
		SortedMap<Long, List<TraceFacts>> traces = PeriodTraces.of(this.store, filter,
				periodStart - (long) history * period, history + 1, period);
		// the band comes from before the group's open insights began: the outage itself
		// must not widen what is expected
		double since = active(group.name()).stream()
			.mapToDouble((i) -> i.view().startTime())
			.min()
			.orElse(Double.MAX_VALUE);
		List<ServicePeriod> past = new ArrayList<>();
		traces.headMap(periodStart).forEach((start, t) -> {
			if (start < since) {
				past.add(new ServicePeriod(t));
			}
		});
		ServicePeriod now = new ServicePeriod(traces.get(periodStart));
		double periodEnd = periodStart + period;

		// the group's insights still open: closed when their service is back in its band
		List<String> covered = new ArrayList<>();
		for (Insight insight : active(group.name())) {
			String service = insight.rootCause().name();
			ServicePeriod.Calls calls = now.calls(service);
			Insight.Point point = new Insight.Point(periodStart, calls.total, calls.faults, insight.expectedHigh());
			if (!anomalous(calls, insight.expectedHigh())) {
				insight.close(periodStart, point,
						String.format(Locale.ROOT, "%s is back within its expected fault rate (%s of %d calls faulted)",
								service, percent(calls.rate()), calls.total));
				continue;
			}
			covered.add(service);
			List<NodeKey> anomalousNow = anomalousServices(now, past);
			boolean changed = !anomalousNow.equals(insight.view().anomalous());
			insight.period(periodEnd, now.clientImpact(service), calls.impact(), anomalousNow, point,
					changed ? describe(service, calls, anomalousNow) : null);
		}

		List<NodeKey> anomalousNow = anomalousServices(now, past);
		if (anomalousNow.isEmpty()) {
			return;
		}
		// one insight per root-cause service: the services the faulty traces blame most
		// first, then anomalous services no trace blamed
		List<String> candidates = new ArrayList<>();
		now.rootCauses.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry::getKey))
			.forEach((e) -> candidates.add(e.getKey()));
		anomalousNow.forEach((k) -> {
			if (!candidates.contains(k.name())) {
				candidates.add(k.name());
			}
		});
		for (String rootCause : candidates) {
			if (covered.contains(rootCause)) {
				continue;
			}
			Band band = band(rootCause, past);
			ServicePeriod.Calls calls = now.calls(rootCause);
			if (!anomalous(calls, band.high())) {
				// blamed by some traces, but its calls look as usual
				continue;
			}
			covered.add(rootCause);
			NodeKey key = Objects.requireNonNullElse(now.keys.get(rootCause), anomalousNow.get(0));
			Insight insight = new Insight(group.name(), group.arn(), key, periodStart, band.mean(), band.high());
			insight.period(periodEnd, now.clientImpact(rootCause), calls.impact(), anomalousNow,
					new Insight.Point(periodStart, calls.total, calls.faults, band.high()),
					describe(rootCause, calls, anomalousNow));
			add(insight);
		}
	}

	/**
	 * Expected fault rate of a service: mean and top of its band, from the periods
	 * before.
	 */
	record Band(double mean, double high) {
	}

	Band band(String service, List<ServicePeriod> past) {
		double sum = 0;
		double squares = 0;
		int n = 0;
		for (ServicePeriod period : past) {
			ServicePeriod.Calls calls = period.calls.get(service);
			if (calls != null && calls.total > 0) {
				double rate = calls.rate();
				sum += rate;
				squares += rate * rate;
				n++;
			}
		}
		double mean = (n == 0) ? 0 : sum / n;
		double deviation = (n == 0) ? 0 : Math.sqrt(Math.max(0, squares / n - mean * mean));
		return new Band(mean, Math.max(mean + 2 * deviation, mean + this.properties.minRateIncrease()));
	}

	private boolean anomalous(ServicePeriod.Calls calls, double high) {
		return calls.faults >= this.properties.minFaults() && calls.rate() > high;
	}

	/** The period's anomalous services, the furthest above their band first. */
	private List<NodeKey> anomalousServices(ServicePeriod now, List<ServicePeriod> past) {
		Map<String, Double> excess = new HashMap<>();
		now.calls.forEach((service, calls) -> {
			if (now.keys.get(service).isClient()) {
				return;
			}
			Band band = band(service, past);
			if (anomalous(calls, band.high())) {
				excess.put(service, calls.rate() - band.high());
			}
		});
		return excess.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry::getKey))
			.map((e) -> now.keys.get(e.getKey()))
			.toList();
	}

	private static String describe(String service, ServicePeriod.Calls calls, List<NodeKey> anomalous) {
		String others = anomalous.stream()
			.map(NodeKey::name)
			.filter((n) -> !n.equals(service))
			.reduce((a, b) -> a + ", " + b)
			.map((list) -> "; also anomalous: " + list)
			.orElse("");
		return String.format(Locale.ROOT,
				"The fault rate of %s is %s (%d of %d calls faulted), above its expected band%s", service,
				percent(calls.rate()), calls.faults, calls.total, others);
	}

	private static String percent(double rate) {
		return String.format(Locale.ROOT, "%.0f%%", rate * 100);
	}

	private List<Insight> active(String group) {
		return this.insights.stream().filter((i) -> i.active() && i.groupName().equals(group)).toList();
	}

	private void add(Insight insight) {
		this.insights.addLast(insight);
		while (this.insights.size() > MAX_INSIGHTS) {
			Insight oldestClosed = this.insights.stream().filter((i) -> !i.active()).findFirst().orElse(null);
			this.insights.remove((oldestClosed != null) ? oldestClosed : this.insights.peekFirst());
		}
	}

	/** Every insight, oldest first. */
	public synchronized List<Insight.View> all() {
		return this.insights.stream().map(Insight::view).toList();
	}

	public synchronized Insight.View find(String id) {
		return this.insights.stream().filter((i) -> i.id().equals(id)).map(Insight::view).findFirst().orElse(null);
	}

}
