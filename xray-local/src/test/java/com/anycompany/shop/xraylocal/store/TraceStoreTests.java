package com.anycompany.shop.xraylocal.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import com.anycompany.shop.xraylocal.Json;
import com.anycompany.shop.xraylocal.ingest.Rejection;
import com.anycompany.shop.xraylocal.ingest.SegmentParser;
import com.anycompany.shop.xraylocal.store.TraceStore.Outcome;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TraceStoreTests {

	private final SegmentParser parser = new SegmentParser();

	private MutableClock clock = new MutableClock();

	private Doc doc(Json json) {
		try {
			return this.parser.parseDocument(json.json());
		}
		catch (Rejection ex) {
			throw new IllegalStateException(ex);
		}
	}

	private TraceStore store(int maxTraces, long maxDocs, long maxChars, int perTrace, Duration maxAge) {
		return new TraceStore(new TraceStore.Limits(maxTraces, maxDocs, maxChars, perTrace, maxAge.toMillis()),
				this.clock);
	}

	@Test
	void aCompleteCopyReplacesTheInProgressOneAndNotTheOtherWayRound() {
		TraceStore store = store(10, 100, 1_000_000, 10, Duration.ofHours(1));
		String traceId = Json.newTraceId();
		Json segment = Json.segment("frontend", traceId, 100, 1);
		String id = segment.id();

		assertThat(store.add(doc(Json.segment("frontend", traceId, 100, 1).id(id).inProgress())))
			.isEqualTo(Outcome.ADDED);
		assertThat(store.get(traceId).facts().partial()).isTrue();
		assertThat(store.add(doc(segment))).isEqualTo(Outcome.REPLACED);
		assertThat(store.get(traceId).facts().partial()).isFalse();
		assertThat(store.add(doc(Json.segment("frontend", traceId, 100, 1).id(id).inProgress())))
			.isEqualTo(Outcome.SUPERSEDED);
		assertThat(store.get(traceId).docs()).hasSize(1);
		assertThat(store.get(traceId).docs()[0].inProgress()).isFalse();
		assertThat(store.stats().documents()).isEqualTo(1);
	}

	@Test
	void evictsTheOldestTracesFirstWhenFull() {
		TraceStore store = store(3, 100, 1_000_000, 10, Duration.ofHours(1));
		String[] ids = new String[5];
		for (int i = 0; i < 5; i++) {
			ids[i] = Json.newTraceId();
			store.add(doc(Json.segment("s", ids[i], 100, 1)));
		}
		assertThat(store.snapshot()).extracting(Trace::id).containsExactly(ids[2], ids[3], ids[4]);
		assertThat(store.stats().evictedTraces()).isEqualTo(2);
	}

	@Test
	void aTraceThatGrowsKeepsItsPlaceInLine() {
		TraceStore store = store(2, 100, 1_000_000, 10, Duration.ofHours(1));
		String first = Json.newTraceId();
		String second = Json.newTraceId();
		store.add(doc(Json.segment("a", first, 100, 1)));
		store.add(doc(Json.segment("a", second, 100, 1)));
		store.add(doc(Json.segment("b", first, 100, 1)));
		store.add(doc(Json.segment("a", Json.newTraceId(), 100, 1)));
		assertThat(store.get(first)).isNull();
		assertThat(store.get(second)).isNotNull();
	}

	@Test
	void evictsBySegmentsAndByJsonSize() {
		TraceStore bySegments = store(100, 4, 1_000_000, 10, Duration.ofHours(1));
		String traceId = Json.newTraceId();
		for (int i = 0; i < 3; i++) {
			bySegments.add(doc(Json.segment("a", traceId, 100, 1)));
		}
		bySegments.add(doc(Json.segment("a", Json.newTraceId(), 100, 1)));
		bySegments.add(doc(Json.segment("a", Json.newTraceId(), 100, 1)));
		assertThat(bySegments.get(traceId)).isNull();
		assertThat(bySegments.stats().documents()).isEqualTo(2);

		TraceStore byChars = store(100, 100, 1000, 10, Duration.ofHours(1));
		for (int i = 0; i < 50; i++) {
			byChars.add(doc(Json.segment("a", Json.newTraceId(), 100, 1)));
		}
		assertThat(byChars.stats().rawChars()).isLessThanOrEqualTo(1000);
		assertThat(byChars.stats().traces()).isBetween(1, 10);
	}

	@Test
	void evictsByAgeEvenWhenNothingArrives() {
		TraceStore store = store(100, 100, 1_000_000, 10, Duration.ofMinutes(10));
		String old = Json.newTraceId();
		store.add(doc(Json.segment("a", old, 100, 1)));
		this.clock.advance(Duration.ofMinutes(6));
		String young = Json.newTraceId();
		store.add(doc(Json.segment("a", young, 100, 1)));
		this.clock.advance(Duration.ofMinutes(5));
		store.evictExpired();
		assertThat(store.get(old)).isNull();
		assertThat(store.get(young)).isNotNull();
	}

	@Test
	void capsTheDocumentsOfOneTrace() {
		TraceStore store = store(100, 100, 1_000_000, 3, Duration.ofHours(1));
		String traceId = Json.newTraceId();
		for (int i = 0; i < 3; i++) {
			assertThat(store.add(doc(Json.segment("a", traceId, 100, 1)))).isEqualTo(Outcome.ADDED);
		}
		assertThat(store.add(doc(Json.segment("a", traceId, 100, 1)))).isEqualTo(Outcome.TRACE_FULL);
		assertThat(store.get(traceId).docs()).hasSize(3);
	}

	@Test
	void staysWithinItsBoundsUnderAnEndlessStream() {
		TraceStore store = store(500, 1200, 400_000, 50, Duration.ofHours(1));
		String[] recent = new String[20];
		for (int i = 0; i < 20_000; i++) {
			String traceId = (i % 7 == 0 && recent[i % 20] != null) ? recent[i % 20] : Json.newTraceId();
			recent[i % 20] = traceId;
			store.add(doc(Json.segment("s" + (i % 5), traceId, 100, 0.1)));
			if (i % 1000 == 0) {
				TraceStore.Stats stats = store.stats();
				assertThat(stats.traces()).isLessThanOrEqualTo(500);
				assertThat(stats.documents()).isLessThanOrEqualTo(1200);
				assertThat(stats.rawChars()).isLessThanOrEqualTo(400_000);
			}
		}
		TraceStore.Stats stats = store.stats();
		assertThat(stats.evictedDocuments() + stats.documents()).isGreaterThan(15_000);
		int counted = store.snapshot().stream().mapToInt((t) -> t.docs().length).sum();
		assertThat(counted).isEqualTo(stats.documents());
	}

	static final class MutableClock extends Clock {

		private Instant now = Instant.parse("2026-01-01T00:00:00Z");

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
