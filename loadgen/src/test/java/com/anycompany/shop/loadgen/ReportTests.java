package com.anycompany.shop.loadgen;

import java.time.Duration;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ReportTests {

	@Test
	void formatsOneRowPerPageAndATotal() {
		Stats stats = new Stats();
		for (int i = 1; i <= 100; i++) {
			stats.success(Page.HOME, i * 1000L);
		}
		stats.success(Page.CART, 2_500);
		stats.failure(Page.CART, 40_000, "HTTP 503");
		stats.failure(Page.PLACE_ORDER, 3_000_000, "connection refused");

		Report report = stats.report(Duration.ofSeconds(10), 3);
		List<String> lines = report.format().lines().toList();

		assertThat(lines.get(0)).isEqualTo("3 users, 10.0s, 103 requests (10.3/s), 2 errors (1.9%)");
		assertThat(lines.get(2)).containsSubsequence("page", "requests", "errors", "error %", "p50", "p95", "p99");
		assertThat(lines).contains(
				"GET /                            100       0     0.0%     50 ms     95 ms     99 ms",
				"GET /cart                          2       1    50.0%    2.5 ms     40 ms     40 ms",
				// 3 s is shown as the top of its bucket (two significant digits): 0.5%
				// off
				"POST /cart/order                   1       1   100.0%   3015 ms   3015 ms   3015 ms",
				"GET /product/{id}                  0       0        -         -         -         -",
				// over all 103 values: the 98th is 96 ms, the 102nd 100 ms
				"all pages                        103       2     1.9%     50 ms     96 ms    100 ms", "errors:",
				"  GET /cart                       1 x HTTP 503",
				"  POST /cart/order                1 x connection refused");
		// pages in a fixed order, whatever happened first
		assertThat(lines.subList(3, 11)).extracting((line) -> line.substring(0, 26).strip())
			.containsExactly("GET /", "GET /product/{id}", "GET /product/{unknown id}", "GET /images/{name}",
					"GET /cart", "POST /cart", "GET /cart/checkout", "POST /cart/order");
	}

	@Test
	void percentilesAreWithinOnePercentOfTheExactOnes() {
		Stats stats = new Stats();
		long[] values = new Random(1).longs(20_000, 200, 5_000_000).sorted().toArray();
		for (long value : values) {
			stats.success(Page.HOME, value);
		}
		Report.Row row = stats.report(Duration.ofSeconds(1), 1).row(Page.HOME);

		assertThat(row.requests()).isEqualTo(20_000);
		long[] percentiles = { row.p50Micros(), row.p95Micros(), row.p99Micros() };
		double[] percents = { 50, 95, 99 };
		for (int i = 0; i < percents.length; i++) {
			long exact = values[(int) Math.ceil(percents[i] / 100 * values.length) - 1];
			assertThat((double) percentiles[i]).as("p%s", percents[i]).isCloseTo(exact, within(exact * 0.01));
		}
	}

	@Test
	void aLatencyBeyondAnHourIsCountedAsAnHour() {
		Stats stats = new Stats();
		stats.failure(Page.PLACE_ORDER, Duration.ofHours(5).toNanos() / 1000, "stuck");
		stats.success(Page.PLACE_ORDER, -1);

		Report.Row row = stats.report(Duration.ofHours(5), 1).row(Page.PLACE_ORDER);

		assertThat(row.requests()).isEqualTo(2);
		assertThat(row.p99Micros()).isBetween(Duration.ofHours(1).toNanos() / 1000,
				Duration.ofMinutes(61).toNanos() / 1000);
		assertThat(row.p50Micros()).isZero();
	}

	@Test
	void latenciesAreShownInAReadableUnit() {
		assertThat(Report.latency(850)).isEqualTo("0.9 ms");
		assertThat(Report.latency(9_940)).isEqualTo("9.9 ms");
		assertThat(Report.latency(123_456)).isEqualTo("123 ms");
		assertThat(Report.latency(12_345_678)).isEqualTo("12.3 s");
	}

	@Test
	void anEmptyRunHasNoErrorSection() {
		String text = new Stats().report(Duration.ofMillis(300), 1).format();

		assertThat(text).startsWith("1 users, 300ms, 0 requests (0.0/s), 0 errors (0.0%)").doesNotContain("errors:");
	}

}
