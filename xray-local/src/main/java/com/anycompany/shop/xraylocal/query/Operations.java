package com.anycompany.shop.xraylocal.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.anycompany.shop.xraylocal.filter.Filter;
import com.anycompany.shop.xraylocal.store.Entity;
import com.anycompany.shop.xraylocal.store.NodeKey;
import com.anycompany.shop.xraylocal.store.Occurrence;
import com.anycompany.shop.xraylocal.store.TraceFacts;

/**
 * Rate, errors and duration (RED) per service and per operation over a window: each
 * node's own work in each trace counted under its operation — a service's segment under
 * its HTTP method and {@link Routes route}, a DynamoDB table's call under the DynamoDB
 * operation (GetItem, Query), an uninstrumented remote under the route it was called on.
 * Shares of 4xx, 5xx and 429, and of the 5xx that started here ("own": not passed on from
 * a call that failed first, so the failing callee ranks above the callers it took down),
 * nearest-rank p50/p90/p99, requests per minute, and an impact (p90 × requests per
 * minute: where waiting adds up) by which rows come ranked. Work still in progress is
 * left out; it has no duration yet.
 */
public final class Operations {

	private final TraceQuery traces;

	public Operations(TraceQuery traces) {
		this.traces = traces;
	}

	/**
	 * One service or one operation of a service; {@code operation} is null for the
	 * service's total.
	 */
	public record Row(String service, String type, String operation, long requests, long ok, long error, long fault,
			long ownFault, long throttle, double perMinute, double p50, double p90, double p99, double impact,
			String filter, List<Point> series) {
	}

	/** One minute of a row. */
	public record Point(long time, long requests, long error, long fault, long throttle, double p50, double p90,
			double p99) {
	}

	/**
	 * Every service and operation seen in the window (traces of {@code group}), by
	 * impact.
	 */
	public List<Row> of(double start, double end, Filter group) {
		Map<String, Tally> tallies = new LinkedHashMap<>();
		for (TraceFacts facts : this.traces.overlapping(start, end, group)) {
			for (Occurrence occurrence : facts.nodes()) {
				Entity entity = occurrence.entity();
				NodeKey node = occurrence.node();
				if (entity.inProgress || node.isClient() || entity.startTime < start || entity.startTime > end) {
					continue;
				}
				String operation = operation(node, entity);
				tallies.computeIfAbsent(key(node, null), (k) -> new Tally(node, null)).add(entity);
				tallies.computeIfAbsent(key(node, operation), (k) -> new Tally(node, operation)).add(entity);
			}
		}
		double minutes = Math.max(end - start, 60) / 60;
		return tallies.values()
			.stream()
			.map((tally) -> tally.row(minutes))
			.sorted(Comparator.comparingDouble(Row::impact).reversed().thenComparing(Row::service))
			.toList();
	}

	/** What a node did in an occurrence, as an operation name. */
	static String operation(NodeKey node, Entity entity) {
		if (entity.awsOperation != null) {
			return entity.awsOperation;
		}
		String method = (entity.httpMethod != null) ? entity.httpMethod + " " : "";
		return (entity.httpUrl != null) ? method + Routes.of(entity.httpUrl) : entity.name;
	}

	private static String key(NodeKey node, String operation) {
		return node.type() + "|" + node.name() + "|" + ((operation != null) ? operation : "");
	}

	/** The counts and durations of one row as they are gathered. */
	private static final class Tally {

		private final NodeKey node;

		private final String operation;

		private long ok;

		private long error;

		private long fault;

		private long ownFault;

		private long throttle;

		private double[] durations = new double[16];

		private double[] starts = new double[16];

		private int[] outcomes = new int[16];

		private int size;

		Tally(NodeKey node, String operation) {
			this.node = node;
			this.operation = operation;
		}

