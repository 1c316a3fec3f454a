package com.anycompany.shop.xraylocal.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.anycompany.shop.xraylocal.store.NodeKey;
import com.anycompany.shop.xraylocal.store.TraceFacts;

/**
 * The service graph of a set of traces: node figures from each node's own segments (or,
 * for inferred nodes, the calling subsegments), edge figures from the callers'
 * subsegments. In-progress entities count for the graph's shape, not for its figures.
 * Figures add up in arrays indexed by node id, reading one packed array per trace.
 */
public final class ServiceGraph {

	private Node[] nodes = new Node[Math.max(16, NodeKey.count())];

	private boolean merged;

	/** Adds one trace's nodes and edges. */
	public void add(TraceFacts trace) {
		add(trace, 1);
	}

	/** Adds one trace's nodes and edges, or with {@code sign} -1 takes them back. */
	void add(TraceFacts trace, int sign) {
		long[] packed = trace.packed();
		double start = trace.startTime();
		double end = trace.endTime();
		for (int i = 0; i < packed.length; i += 2) {
			long word = packed[i];
			int target = (int) (word & 0xFFFFF);
			int from = (int) ((word >>> 20) & 0xFFFFF) - 1;
			int outcome = (int) ((word >>> 40) & 0x7);
			double duration = Double.longBitsToDouble(packed[i + 1]);
			int bucket = Histogram.bucket(duration);
			Node node = node(target);
			if (from < 0) {
				node.roots += sign * (int) ((word >>> 53) & 1);
				node.count(outcome, duration, bucket, start, end, sign);
			}
			else {
				node(from).edge(target).count(outcome, duration, bucket, start, end, sign);
			}
		}
	}

	/**
	 * Adds another graph's figures, as if its traces had all been seen between
	 * {@code start} and {@code end}.
	 */
	void addAll(ServiceGraph other, double start, double end) {
		for (Node theirs : other.nodes) {
			if (theirs == null || !theirs.alive()) {
				continue;
			}
			Node ours = node(theirs.key.id());
			ours.roots += theirs.roots;
			ours.merge(theirs, start, end);
			for (Edge edge : theirs.edges) {
				if (edge.occurrences != 0) {
					node(edge.target.id());
					ours.edge(edge.target.id()).merge(edge, start, end);
				}
			}
		}
	}

	/** Whether nothing is left in it. */
	boolean isEmpty() {
		for (Node node : this.nodes) {
			if (node != null && node.alive()) {
				return false;
			}
		}
		return true;
	}

	private Node node(int id) {
		if (id >= this.nodes.length) {
			this.nodes = Arrays.copyOf(this.nodes, Math.max(id + 1, this.nodes.length * 2));
		}
		Node node = this.nodes[id];
		if (node == null) {
			node = new Node(NodeKey.byId(id));
			this.nodes[id] = node;
		}
		return node;
	}

	/**
	 * A remote call to a name that is also an instrumented service is a call to that
	 * service, even when the callee sent no segment (it was down, or the call never
	 * reached it): its failures then show on the edge to the real node, not on a
	 * look-alike.
	 */
	private void mergeRemoteIntoServices() {
		Map<String, Node> services = new HashMap<>();
		Map<String, Integer> sameName = new HashMap<>();
		for (Node node : this.nodes) {
			if (node != null && node.occurrences != 0 && node.key.kind() == NodeKey.Kind.SERVICE) {
				String name = node.key.name().toLowerCase(Locale.ROOT);
				services.put(name, node);
				sameName.merge(name, 1, Integer::sum);
			}
		}
		for (Node remote : this.nodes) {
			if (remote == null || remote.occurrences == 0 || !remote.key.isInferred()
					|| !NodeKey.REMOTE.equals(remote.key.type())) {
				continue;
			}
			String name = remote.key.name().toLowerCase(Locale.ROOT);
			if (sameName.getOrDefault(name, 0) != 1) {
				continue;
			}
			int serviceId = services.get(name).key.id();
			for (Node caller : this.nodes) {
				Edge edge = (caller != null) ? caller.removeEdge(remote.key.id()) : null;
				if (edge != null) {
					caller.edge(serviceId).merge(edge);
				}
			}
			this.nodes[remote.key.id()] = null;
		}
	}

