package com.anycompany.shop.loadgen;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.anycompany.shop.schedule.Durations;

import org.HdrHistogram.Histogram;

/**
 * The outcome of a run: one row per page, a total, and why requests failed.
 *
 * @param elapsed how long the run lasted
 * @param users how many shoppers took part
 * @param rows one per page, in {@link Page} order
 * @param total all pages together
 * @param errorReasons per page label, how often each kind of failure happened
 */
record Report(Duration elapsed, int users, List<Row> rows, Row total, Map<String, Map<String, Long>> errorReasons) {

	private static final String ROW = "%-26s %9s %7s %8s %9s %9s %9s%n";

	Row row(Page page) {
		return this.rows.stream()
			.filter((row) -> row.page().equals(page.label()))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("no row for " + page));
	}

	/** The report as a table for a terminal or a log. */
	String format() {
		StringBuilder out = new StringBuilder();
		double seconds = Math.max(this.elapsed.toMillis(), 1) / 1000.0;
		out.append(String.format(Locale.ROOT, "%d users, %s, %d requests (%.1f/s), %d errors (%s)%n%n", this.users,
				Durations.format(this.elapsed), this.total.requests(), this.total.requests() / seconds,
				this.total.errors(), percent(this.total.errorShare())));
		out.append(String.format(Locale.ROOT, ROW, "page", "requests", "errors", "error %", "p50", "p95", "p99"));
		for (Row row : this.rows) {
			out.append(line(row));
		}
		out.append(String.format(Locale.ROOT, ROW, "-".repeat(26), "-".repeat(9), "-".repeat(7), "-".repeat(8),
				"-".repeat(9), "-".repeat(9), "-".repeat(9)));
		out.append(line(this.total));
		if (!this.errorReasons.isEmpty()) {
			out.append(String.format("%nerrors:%n"));
			this.errorReasons.forEach((page, reasons) -> reasons.forEach((reason, count) -> out
				.append(String.format(Locale.ROOT, "  %-26s %6d x %s%n", page, count, reason))));
		}
		return out.toString();
	}

	private static String line(Row row) {
		boolean none = row.requests() == 0;
		return String.format(Locale.ROOT, ROW, row.page(), row.requests(), row.errors(),
				none ? "-" : percent(row.errorShare()), none ? "-" : latency(row.p50Micros()),
				none ? "-" : latency(row.p95Micros()), none ? "-" : latency(row.p99Micros()));
	}

	private static String percent(double share) {
		return String.format(Locale.ROOT, "%.1f%%", share * 100);
	}

	/** 0.8 ms, 12 ms, 1.3 s. */
	static String latency(long micros) {
		if (micros < 10_000) {
			return String.format(Locale.ROOT, "%.1f ms", micros / 1000.0);
		}
		if (micros < 10_000_000) {
			return String.format(Locale.ROOT, "%d ms", Math.round(micros / 1000.0));
		}
		return String.format(Locale.ROOT, "%.1f s", micros / 1_000_000.0);
	}

	/**
	 * One line of the table.
	 *
	 * @param page the page's label
	 * @param requests requests made
	 * @param errors of which failed
	 * @param p50Micros median response time
	 * @param p95Micros 95th percentile
	 * @param p99Micros 99th percentile
	 */
	record Row(String page, long requests, long errors, long p50Micros, long p95Micros, long p99Micros) {

		static Row of(String page, Histogram latencies, long errors) {
			return new Row(page, latencies.getTotalCount(), errors, latencies.getValueAtPercentile(50),
					latencies.getValueAtPercentile(95), latencies.getValueAtPercentile(99));
		}

		double errorShare() {
			return (this.requests > 0) ? (double) this.errors / this.requests : 0;
		}

	}

}
