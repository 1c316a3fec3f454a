package com.anycompany.shop.loadgen;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

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

		assertThat(lines.get(0)).isEqualTo("3 users, 10.0 s, 103 requests (10.3/s), 2 errors (1.9%)");
		assertThat(lines.get(2)).containsSubsequence("page", "requests", "errors", "error %", "p50", "p95", "p99");
		assertThat(lines).contains(
				"GET /                            100       0     0.0%     50 ms     95 ms     99 ms",
				"GET /cart                          2       1    50.0%    2.5 ms     40 ms     40 ms",
				// 3 s is shown as the middle of its bucket: 0.06% off
				"POST /cart/order                   1       1   100.0%   2998 ms   2998 ms   2998 ms",
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
	void latenciesAreShownInAReadableUnit() {
		assertThat(Report.latency(850)).isEqualTo("0.9 ms");
		assertThat(Report.latency(9_940)).isEqualTo("9.9 ms");
		assertThat(Report.latency(123_456)).isEqualTo("123 ms");
		assertThat(Report.latency(12_345_678)).isEqualTo("12.3 s");
	}

	@Test
	void anEmptyRunHasNoErrorSection() {
		String text = new Stats().report(Duration.ofMillis(300), 1).format();

		assertThat(text).startsWith("1 users, 300 ms, 0 requests (0.0/s), 0 errors (0.0%)").doesNotContain("errors:");
	}

}
