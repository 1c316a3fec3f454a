package com.anycompany.shop.xraylocal.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one trace says once its documents are put together: independent subsegments
 * stitched under their parents, callers linked to callees, the nodes and edges it adds to
 * the service graph, and the summary fields the trace list and the filters read. Computed
 * from an immutable set of documents, so it never changes.
 */
public final class TraceFacts {

	final Doc[] docs;

	private final String traceId;

	private double startTime = Double.MAX_VALUE;

	private double endTime;

	private int flags;

	private boolean partial;

	private Entity entry;

	private NodeKey entryNode;

	private final List<Occurrence> nodes = new ArrayList<>();

	private final List<Occurrence> edges = new ArrayList<>();

	/** Subsegments (by id) that became inferred nodes, with their node. */
	private final Map<Long, NodeKey> inferredCalls = new LinkedHashMap<>();

	private final Map<String, List<Object>> annotations = new LinkedHashMap<>();

	private final Set<String> users = new LinkedHashSet<>();

	/** Nodes then edges, two longs each: see {@link #packed()}. */
	private long[] packed;

	/** Computed when first asked for: most traces are never summarized. */
	private volatile RootCauses rootCauses;

	/** Likewise computed when first asked for. */
	private volatile Attribution attribution;

	TraceFacts(String traceId, Doc[] docs) {
		this.traceId = traceId;
		this.docs = docs;
		compute();
	}

	private void compute() {
		List<Doc> segments = new ArrayList<>();
		List<Doc> independents = new ArrayList<>();
		for (Doc doc : this.docs) {
			(doc.independent() ? independents : segments).add(doc);
		}
		// every entity id -> index of the segment whose tree holds it
		Map<Long, Integer> owners = new HashMap<>();
		Map<Long, Entity> entities = new HashMap<>();
		List<List<Entity>> trees = new ArrayList<>();
		for (int i = 0; i < segments.size(); i++) {
			Entity root = segments.get(i).entity();
			index(root, i, owners, entities);
			trees.add(new ArrayList<>(List.of(root.children)));
		}
		stitch(independents, owners, entities, trees);

		Set<Long> linked = new HashSet<>();
		NodeKey[] segmentNodes = new NodeKey[segments.size()];
		for (int i = 0; i < segments.size(); i++) {
			Entity segment = segments.get(i).entity();
			segmentNodes[i] = NodeKey.service(segment.name, segment.origin);
		}
		for (int i = 0; i < segments.size(); i++) {
			Doc doc = segments.get(i);
			Integer owner = doc.hasParent() ? owners.get(doc.parentId()) : null;
			boolean root = (owner == null || owner == i);
			this.nodes.add(new Occurrence(null, segmentNodes[i], doc.entity(), root));
			if (root) {
				this.edges.add(new Occurrence(NodeKey.client(doc.entity().name), segmentNodes[i], doc.entity(), false));
				if (this.entry == null || doc.entity().startTime < this.entry.startTime) {
					this.entry = doc.entity();
					this.entryNode = segmentNodes[i];
				}
				continue;
			}
			Entity caller = entities.get(doc.parentId());
			boolean callerIsSegment = caller == segments.get(owner).entity();
			if (!callerIsSegment) {
				linked.add(caller.id);
			}
			this.edges.add(new Occurrence(segmentNodes[owner], segmentNodes[i], callerIsSegment ? doc.entity() : caller,
					false));
		}
		for (int i = 0; i < segments.size(); i++) {
			NodeKey caller = segmentNodes[i];
			for (Entity child : trees.get(i)) {
				addCalls(caller, child, linked);
			}
		}
		for (Doc doc : this.docs) {
			summarizeTree(doc.entity());
		}
		if (this.startTime == Double.MAX_VALUE) {
			this.startTime = 0;
		}
		this.packed = pack();
	}

	/** Outcome of a graph occurrence: 2xx. */
	public static final int OUTCOME_OK = 0;

	/** Outcome: 4xx other than 429. */
	public static final int OUTCOME_ERROR = 1;

	/** Outcome: 429. */
	public static final int OUTCOME_THROTTLE = 2;

	/** Outcome: 5xx. */
	public static final int OUTCOME_FAULT = 3;

	/** Not finished: counts for the graph's shape only. */
	public static final int OUTCOME_IN_PROGRESS = 4;

	private long[] pack() {
		long[] words = new long[2 * (this.nodes.size() + this.edges.size())];
		int i = 0;
		for (List<Occurrence> occurrences : List.of(this.nodes, this.edges)) {
			for (Occurrence o : occurrences) {
				Entity e = o.entity();
				int flags = e.effectiveFlags();
				int outcome = e.inProgress ? OUTCOME_IN_PROGRESS
						: ((flags & Entity.FAULT) != 0) ? OUTCOME_FAULT : ((flags & Entity.THROTTLE) != 0)
								? OUTCOME_THROTTLE : ((flags & Entity.ERROR) != 0) ? OUTCOME_ERROR : OUTCOME_OK;
				long from = (o.from() != null) ? o.from().id() + 1L : 0L;
				words[i++] = o.node().id() | (from << 20) | ((long) outcome << 40) | ((o.root() ? 1L : 0L) << 53);
				words[i++] = Double.doubleToRawLongBits(e.duration());
			}
		}
		return words;
	}

	/**
	 * The graph's view of the trace, compact so that a graph over many traces reads one
	 * array per trace: per node occurrence, then per edge occurrence, a word with node id
	 * (bits 0-19), caller id + 1 (bits 20-39, 0 for a node), outcome (bits 40-42, see
	 * {@link #OUTCOME_OK}...) and root flag (bit 53), then the duration's bits. How the
	 * duration is bucketed is the graph's business, not the store's. Not to be changed.
	 */
	public long[] packed() {
		return this.packed;
	}

