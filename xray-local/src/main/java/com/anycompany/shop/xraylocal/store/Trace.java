package com.anycompany.shop.xraylocal.store;

import java.util.Arrays;

/**
 * The documents received for one trace id. The document array is replaced, never changed
 * in place, so readers work on a consistent copy without locking; writes happen under the
 * {@link TraceStore}'s lock.
 */
public final class Trace {

	private static final Doc[] NONE = {};

	private final String id;

	private final long seq;

	private final long firstSeenMillis;

	private volatile Doc[] docs = NONE;

	private volatile TraceFacts facts;

	private long rawChars;

	Trace(String id, long seq, long firstSeenMillis) {
		this.id = id;
		this.seq = seq;
		this.firstSeenMillis = firstSeenMillis;
	}

	/** What happened to a document offered to a trace. */
	enum Put {

		ADDED, REPLACED, SUPERSEDED, FULL

	}

	/**
	 * Adds a document, or replaces the copy with the same id: a complete copy replaces an
	 * in-progress one, a late in-progress copy never replaces a complete one.
	 */
	Put put(Doc doc, int maxDocs) {
		Doc[] current = this.docs;
		for (int i = 0; i < current.length; i++) {
			Doc existing = current[i];
			if (existing.id() == doc.id() && existing.independent() == doc.independent()) {
				if (doc.inProgress() && !existing.inProgress()) {
					return Put.SUPERSEDED;
				}
				Doc[] next = current.clone();
				next[i] = doc;
				this.rawChars += doc.raw().length() - existing.raw().length();
				this.docs = next;
				return Put.REPLACED;
			}
		}
		if (current.length >= maxDocs) {
			return Put.FULL;
		}
		Doc[] next = Arrays.copyOf(current, current.length + 1);
		next[current.length] = doc;
		this.rawChars += doc.raw().length();
		this.docs = next;
		return Put.ADDED;
	}

	public String id() {
		return this.id;
	}

	/** Order of arrival in the store: larger is newer. */
	public long seq() {
		return this.seq;
	}

	public long firstSeenMillis() {
		return this.firstSeenMillis;
	}

	/**
	 * Epoch seconds written in the trace id; for a W3C trace id from OpenTelemetry (its
	 * first 8 hex digits are random, not a time), when it was first seen. An id time more
	 * than 30 days before that or 5 minutes after it is taken for such an id: the bounds
	 * the collector's awsxray exporter checks.
	 */
	public long idEpochSeconds() {
		long written = Long.parseLong(this.id, 2, 10, 16);
		long seen = this.firstSeenMillis / 1000;
		boolean plausible = written >= seen - 30L * 24 * 3600 && written <= seen + 300;
		return plausible ? written : seen;
	}

	public Doc[] docs() {
		return this.docs;
	}

	int size() {
		return this.docs.length;
	}

	long rawChars() {
		return this.rawChars;
	}

	/** The trace put together; computed on first use after a change, then shared. */
	public TraceFacts facts() {
		Doc[] current = this.docs;
		TraceFacts cached = this.facts;
		if (cached != null && cached.docs == current) {
			return cached;
		}
		TraceFacts computed = new TraceFacts(this.id, current);
		this.facts = computed;
		return computed;
	}

}
