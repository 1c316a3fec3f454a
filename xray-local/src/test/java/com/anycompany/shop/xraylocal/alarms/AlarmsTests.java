package com.anycompany.shop.xraylocal.alarms;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import com.anycompany.shop.xraylocal.Json;
import com.anycompany.shop.xraylocal.api.Groups;
import com.anycompany.shop.xraylocal.ingest.Rejection;
import com.anycompany.shop.xraylocal.ingest.SegmentParser;
import com.anycompany.shop.xraylocal.insights.InsightsProperties;
import com.anycompany.shop.xraylocal.store.TraceStore;
import com.anycompany.shop.xraylocal.web.ApiException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AlarmsTests {

	private static final int PERIOD = 60;

	private final TraceStore store = new TraceStore(
			new TraceStore.Limits(10_000, 100_000, 100_000_000, 100, Duration.ofHours(1).toMillis()),
			Clock.systemUTC());

	private final SegmentParser parser = new SegmentParser();

	private final long base = (System.currentTimeMillis() / 1000 / PERIOD - 30) * PERIOD;

	private final Groups groups = new Groups(false);

	private final Alarms alarms = new Alarms(this.store, this.groups,
			new InsightsProperties(true, Duration.ofSeconds(PERIOD), 5, 3, 0.05));

	/** {@code n} orders in period {@code p}, {@code failed} of them answered 500. */
	private void orders(int p, int n, int failed) {
		for (int i = 0; i < n; i++) {
			double start = this.base + p * PERIOD + 1 + i;
			String traceId = Json.newTraceId();
			Json order = Json.segment("orderservice", traceId, start + 0.01, 0.05)
				.http("POST", "http://localhost:8083/api/v1/order", (i < failed) ? 500 : 200);
			Json frontend = Json.segment("frontend", traceId, start, 0.1)
				.http("POST", "http://localhost:8080/cart/order", (i < failed) ? 500 : 302);
			for (Json document : List.of(frontend, order)) {
				try {
					this.store.add(this.parser.parseDocument(document.json()));
				}
				catch (Rejection ex) {
					throw new IllegalStateException(ex);
				}
			}
		}
	}

	private void after(int p) {
		this.alarms.evaluate(this.base + (p + 1) * PERIOD + 3);
	}

	@Test
	void aFaultRateAlarmGoesToAlarmAndBackToOkWithItsHistory() {
		this.groups.create("checkout", "service(\"orderservice\")");
		this.alarms.put(new Alarms.Definition("checkout-faults", "checkout", "FaultRate",
				Alarms.Comparison.GreaterThanThreshold, 0.1, 2));
		orders(0, 10, 0);
		orders(1, 10, 5);
		orders(2, 10, 4);
		orders(3, 10, 0);
		orders(4, 10, 0);

		after(0);
		assertThat(state()).isEqualTo(Alarms.State.INSUFFICIENT_DATA);
		after(1);
		assertThat(state()).as("one breaching period of the two asked for").isEqualTo(Alarms.State.INSUFFICIENT_DATA);
		after(2);
		assertThat(state()).isEqualTo(Alarms.State.ALARM);
		after(3);
		assertThat(state()).as("one period back below is not two").isEqualTo(Alarms.State.ALARM);
		after(4);
		assertThat(state()).isEqualTo(Alarms.State.OK);

		Alarms.View alarm = this.alarms.all().get(0);
		assertThat(alarm.history()).extracting(Alarms.Change::newState)
			.containsExactly(Alarms.State.ALARM, Alarms.State.OK);
		assertThat(alarm.history().get(0).reason()).contains("[0.500, 0.400]");
		assertThat(alarm.history().get(0).timestamp()).isEqualTo(this.base + 3.0 * PERIOD);
	}

	@Test
	void metricsPerPeriodAsXrayPublishesThem() {
		orders(0, 10, 5);
		List<GroupMetrics.Point> points = GroupMetrics.series(this.store, this.groups.filter("Default", null),
				this.base, 2, PERIOD);
		assertThat(points.get(0).approximateTraceCount()).isEqualTo(10);
		assertThat(points.get(0).faultRate()).isEqualTo(0.5);
		assertThat(points.get(0).errorRate()).isEqualTo(0.0);
		assertThat(points.get(0).responseTime()).isEqualTo(0.1, org.assertj.core.data.Offset.offset(1e-6));
		assertThat(points.get(1).faultRate()).as("no traces, no value").isNull();
	}

	@Test
	void refusesWhatCloudWatchWouldRefuse() {
		assertThatThrownBy(() -> this.alarms
			.put(new Alarms.Definition("a", "nope", "FaultRate", Alarms.Comparison.GreaterThanThreshold, 0.1, 1)))
			.isInstanceOf(ApiException.class)
			.hasMessageContaining("Group not found");
		assertThatThrownBy(() -> this.alarms
			.put(new Alarms.Definition("a", "Default", "Latency", Alarms.Comparison.GreaterThanThreshold, 0.1, 1)))
			.hasMessageContaining("MetricName");
	}

	private Alarms.State state() {
		return this.alarms.all().get(0).stateValue();
	}

}