	/** Independent subsegments join the tree that holds their parent, in any order. */
	private void stitch(List<Doc> independents, Map<Long, Integer> owners, Map<Long, Entity> entities,
			List<List<Entity>> trees) {
		List<Doc> pending = new ArrayList<>(independents);
		boolean progress = true;
		while (!pending.isEmpty() && progress) {
			progress = false;
			for (var it = pending.iterator(); it.hasNext();) {
				Doc doc = it.next();
				Integer owner = owners.get(doc.parentId());
				if (owner != null) {
					index(doc.entity(), owner, owners, entities);
					trees.get(owner).add(doc.entity());
					it.remove();
					progress = true;
				}
			}
		}
		// parents that have not arrived (yet): the trace is incomplete
		this.partial |= !pending.isEmpty();
	}

	/*
	 * The walks over an entity tree below are plain recursion, not Entity.forEach with a
	 * lambda: ingest runs them for every stored document, and under the launcher's
	 * C1-only JIT a lambda call per entity costs more than the work it does.
	 */

	/** Every entity of the tree by id, and the segment whose tree holds it. */
	private static void index(Entity e, int owner, Map<Long, Integer> owners, Map<Long, Entity> entities) {
		Long id = e.id;
		owners.put(id, owner);
		entities.put(id, e);
		for (Entity child : e.children) {
			index(child, owner, owners, entities);
		}
	}

	private void addCalls(NodeKey caller, Entity e, Set<Long> linked) {
		addCall(caller, e, linked);
		for (Entity child : e.children) {
			addCalls(caller, child, linked);
		}
	}

	private void summarizeTree(Entity e) {
		summarize(e);
		for (Entity child : e.children) {
			summarizeTree(child);
		}
	}

	private void addCall(NodeKey caller, Entity call, Set<Long> linked) {
		if (call.namespace == null || linked.contains(call.id)
				|| !("aws".equals(call.namespace) || "remote".equals(call.namespace))) {
			return;
		}
		NodeKey target = NodeKey.forCall(call);
		this.inferredCalls.put(call.id, target);
		this.nodes.add(new Occurrence(null, target, call, false));
		this.edges.add(new Occurrence(caller, target, call, false));
	}

	private void summarize(Entity e) {
		this.startTime = Math.min(this.startTime, e.startTime);
		this.endTime = Math.max(this.endTime, e.inProgress ? e.startTime : e.endTime);
		this.flags |= e.effectiveFlags();
		this.partial |= e.inProgress;
		if (e.user != null) {
			this.users.add(e.user);
		}
		if (e.annotations != null) {
			e.annotations.forEach((key, value) -> {
				List<Object> values = this.annotations.computeIfAbsent(key, (k) -> new ArrayList<>(1));
				if (!values.contains(value)) {
					values.add(value);
				}
			});
		}
	}

	/** Fault, error and response time root causes, as X-Ray reports them. */
	public RootCauses rootCauses() {
		RootCauses causes = this.rootCauses;
		if (causes == null) {
			causes = RootCauses.of(this.docs, this.entry);
			this.rootCauses = causes;
		}
		return causes;
	}

	/**
	 * Which service recorded each annotation value and user; account ids; resource ARNs.
	 */
	public Attribution attribution() {
		Attribution known = this.attribution;
		if (known == null) {
			known = Attribution.of(this.docs);
			this.attribution = known;
		}
		return known;
	}

	/** The documents this was computed from, in arrival order; not to be changed. */
	public Doc[] docs() {
		return this.docs;
	}

	public String traceId() {
		return this.traceId;
	}

	/** Earliest start of any segment or subsegment, epoch seconds. */
	public double startTime() {
		return this.startTime;
	}

	public double endTime() {
		return this.endTime;
	}

	/** From the earliest start to the latest end. */
	public double duration() {
		return Math.max(0, this.endTime - this.startTime);
	}

	/** How long the entry service took to answer; 0 without an entry segment. */
	public double responseTime() {
		return (this.entry != null) ? this.entry.duration() : 0;
	}

	/** Entity flags of every segment and subsegment, or-ed. */
	public int flags() {
		return this.flags;
	}

	public boolean hasFlag(int flag) {
		return (this.flags & flag) != 0;
	}

	/** In progress documents, or subsegments whose parent has not arrived. */
	public boolean partial() {
		return this.partial;
	}

	/** The entry point segment (the earliest one without a known caller), or null. */
	public Entity entry() {
		return this.entry;
	}

	public NodeKey entryNode() {
		return this.entryNode;
	}

	/** One per segment and one per inferred call. */
	public List<Occurrence> nodes() {
		return Collections.unmodifiableList(this.nodes);
	}

	/** Caller to callee, including client to entry service. */
	public List<Occurrence> edges() {
		return Collections.unmodifiableList(this.edges);
	}

	public Map<Long, NodeKey> inferredCalls() {
		return Collections.unmodifiableMap(this.inferredCalls);
	}

	/** Distinct values per annotation key, from every segment and subsegment. */
	public Map<String, List<Object>> annotations() {
		return Collections.unmodifiableMap(this.annotations);
	}

	public Set<String> users() {
		return Collections.unmodifiableSet(this.users);
	}

	/** Distinct service and inferred nodes, entry first. */
	public List<NodeKey> services() {
		Set<NodeKey> keys = new LinkedHashSet<>();
		if (this.entryNode != null) {
			keys.add(this.entryNode);
		}
		for (Occurrence node : this.nodes) {
			keys.add(node.node());
		}
		return new ArrayList<>(keys);
	}

}
