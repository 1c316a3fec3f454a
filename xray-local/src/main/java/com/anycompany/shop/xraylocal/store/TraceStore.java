package com.anycompany.shop.xraylocal.store;

import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;

/**
 * All traces, in memory, in order of arrival. Bounded by the number of traces, of
 * documents and of JSON characters, and by age: whatever exceeds a bound pushes out the
 * oldest traces first, so memory stays flat under an endless stream.
 */
public final class TraceStore {

	/** What happened to an offered document. */
	public enum Outcome {

		/** Stored as a new document. */
		ADDED,
		/** Replaced an earlier copy with the same id (in progress, then complete). */
		REPLACED,
		/** An in-progress copy arriving after the complete one: ignored. */
		SUPERSEDED,
		/** The trace already holds the maximum number of documents. */
		TRACE_FULL

	}

	private final Limits limits;

	private final Clock clock;

	private final HashMap<String, Trace> traces = new HashMap<>();

	/**
	 * The same traces in order of arrival, as a ring: copying it is what a query's
	 * snapshot costs, a fraction of a millisecond for 100,000 traces.
	 */
	private Trace[] ring = new Trace[1024];

	private int head;

	private long nextSeq;

	private long documents;

	private long rawChars;

	private long evictedTraces;

	private long evictedDocuments;

	/**
	 * How much the store may hold.
	 *
	 * @param maxTraces traces kept at most
	 * @param maxDocuments segment documents kept at most, over all traces
	 * @param maxChars characters of JSON kept at most, over all traces
	 * @param maxDocumentsPerTrace documents one trace may hold
	 * @param maxAgeMillis traces older than this (since first seen) are dropped
	 */
	public record Limits(int maxTraces, long maxDocuments, long maxChars, int maxDocumentsPerTrace, long maxAgeMillis) {
	}

	/** Told of every change, under the store's lock: keep it short. */
	public interface Listener {

		/** A document was added to the trace or replaced in it. */
		void changed(Trace trace);

		/** The trace is gone. */
		void evicted(Trace trace);

	}

	private static final Listener NOBODY = new Listener() {
		@Override
		public void changed(Trace trace) {
		}

		@Override
		public void evicted(Trace trace) {
		}
	};

	private final Listener listener;

	/** Counters for the status page. */
	public record Stats(int traces, long documents, long rawChars, long evictedTraces, long evictedDocuments) {
	}

	public TraceStore(Limits limits, Clock clock) {
		this(limits, clock, NOBODY);
	}

	public TraceStore(Limits limits, Clock clock, Listener listener) {
		this.listener = listener;
		if (limits.maxTraces() < 1 || limits.maxDocuments() < 1 || limits.maxDocumentsPerTrace() < 1) {
			throw new IllegalArgumentException("Store limits must be at least 1: " + limits);
		}
		this.limits = limits;
		this.clock = clock;
	}

	public Limits limits() {
		return this.limits;
	}

	public synchronized Outcome add(Doc doc) {
		long now = this.clock.millis();
		Trace trace = this.traces.get(doc.traceId());
		if (trace == null) {
			trace = new Trace(doc.traceId(), this.nextSeq++, now);
			this.traces.put(trace.id(), trace);
			append(trace);
		}
		int sizeBefore = trace.size();
		long charsBefore = trace.rawChars();
		Trace.Put put = trace.put(doc, this.limits.maxDocumentsPerTrace());
		this.documents += trace.size() - sizeBefore;
		this.rawChars += trace.rawChars() - charsBefore;
		if (put == Trace.Put.ADDED || put == Trace.Put.REPLACED) {
			this.listener.changed(trace);
		}
		evict(now, trace);
		return switch (put) {
			case ADDED -> Outcome.ADDED;
			case REPLACED -> Outcome.REPLACED;
			case SUPERSEDED -> Outcome.SUPERSEDED;
			case FULL -> Outcome.TRACE_FULL;
		};
	}

	/**
	 * Drops traces past the age limit; also called on a timer, so an idle store ages too.
	 */
	public synchronized void evictExpired() {
		evict(this.clock.millis(), null);
	}

	private void append(Trace trace) {
		int size = this.traces.size() - 1;
		if (size == this.ring.length) {
			this.ring = ordered(size, this.ring.length * 2);
			this.head = 0;
		}
		this.ring[(this.head + size) % this.ring.length] = trace;
	}

	/**
	 * The ring's first {@code size} traces, oldest first, in a new array of
	 * {@code length}.
	 */
	private Trace[] ordered(int size, int length) {
		Trace[] copy = new Trace[length];
		int first = Math.min(size, this.ring.length - this.head);
		System.arraycopy(this.ring, this.head, copy, 0, first);
		System.arraycopy(this.ring, 0, copy, first, size - first);
		return copy;
	}

	private void evict(long now, Trace keep) {
		long oldestAllowed = now - this.limits.maxAgeMillis();
		while (!this.traces.isEmpty()) {
			Trace oldest = this.ring[this.head];
			boolean over = this.traces.size() > this.limits.maxTraces() || this.documents > this.limits.maxDocuments()
					|| this.rawChars > this.limits.maxChars() || oldest.firstSeenMillis() < oldestAllowed;
			if (!over || (oldest == keep && this.traces.size() == 1)) {
				return;
			}
			this.ring[this.head] = null;
			this.head = (this.head + 1) % this.ring.length;
			this.traces.remove(oldest.id());
			this.listener.evicted(oldest);
			this.documents -= oldest.size();
			this.rawChars -= oldest.rawChars();
			this.evictedTraces++;
			this.evictedDocuments += oldest.size();
		}
	}

	/** The traces now stored, oldest first; a copy, safe to read while ingest goes on. */
	public synchronized List<Trace> snapshot() {
		return Arrays.asList(ordered(this.traces.size(), this.traces.size()));
	}

	public synchronized Trace get(String traceId) {
		return this.traces.get(traceId);
	}

	public synchronized Stats stats() {
		return new Stats(this.traces.size(), this.documents, this.rawChars, this.evictedTraces, this.evictedDocuments);
	}

	public synchronized void clear() {
		this.evictedTraces += this.traces.size();
		this.evictedDocuments += this.documents;
		this.traces.values().forEach(this.listener::evicted);
		this.traces.clear();
		Arrays.fill(this.ring, null);
		this.head = 0;
		this.documents = 0;
		this.rawChars = 0;
	}

}
