package com.anycompany.shop.loadgen;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;

/**
 * What every shopper measured, per page: thread-safe, in fixed memory. Latencies go into
 * HdrHistograms of microseconds with two significant digits (a percentile is off by under
 * 1%), up to an hour; a longer one counts as an hour.
 */
final class Stats {

	private static final long MAX_MICROS = TimeUnit.HOURS.toMicros(1);

	private static final int SIGNIFICANT_DIGITS = 2;

	private final Map<Page, PageStats> pages = new EnumMap<>(Page.class);

	Stats() {
		for (Page page : Page.values()) {
			this.pages.put(page, new PageStats());
		}
	}

	void success(Page page, long micros) {
		this.pages.get(page).record(micros, null);
	}

	void failure(Page page, long micros, String reason) {
		this.pages.get(page).record(micros, reason);
	}

	/** Requests and errors so far, over all pages. */
	Totals totals() {
		long requests = 0;
		long errors = 0;
		for (PageStats page : this.pages.values()) {
			synchronized (page) {
				requests += page.latencies.getTotalCount();
				errors += page.errors;
			}
		}
		return new Totals(requests, errors);
	}

	Report report(Duration elapsed, int users) {
		List<Report.Row> rows = new ArrayList<>();
		Histogram all = histogram();
		long allErrors = 0;
		Map<String, Map<String, Long>> reasons = new TreeMap<>();
		for (Map.Entry<Page, PageStats> entry : this.pages.entrySet()) {
			PageStats page = entry.getValue();
			Histogram latencies;
			long errors;
			synchronized (page) {
				latencies = page.latencies.copy();
				errors = page.errors;
				if (!page.reasons.isEmpty()) {
					reasons.put(entry.getKey().label(), new TreeMap<>(page.reasons));
				}
			}
			all.add(latencies);
			allErrors += errors;
			rows.add(Report.Row.of(entry.getKey().label(), latencies, errors));
		}
		return new Report(elapsed, users, rows, Report.Row.of("all pages", all, allErrors), reasons);
	}

	private static Histogram histogram() {
		return new Histogram(MAX_MICROS, SIGNIFICANT_DIGITS);
	}

	/**
	 * Counts over all pages.
	 *
	 * @param requests requests made
	 * @param errors of which failed
	 */
	record Totals(long requests, long errors) {

	}

	private static final class PageStats {

		private final Histogram latencies = histogram();

		private final Map<String, Long> reasons = new TreeMap<>();

		private long errors;

		synchronized void record(long micros, String failure) {
			this.latencies.recordValue(Math.min(Math.max(0, micros), MAX_MICROS));
			if (failure != null) {
				this.errors++;
				this.reasons.merge(failure, 1L, Long::sum);
			}
		}

	}

}
