package com.anycompany.shop.xraylocal.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import com.anycompany.shop.xraylocal.store.Trace;
import com.anycompany.shop.xraylocal.store.TraceFacts;
import com.anycompany.shop.xraylocal.store.TraceStore;

/**
 * The service graph kept up to date per minute (of each trace's start), so that
 * GetServiceGraph and GetTimeSeriesServiceStatistics add up a few minute totals instead
 * of reading every stored trace. The store reports changed and evicted traces; a changed
 * trace is taken back and added again at the next {@link #refresh()}, which ingest runs
 * after each batch of documents and at the end of each burst, so a query finds at most
 * one small batch left to take in. Bounded like the store: it holds at most the traces
 * the store holds.
 */
public final class GraphIndex implements TraceStore.Listener {

	private static final long MINUTE = 60;

	/** What each trace contributed when it was last added, to take it back exactly. */
	private final Map<Trace, TraceFacts> applied = new IdentityHashMap<>();

	private final Set<Trace> dirty = Collections.newSetFromMap(new IdentityHashMap<>());

	private final TreeMap<Long, ServiceGraph> minutes = new TreeMap<>();

	@Override
	public synchronized void changed(Trace trace) {
		this.dirty.add(trace);
	}

	@Override
	public synchronized void evicted(Trace trace) {
		this.dirty.remove(trace);
		TraceFacts facts = this.applied.remove(trace);
		if (facts != null) {
			apply(facts, -1);
		}
	}

	/** Traces changed since the last refresh: what a query would still take in. */
	public synchronized int pending() {
		return this.dirty.size();
	}

	/** The graph of the traces that started between {@code start} and {@code end}. */
	public ServiceGraph graph(double start, double end) {
		prepare();
		synchronized (this) {
			return totals(start, end);
		}
	}

	/**
	 * The graphs of the traces that started in each period between {@code start} and
	 * {@code end}, by the period's start (epoch seconds, a multiple of
	 * {@code periodSeconds}); periods without traces are left out.
	 * @param periodSeconds a multiple of 60: the index keeps minutes
	 */
	public SortedMap<Long, ServiceGraph> series(double start, double end, int periodSeconds) {
		if (periodSeconds <= 0 || periodSeconds % MINUTE != 0) {
			throw new IllegalArgumentException("The period must be a multiple of 60 seconds: " + periodSeconds);
		}
		prepare();
		SortedMap<Long, ServiceGraph> series = new TreeMap<>();
		synchronized (this) {
			applyChanges();
			this.minutes.subMap(minute(start), true, minute(end), true).forEach((minute, totals) -> {
				long period = Math.floorDiv(minute * MINUTE, periodSeconds) * periodSeconds;
				double from = Math.max(start, minute * MINUTE);
				double to = Math.min(end, (minute + 1) * MINUTE);
				series.computeIfAbsent(period, (p) -> new ServiceGraph()).addAll(totals, from, to);
			});
		}
		return series;
	}

	/**
	 * Takes in the traces changed since the last time, on the caller's thread: ingest
	 * calls it, so that a query after a burst of traffic finds the work done.
	 */
	public void refresh() {
		prepare();
		synchronized (this) {
			applyChanges();
		}
	}

	/** Puts changed traces together outside the lock, so that ingest never waits long. */
	private void prepare() {
		List<Trace> pending;
		synchronized (this) {
			pending = new ArrayList<>(this.dirty);
		}
		pending.forEach(Trace::facts);
	}

	private ServiceGraph totals(double start, double end) {
		applyChanges();
		ServiceGraph graph = new ServiceGraph();
		long first = minute(start);
		long last = minute(end);
		this.minutes.subMap(first, true, last, true).forEach((minute, totals) -> {
			double from = Math.max(start, minute * MINUTE);
			double to = Math.min(end, (minute + 1) * MINUTE);
			graph.addAll(totals, from, to);
		});
		return graph;
	}

	private void applyChanges() {
		for (Trace trace : this.dirty) {
			TraceFacts old = this.applied.remove(trace);
			if (old != null) {
				apply(old, -1);
			}
			TraceFacts now = trace.facts();
			this.applied.put(trace, now);
			apply(now, 1);
		}
		this.dirty.clear();
	}

	private void apply(TraceFacts facts, int sign) {
		long minute = minute(facts.startTime());
		ServiceGraph totals = this.minutes.computeIfAbsent(minute, (m) -> new ServiceGraph());
		totals.add(facts, sign);
		if (sign < 0 && totals.isEmpty()) {
			this.minutes.remove(minute);
		}
	}

	private static long minute(double epochSeconds) {
		return (long) Math.floor(epochSeconds / MINUTE);
	}

}
