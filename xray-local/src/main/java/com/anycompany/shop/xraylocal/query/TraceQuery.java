package com.anycompany.shop.xraylocal.query;

import java.util.ArrayList;
import java.util.List;

import com.anycompany.shop.xraylocal.filter.Filter;
import com.anycompany.shop.xraylocal.filter.TraceTarget;
import com.anycompany.shop.xraylocal.store.Trace;
import com.anycompany.shop.xraylocal.store.TraceFacts;
import com.anycompany.shop.xraylocal.store.TraceStore;

/**
 * The traces of a window that match a filter, newest first, a page at a time. A page
 * resumes below the arrival number of the last trace of the page before, so traces that
 * arrive in between never shift what comes next.
 */
public final class TraceQuery {

	private final TraceStore store;

	public TraceQuery(TraceStore store) {
		this.store = store;
	}

	/**
	 * Which time a trace is placed in the window by: the time written in its id, or the
	 * time its events happened.
	 */
	public enum TimeRange {

		TRACE_ID, EVENT

	}

	/**
	 * One page.
	 *
	 * @param traces the matching traces, newest first
	 * @param processed how many traces of the window were looked at
	 * @param nextBefore where the next page resumes (an arrival number), or -1 when no
	 * other match exists
	 */
	public record Page(List<TraceFacts> traces, long processed, long nextBefore) {

		public boolean hasMore() {
			return this.nextBefore >= 0;
		}

	}

	/**
	 * @param before only traces that arrived before this arrival number
	 * ({@link Long#MAX_VALUE} for the first page)
	 * @param pageSize the most traces a page holds
	 */
	public Page find(double start, double end, TimeRange range, Filter filter, long before, int pageSize) {
		List<Trace> traces = this.store.snapshot();
		List<TraceFacts> page = new ArrayList<>();
		long processed = 0;
		long lastSeq = 0;
		long next = -1;
		for (int i = traces.size() - 1; i >= 0; i--) {
			Trace trace = traces.get(i);
			if (trace.seq() >= before) {
				continue;
			}
			if (range == TimeRange.TRACE_ID) {
				long idTime = trace.idEpochSeconds();
				if (idTime < Math.floor(start) || idTime > end) {
					continue;
				}
			}
			TraceFacts facts = trace.facts();
			if (range == TimeRange.EVENT && (facts.startTime() > end || facts.endTime() < start)) {
				continue;
			}
			processed++;
			if (!TraceTarget.matches(filter, facts)) {
				continue;
			}
			if (page.size() == pageSize) {
				// another match exists: the next page resumes below the last one returned
				next = lastSeq;
				break;
			}
			page.add(facts);
			lastSeq = trace.seq();
		}
		return new Page(page, processed, next);
	}

	/** Every trace that overlaps the window and matches the filter, in arrival order. */
	public List<TraceFacts> overlapping(double start, double end, Filter filter) {
		List<TraceFacts> found = new ArrayList<>();
		for (Trace trace : this.store.snapshot()) {
			TraceFacts facts = trace.facts();
			if (facts.startTime() <= end && facts.endTime() >= start && TraceTarget.matches(filter, facts)) {
				found.add(facts);
			}
		}
		return found;
	}

}
