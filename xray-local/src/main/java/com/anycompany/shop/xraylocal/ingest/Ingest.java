package com.anycompany.shop.xraylocal.ingest;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import com.anycompany.shop.xraylocal.store.Doc;
import com.anycompany.shop.xraylocal.store.TraceStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parses documents into the store and counts what happens to each: accepted, or rejected
 * and dropped by reason. Safe to call from several threads.
 * <p>
 * Ingest also keeps the store's indexes current: every {@link #BATCH} stored documents,
 * and whenever a burst ends ({@link #flush()}), it runs the indexes' catch-up on its own
 * thread, so that a query never pays for a burst it did not cause (issue: the first
 * service graph after 100,000 traces used to take seconds). Batches keep the cost per
 * document low: a trace's documents mostly arrive together and are put together once.
 */
public final class Ingest {

	private static final Logger logger = LoggerFactory.getLogger(Ingest.class);

	private final SegmentParser parser;

	private final TraceStore store;

	private final LongAdder datagrams = new LongAdder();

	private final LongAdder apiDocuments = new LongAdder();

	private final LongAdder accepted = new LongAdder();

	private final Map<String, LongAdder> rejected = new ConcurrentHashMap<>();

	/** Stored documents between two catch-ups at most. */
	public static final int BATCH = 512;

	private final Runnable catchUp;

	private final AtomicInteger sinceCatchUp = new AtomicInteger();

	public Ingest(SegmentParser parser, TraceStore store) {
		this(parser, store, () -> {
		});
	}

	/**
	 * @param catchUp brings the store's indexes up to date with what was stored; called
	 * on the ingesting thread
	 */
	public Ingest(SegmentParser parser, TraceStore store, Runnable catchUp) {
		this.parser = parser;
		this.store = store;
		this.catchUp = catchUp;
	}

	/**
	 * Brings the indexes up to date with everything stored so far; the UDP side calls it
	 * when datagrams stop and a few times a second while they keep coming, the API after
	 * each request.
	 */
	public void flush() {
		if (this.sinceCatchUp.getAndSet(0) > 0) {
			catchUp();
		}
	}

	private void stored() {
		if (this.sinceCatchUp.incrementAndGet() >= BATCH) {
			this.sinceCatchUp.set(0);
			catchUp();
		}
	}

	private void catchUp() {
		try {
			this.catchUp.run();
		}
		catch (RuntimeException ex) {
			// the documents are stored; a query catches up on what is left
			internalError(ex);
		}
	}

	/** Counts a datagram as it comes off the socket, before it is parsed or dropped. */
	public void received() {
		this.datagrams.increment();
	}

	/** Parses and stores one datagram; never throws. */
	public void datagram(byte[] data, int offset, int length) {
		try {
			store(this.parser.parseDatagram(data, offset, length));
		}
		catch (Rejection ex) {
			reject(ex.reason());
		}
		catch (RuntimeException ex) {
			internalError(ex);
		}
	}

	/**
	 * Parses and stores one document from PutTraceSegments.
	 * @return null when stored, else why not
	 */
	public Rejection document(String document) {
		this.apiDocuments.increment();
		try {
			return store(this.parser.parseDocument(document));
		}
		catch (Rejection ex) {
			reject(ex.reason());
			return ex;
		}
		catch (RuntimeException ex) {
			internalError(ex);
			return new Rejection("internal_error", "internal error");
		}
	}

	private Rejection store(Doc doc) {
		return switch (this.store.add(doc)) {
			case ADDED, REPLACED -> {
				this.accepted.increment();
				stored();
				yield null;
			}
			case SUPERSEDED -> {
				reject("superseded");
				yield new Rejection("superseded", "a complete copy of this segment was already received");
			}
			case TRACE_FULL -> {
				reject("trace_full");
				yield new Rejection("trace_full", "the trace holds the maximum number of segments");
			}
		};
	}

	/** A bug of ours must not stop ingest: count it, and log the 1st, 2nd, 4th, 8th... */
	private void internalError(RuntimeException ex) {
		reject("internal_error");
		long count = this.rejected.get("internal_error").sum();
		if (Long.bitCount(count) == 1) {
			logger.warn("Could not ingest a document ({} so far)", count, ex);
		}
	}

	/** Counts a document that was not stored. */
	public void reject(String reason) {
		this.rejected.computeIfAbsent(reason, (r) -> new LongAdder()).increment();
	}

	public long datagrams() {
		return this.datagrams.sum();
	}

	public long accepted() {
		return this.accepted.sum();
	}

	public long apiDocuments() {
		return this.apiDocuments.sum();
	}

	/** Reasons in alphabetical order with their counts. */
	public Map<String, Long> rejected() {
		Map<String, Long> counts = new TreeMap<>();
		this.rejected.forEach((reason, count) -> counts.put(reason, count.sum()));
		return counts;
	}

	public long rejectedTotal() {
		return this.rejected.values().stream().mapToLong(LongAdder::sum).sum();
	}

}