		void add(Entity entity) {
			int flags = entity.effectiveFlags();
			int outcome;
			if ((flags & Entity.FAULT) != 0) {
				this.fault++;
				this.ownFault += failedCall(entity) ? 0 : 1;
				outcome = TraceFacts.OUTCOME_FAULT;
			}
			else if ((flags & Entity.THROTTLE) != 0) {
				this.throttle++;
				outcome = TraceFacts.OUTCOME_THROTTLE;
			}
			else if ((flags & Entity.ERROR) != 0) {
				this.error++;
				outcome = TraceFacts.OUTCOME_ERROR;
			}
			else {
				this.ok++;
				outcome = TraceFacts.OUTCOME_OK;
			}
			if (this.size == this.durations.length) {
				this.durations = Arrays.copyOf(this.durations, this.size * 2);
				this.starts = Arrays.copyOf(this.starts, this.size * 2);
				this.outcomes = Arrays.copyOf(this.outcomes, this.size * 2);
			}
			this.durations[this.size] = entity.duration();
			this.starts[this.size] = entity.startTime;
			this.outcomes[this.size] = outcome;
			this.size++;
		}

		Row row(double minutes) {
			double[] sorted = Arrays.copyOf(this.durations, this.size);
			Arrays.sort(sorted);
			double perMinute = this.size / minutes;
			double p90 = percentile(sorted, 90);
			return new Row(this.node.name(), this.node.type(), this.operation, this.size, this.ok, this.error,
					this.fault, this.ownFault, this.throttle, perMinute, percentile(sorted, 50), p90,
					percentile(sorted, 99), p90 * perMinute, filter(), series());
		}

		/** Per minute, oldest first. */
		private List<Point> series() {
			Map<Long, List<Integer>> minutes = new TreeMap<>();
			for (int i = 0; i < this.size; i++) {
				long minute = (long) Math.floor(this.starts[i] / 60) * 60;
				minutes.computeIfAbsent(minute, (m) -> new ArrayList<>()).add(i);
			}
			List<Point> points = new ArrayList<>();
			minutes.forEach((minute, indexes) -> {
				double[] sorted = indexes.stream().mapToDouble((i) -> this.durations[i]).sorted().toArray();
				long[] counts = new long[5];
				indexes.forEach((i) -> counts[this.outcomes[i]]++);
				points.add(new Point(minute, indexes.size(), counts[TraceFacts.OUTCOME_ERROR],
						counts[TraceFacts.OUTCOME_FAULT], counts[TraceFacts.OUTCOME_THROTTLE], percentile(sorted, 50),
						percentile(sorted, 90), percentile(sorted, 99)));
			});
			return points;
		}

		/**
		 * The filter expression for the traces of this row, as close as the filter
		 * language comes: the node, and for a route its method and the URL up to the
		 * first id (a DynamoDB operation has no keyword of its own, so it is the table's
		 * traces).
		 */
		private String filter() {
			String node = this.node.isInferred()
					? "id(name: " + quote(this.node.name()) + ", type: " + quote(this.node.type()) + ")"
					: quote(this.node.name());
			String service = "service(" + node + ")";
			if (this.operation == null || this.node.isInferred() && !NodeKey.REMOTE.equals(this.node.type())) {
				return service;
			}
			int space = this.operation.indexOf(' ');
			if (space < 0 || !this.operation.startsWith("/", space + 1)) {
				return service;
			}
			String method = this.operation.substring(0, space);
			String route = this.operation.substring(space + 1);
			int id = route.indexOf("{id}");
			String literal = (id >= 0) ? route.substring(0, id) : route;
			return service + " { http.method = " + quote(method) + " AND http.url CONTAINS " + quote(literal) + " }";
		}

	}

	/**
	 * Whether a call made within this entity (to another service or AWS) ended in a
	 * fault.
	 */
	static boolean failedCall(Entity entity) {
		for (Entity child : entity.children) {
			boolean call = "remote".equals(child.namespace) || "aws".equals(child.namespace);
			if (call && (child.effectiveFlags() & Entity.FAULT) != 0 || failedCall(child)) {
				return true;
			}
		}
		return false;
	}

	private static String quote(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

	/** Nearest rank, as the console's percentiles; NaN for none. */
	static double percentile(double[] sorted, int p) {
		if (sorted.length == 0) {
			return Double.NaN;
		}
		int rank = (int) Math.ceil(p / 100.0 * sorted.length);
		return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
	}

}
