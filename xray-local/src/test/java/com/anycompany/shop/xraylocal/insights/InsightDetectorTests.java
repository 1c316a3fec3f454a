package com.anycompany.shop.xraylocal.insights;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import com.anycompany.shop.xraylocal.Json;
import com.anycompany.shop.xraylocal.TestTraces;
import com.anycompany.shop.xraylocal.api.Groups;
import com.anycompany.shop.xraylocal.ingest.Rejection;
import com.anycompany.shop.xraylocal.ingest.SegmentParser;
import com.anycompany.shop.xraylocal.store.TraceStore;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InsightDetectorTests {

	private static final int PERIOD = 60;

	private final TraceStore store = new TraceStore(
			new TraceStore.Limits(10_000, 100_000, 100_000_000, 100, Duration.ofHours(1).toMillis()),
			Clock.systemUTC());

	private final SegmentParser parser = new SegmentParser();

	/** A period start well in the past, so the periods below are all complete. */
	private final long base = (System.currentTimeMillis() / 1000 / PERIOD - 30) * PERIOD;

	private InsightDetector detector(Groups groups, int minFaults) {
		return new InsightDetector(this.store, groups,
				new InsightsProperties(true, Duration.ofSeconds(PERIOD), 5, minFaults, 0.05));
	}

	/** {@code n} product pages in period {@code p}, the recommender down or not. */
	private void productPages(int p, int n, boolean recommenderDown) {
		for (int i = 0; i < n; i++) {
			for (Json document : TestTraces.product(Json.newTraceId(), this.base + p * PERIOD + 1 + i, "P-0001",
					recommenderDown)) {
				try {
					this.store.add(this.parser.parseDocument(document.json()));
				}
				catch (Rejection ex) {
					throw new IllegalStateException(ex);
				}
			}
		}
	}

	/** Evaluates as if it were just after period {@code p} ended. */
	private void after(InsightDetector detector, int p) {
		detector.evaluate(this.base + (p + 1) * PERIOD + InsightDetector.GRACE_SECONDS + 1);
	}

	@Test
	void anOutageOpensAnInsightNamingTheServiceAndItClosesWhenTheServiceRecovers() {
		InsightDetector detector = detector(new Groups(true), 3);
		for (int p = 0; p < 5; p++) {
			productPages(p, 10, false);
		}
		productPages(5, 10, true);
		productPages(6, 8, true);
		productPages(7, 10, false);

		after(detector, 4);
		assertThat(detector.all()).isEmpty();

		after(detector, 5);
		assertThat(detector.all()).singleElement().satisfies((insight) -> {
			assertThat(insight.state()).isEqualTo(Insight.State.ACTIVE);
			assertThat(insight.groupName()).isEqualTo("Default");
			assertThat(insight.rootCause().name()).isEqualTo("recommenderservice");
			assertThat(insight.startTime()).isEqualTo(this.base + 5 * PERIOD);
			assertThat(insight.rootCauseImpact()).isEqualTo(new Insight.Impact(10, 0, 10));
			// the shoppers' pages still answered 200: requests reached, none failed
			assertThat(insight.clientImpact()).isEqualTo(new Insight.Impact(0, 10, 10));
			assertThat(insight.anomalous()).extracting((k) -> k.name()).containsExactly("recommenderservice");
			assertThat(insight.summary()).contains("recommenderservice").contains("100%");
		});

		after(detector, 6);
		assertThat(detector.all()).singleElement().satisfies((insight) -> {
			assertThat(insight.state()).isEqualTo(Insight.State.ACTIVE);
			assertThat(insight.rootCauseImpact()).isEqualTo(new Insight.Impact(18, 0, 18));
			assertThat(insight.timeline()).extracting(Insight.Point::faults).containsExactly(10L, 8L);
		});

		after(detector, 7);
		assertThat(detector.all()).singleElement().satisfies((insight) -> {
			assertThat(insight.state()).isEqualTo(Insight.State.CLOSED);
			assertThat(insight.endTime()).isEqualTo(this.base + 7.0 * PERIOD);
			assertThat(insight.events()).hasSize(2);
			assertThat(insight.events().get(1).summary()).contains("back within");
		});
	}

	@Test
	void fewFaultsOrAGroupWithoutInsightsOpenNone() {
		Groups groups = new Groups(false);
		InsightDetector detector = detector(groups, 3);
		for (int p = 0; p < 5; p++) {
			productPages(p, 10, false);
		}
		productPages(5, 10, true);
		after(detector, 5);
		assertThat(detector.all()).as("the Default group has insights disabled").isEmpty();

		InsightDetector strict = detector(new Groups(true), 11);
		after(strict, 5);
		assertThat(strict.all()).as("10 faults are fewer than the 11 asked for").isEmpty();
	}

	@Test
	void aGroupsInsightsCoverOnlyItsTraces() {
		Groups groups = new Groups(false);
		groups.create("checkout", "service(\"orderservice\")", true, false);
		InsightDetector detector = detector(groups, 3);
		for (int p = 0; p < 5; p++) {
			productPages(p, 10, false);
		}
		productPages(5, 10, true);
		after(detector, 5);
		assertThat(detector.all()).as("product pages are not in the checkout group").isEmpty();

		groups.update("checkout", null, "http.url CONTAINS \"/product/\"");
		InsightDetector again = detector(groups, 3);
		after(again, 5);
		assertThat(again.all()).extracting(Insight.View::groupName).containsExactly("checkout");
		assertThat(List.of(groups.find("checkout", null).insightsEnabled())).containsExactly(true);
	}

}
