package com.anycompany.shop.xraylocal.alarms;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

import com.anycompany.shop.xraylocal.filter.Filter;
import com.anycompany.shop.xraylocal.insights.PeriodTraces;
import com.anycompany.shop.xraylocal.store.Entity;
import com.anycompany.shop.xraylocal.store.TraceFacts;
import com.anycompany.shop.xraylocal.store.TraceStore;

/**
 * A group's metrics per period, as X-Ray publishes them to CloudWatch (namespace
 * {@code AWS/X-Ray}, dimension {@code GroupName}): {@code ApproximateTraceCount}, and
 * over those traces {@code ErrorRate} (4xx), {@code FaultRate} (5xx),
 * {@code ThrottleRate} (429) as shares from 0 to 1, and {@code ResponseTime} (the mean
 * response time of the traces' entry points, in seconds).
 */
public final class GroupMetrics {

	public static final List<String> NAMES = List.of("ApproximateTraceCount", "ErrorRate", "FaultRate", "ThrottleRate",
			"ResponseTime");

	/** One period's values; null when the period saw no trace. */
	public record Point(long timestamp, long approximateTraceCount, Double errorRate, Double faultRate,
			Double throttleRate, Double responseTime) {

		/** A metric's value by its CloudWatch name; null when there is none. */
		public Double value(String metric) {
			return switch (metric) {
				case "ApproximateTraceCount" -> (double) this.approximateTraceCount;
				case "ErrorRate" -> this.errorRate;
				case "FaultRate" -> this.faultRate;
				case "ThrottleRate" -> this.throttleRate;
				case "ResponseTime" -> this.responseTime;
				default -> throw new IllegalArgumentException("Unknown metric " + metric);
			};
		}

	}

	private GroupMetrics() {
	}

	/** The group's points for {@code periods} periods from {@code from}, oldest first. */
	public static List<Point> series(TraceStore store, Filter group, long from, int periods, int periodSeconds) {
		SortedMap<Long, List<TraceFacts>> traces = PeriodTraces.of(store, group, from, periods, periodSeconds);
		List<Point> points = new ArrayList<>();
		for (Map.Entry<Long, List<TraceFacts>> period : traces.entrySet()) {
			points.add(point(period.getKey(), period.getValue()));
		}
		return points;
	}

	static Point point(long timestamp, List<TraceFacts> traces) {
		long n = 0;
		long errors = 0;
		long faults = 0;
		long throttles = 0;
		double responseTime = 0;
		for (TraceFacts trace : traces) {
			if (trace.entry() == null || trace.entry().inProgress) {
				continue;
			}
			n++;
			errors += trace.hasFlag(Entity.ERROR) ? 1 : 0;
			faults += trace.hasFlag(Entity.FAULT) ? 1 : 0;
			throttles += trace.hasFlag(Entity.THROTTLE) ? 1 : 0;
			responseTime += trace.responseTime();
		}
		if (n == 0) {
			return new Point(timestamp, 0, null, null, null, null);
		}
		return new Point(timestamp, n, (double) errors / n, (double) faults / n, (double) throttles / n,
				responseTime / n);
	}

}
