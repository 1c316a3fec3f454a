package com.anycompany.shop.xraylocal.alarms;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.anycompany.shop.xraylocal.api.Groups;
import com.anycompany.shop.xraylocal.filter.Filter;
import com.anycompany.shop.xraylocal.insights.InsightsProperties;
import com.anycompany.shop.xraylocal.store.TraceStore;
import com.anycompany.shop.xraylocal.web.ApiException;

/**
 * Alarms on groups' metrics, evaluated as CloudWatch evaluates a metric alarm: after each
 * complete period, the last {@code evaluationPeriods} values are compared with the
 * threshold; all of them breaching turns the alarm to {@code ALARM}, all of them not
 * breaching to {@code OK}; a period without traces has no value and is skipped (what
 * CloudWatch's "treat missing data as missing" does). Every change of state goes in the
 * alarm's history. There is no CloudWatch locally: this is xray-local's own API.
 */
public final class Alarms {

	public static final int MAX_ALARMS = 100;

	public static final int MAX_HISTORY = 100;

	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9 ._-]{1,255}");

	public enum State {

		INSUFFICIENT_DATA, OK, ALARM

	}

	public enum Comparison {

		GreaterThanThreshold, GreaterThanOrEqualToThreshold, LessThanThreshold, LessThanOrEqualToThreshold;

		boolean breaches(double value, double threshold) {
			return switch (this) {
				case GreaterThanThreshold -> value > threshold;
				case GreaterThanOrEqualToThreshold -> value >= threshold;
				case LessThanThreshold -> value < threshold;
				case LessThanOrEqualToThreshold -> value <= threshold;
			};
		}

	}

	/** What a person sets. */
	public record Definition(String alarmName, String groupName, String metricName, Comparison comparisonOperator,
			double threshold, int evaluationPeriods) {
	}

	/** One change of state. */
	public record Change(double timestamp, State oldState, State newState, String reason) {
	}

	/** An alarm as listed. */
	public record View(Definition definition, State stateValue, String stateReason, double stateUpdatedTimestamp,
			List<Double> recentValues, List<Change> history) {
	}

	private static final class Alarm {

		final Definition definition;

		State state = State.INSUFFICIENT_DATA;

		String reason = "No period evaluated yet";

		double updated;

		long lastPeriod = Long.MIN_VALUE;

		final List<Double> values = new ArrayList<>();

		final List<Change> history = new ArrayList<>();

		Alarm(Definition definition, double now) {
			this.definition = definition;
			this.updated = now;
		}

		View view() {
			return new View(this.definition, this.state, this.reason, this.updated, List.copyOf(this.values),
					List.copyOf(this.history));
		}

	}

	private final Map<String, Alarm> alarms = new LinkedHashMap<>();

	private final TraceStore store;

	private final Groups groups;

	private final int period;

	public Alarms(TraceStore store, Groups groups, InsightsProperties properties) {
		this.store = store;
		this.groups = groups;
		this.period = properties.periodSeconds();
	}

	public int periodSeconds() {
		return this.period;
	}

	/** Creates or replaces an alarm (as PutMetricAlarm does); its state starts over. */
	public synchronized View put(Definition definition) {
		if (definition.alarmName() == null || !NAME.matcher(definition.alarmName()).matches()) {
			throw ApiException
				.invalid("AlarmName must be 1 to 255 letters, digits, spaces, dots, dashes or underscores");
		}
		this.groups.find(definition.groupName(), null);
		if (!GroupMetrics.NAMES.contains(definition.metricName())) {
			throw ApiException.invalid("MetricName must be one of " + GroupMetrics.NAMES);
		}
		if (definition.comparisonOperator() == null) {
			throw ApiException.invalid("ComparisonOperator must be one of GreaterThanThreshold,"
					+ " GreaterThanOrEqualToThreshold, LessThanThreshold, LessThanOrEqualToThreshold");
		}
		if (definition.evaluationPeriods() < 1 || definition.evaluationPeriods() > 100) {
			throw ApiException.invalid("EvaluationPeriods must be 1 to 100");
		}
		if (!this.alarms.containsKey(definition.alarmName()) && this.alarms.size() >= MAX_ALARMS) {
			throw ApiException.of("LimitExceededException", "At most " + MAX_ALARMS + " alarms");
		}
		Alarm alarm = new Alarm(definition, System.currentTimeMillis() / 1000.0);
		this.alarms.put(definition.alarmName(), alarm);
		return alarm.view();
	}

	public synchronized void delete(String name) {
		if (this.alarms.remove(name) == null) {
			throw ApiException.notFound("No alarm named " + name);
		}
	}

	public synchronized List<View> all() {
		return this.alarms.values().stream().map(Alarm::view).toList();
	}

	/** Evaluates each alarm on every complete period it has not seen yet. */
	public synchronized void evaluate(double nowSeconds) {
		long last = (long) Math.floor((nowSeconds - 2) / this.period) * this.period - this.period;
		for (Alarm alarm : this.alarms.values()) {
			if (alarm.lastPeriod >= last) {
				continue;
			}
			Filter filter;
			try {
				filter = this.groups.filter(alarm.definition.groupName(), null);
			}
			catch (RuntimeException deleted) {
				change(alarm, State.INSUFFICIENT_DATA, "The group " + alarm.definition.groupName() + " is gone",
						nowSeconds);
				alarm.lastPeriod = last;
				continue;
			}
			long first = (alarm.lastPeriod == Long.MIN_VALUE) ? last
					: Math.max(alarm.lastPeriod + this.period, last - 10L * this.period);
			int periods = (int) ((last - first) / this.period) + 1;
			for (GroupMetrics.Point point : GroupMetrics.series(this.store, filter, first, periods, this.period)) {
				evaluate(alarm, point);
			}
			alarm.lastPeriod = last;
		}
	}

	private void evaluate(Alarm alarm, GroupMetrics.Point point) {
		Definition d = alarm.definition;
		Double value = point.value(d.metricName());
		if (value == null) {
			return;
		}
		alarm.values.add(value);
		while (alarm.values.size() > d.evaluationPeriods()) {
			alarm.values.remove(0);
		}
		if (alarm.values.size() < d.evaluationPeriods()) {
			return;
		}
		boolean allBreach = alarm.values.stream().allMatch((v) -> d.comparisonOperator().breaches(v, d.threshold()));
		boolean noneBreach = alarm.values.stream().noneMatch((v) -> d.comparisonOperator().breaches(v, d.threshold()));
		String values = alarm.values.stream()
			.map((v) -> String.format(Locale.ROOT, "%.3f", v))
			.reduce((a, b) -> a + ", " + b)
			.orElse("");
		double at = point.timestamp() + this.period;
		if (allBreach) {
			change(alarm, State.ALARM,
					String.format(Locale.ROOT, "%s of group %s was [%s] in the last %d period(s): %s %s",
							d.metricName(), d.groupName(), values, d.evaluationPeriods(), d.comparisonOperator(),
							fmt(d.threshold())),
					at);
		}
		else if (noneBreach) {
			change(alarm, State.OK,
					String.format(Locale.ROOT, "%s of group %s was [%s] in the last %d period(s): not %s %s",
							d.metricName(), d.groupName(), values, d.evaluationPeriods(), d.comparisonOperator(),
							fmt(d.threshold())),
					at);
		}
	}

	private static void change(Alarm alarm, State state, String reason, double at) {
		if (alarm.state == state) {
			return;
		}
		alarm.history.add(new Change(at, alarm.state, state, reason));
		if (alarm.history.size() > MAX_HISTORY) {
			alarm.history.remove(0);
		}
		alarm.state = state;
		alarm.reason = reason;
		alarm.updated = at;
	}

	private static String fmt(double value) {
		return String.format(Locale.ROOT, "%s", value);
	}

}