	/**
	 * Nodes in a stable order (clients first, then services, then inferred ones, each by
	 * name), numbered from 0: the {@code ReferenceId}s of X-Ray.
	 */
	public List<Node> nodes() {
		if (!this.merged) {
			mergeRemoteIntoServices();
			this.merged = true;
		}
		List<Node> sorted = new ArrayList<>();
		for (Node node : this.nodes) {
			if (node != null && node.alive()) {
				sorted.add(node);
			}
		}
		sorted.sort(Comparator.comparing((Node n) -> n.key.kind())
			.thenComparing((n) -> n.key.name(), String.CASE_INSENSITIVE_ORDER)
			.thenComparing((n) -> String.valueOf(n.key.type())));
		for (int i = 0; i < sorted.size(); i++) {
			sorted.get(i).referenceId = i;
		}
		return sorted;
	}

	/** Figures shared by nodes and edges. */
	public abstract static class Figures {

		private final Stats stats = new Stats();

		private double startTime = Double.MAX_VALUE;

		private double endTime;

		/**
		 * Occurrences counted, in progress or not: what keeps a node or edge on the
		 * graph.
		 */
		int occurrences;

		void count(int outcome, double duration, int bucket, double traceStart, double traceEnd, int sign) {
			if (traceStart < this.startTime) {
				this.startTime = traceStart;
			}
			if (traceEnd > this.endTime) {
				this.endTime = traceEnd;
			}
			this.occurrences += sign;
			this.stats.add(outcome, duration, bucket, sign);
		}

		void merge(Figures other) {
			merge(other, other.startTime, other.endTime);
		}

		void merge(Figures other, double start, double end) {
			this.startTime = Math.min(this.startTime, start);
			this.endTime = Math.max(this.endTime, end);
			this.occurrences += other.occurrences;
			this.stats.merge(other.stats);
		}

		public Stats stats() {
			return this.stats;
		}

		/** The earliest start of the traces it appears in. */
		public double startTime() {
			return (this.startTime == Double.MAX_VALUE) ? 0 : this.startTime;
		}

		/** The latest end of the traces it appears in. */
		public double endTime() {
			return this.endTime;
		}

	}

	/** A node with its outgoing edges. */
	public static final class Node extends Figures {

		private final NodeKey key;

		private Edge[] edges = new Edge[0];

		/** Occurrences as a trace's entry point. */
		int roots;

		private int referenceId;

		Node(NodeKey key) {
			this.key = key;
		}

		Edge edge(int target) {
			for (Edge edge : this.edges) {
				if (edge.target.id() == target) {
					return edge;
				}
			}
			Edge edge = new Edge(NodeKey.byId(target));
			this.edges = Arrays.copyOf(this.edges, this.edges.length + 1);
			this.edges[this.edges.length - 1] = edge;
			return edge;
		}

		Edge removeEdge(int target) {
			for (int i = 0; i < this.edges.length; i++) {
				Edge edge = this.edges[i];
				if (edge.target.id() == target) {
					Edge[] rest = new Edge[this.edges.length - 1];
					System.arraycopy(this.edges, 0, rest, 0, i);
					System.arraycopy(this.edges, i + 1, rest, i, rest.length - i);
					this.edges = rest;
					return edge;
				}
			}
			return null;
		}

		/** Seen in a trace, as a node or as a caller. */
		boolean alive() {
			if (this.occurrences != 0) {
				return true;
			}
			for (Edge edge : this.edges) {
				if (edge.occurrences != 0) {
					return true;
				}
			}
			return false;
		}

		public NodeKey key() {
			return this.key;
		}

		public boolean root() {
			return this.roots > 0;
		}

		public int referenceId() {
			return this.referenceId;
		}

		/** Outgoing edges by target name. */
		public List<Edge> edges() {
			List<Edge> live = new ArrayList<>(this.edges.length);
			for (Edge edge : this.edges) {
				if (edge.occurrences != 0) {
					live.add(edge);
				}
			}
			live.sort(Comparator.comparing((Edge e) -> e.target.name(), String.CASE_INSENSITIVE_ORDER)
				.thenComparing((e) -> e.target.kind()));
			return live;
		}

	}

	/** Calls from one node to another. */
	public static final class Edge extends Figures {

		private final NodeKey target;

		Edge(NodeKey target) {
			this.target = target;
		}

		public NodeKey target() {
			return this.target;
		}

	}

}
