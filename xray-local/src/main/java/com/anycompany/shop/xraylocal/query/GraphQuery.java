package com.anycompany.shop.xraylocal.query;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import com.anycompany.shop.xraylocal.filter.Filter;
import com.anycompany.shop.xraylocal.filter.TraceTarget;
import com.anycompany.shop.xraylocal.graph.GraphIndex;
import com.anycompany.shop.xraylocal.graph.ServiceGraph;
import com.anycompany.shop.xraylocal.store.Trace;
import com.anycompany.shop.xraylocal.store.TraceFacts;
import com.anycompany.shop.xraylocal.store.TraceStore;

/**
 * Service graphs: of a time window (from the per-minute index when no group narrows it,
 * else from the group's traces read one by one), of some traces, and per period.
 */
public final class GraphQuery {

	private final TraceStore store;

	private final GraphIndex index;

	public GraphQuery(TraceStore store, GraphIndex index) {
		this.store = store;
		this.index = index;
	}

	/**
	 * The graph of the traces in the window, narrowed to a group's unless it is
	 * {@link Filter#ALL}.
	 */
	public ServiceGraph window(double start, double end, Filter group) {
		if (group == Filter.ALL) {
			return this.index.graph(start, end);
		}
		ServiceGraph graph = new ServiceGraph();
		new TraceQuery(this.store).overlapping(start, end, group).forEach(graph::add);
		return graph;
	}

	/** The graph of the named traces; ids not stored are left out. */
	public ServiceGraph traces(List<String> ids) {
		ServiceGraph graph = new ServiceGraph();
		for (String id : ids) {
			Trace trace = this.store.get(id);
			if (trace != null) {
				graph.add(trace.facts());
			}
		}
		return graph;
	}

	/**
	 * A graph per period from the window's start to its end, keyed by the period's start
	 * in epoch seconds; a group's traces each count in the period they started in.
	 */
	public SortedMap<Long, ServiceGraph> series(double start, double end, int period, Filter group) {
		if (group == Filter.ALL) {
			return this.index.series(start, end, period);
		}
		SortedMap<Long, ServiceGraph> series = new TreeMap<>();
		for (Trace trace : this.store.snapshot()) {
			TraceFacts facts = trace.facts();
			if (facts.startTime() >= Math.floor(start / 60) * 60 && facts.startTime() <= end
					&& TraceTarget.matches(group, facts)) {
				long timestamp = (long) Math.floor(facts.startTime() / period) * period;
				series.computeIfAbsent(timestamp, (t) -> new ServiceGraph()).add(facts);
			}
		}
		return series;
	}

}
