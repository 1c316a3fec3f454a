package com.anycompany.shop.xraylocal.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A trace's root causes, as X-Ray reports them in trace summaries: for faults (5xx) and
 * errors (4xx), each deepest entity that failed while none of its children (nor the
 * callee's segment it reached) failed; for response time, the path that took longest,
 * from the entry segment down through the slowest child at each step. Each cause is the
 * path from the trace's root to that entity, cut into the services it crosses; a call to
 * an AWS resource or an uninstrumented remote service ends in an inferred service.
 */
public final class RootCauses {

	/** Causes kept per kind, however many entities failed. */
	static final int MAX_CAUSES = 10;

	private static final RootCauses NONE = new RootCauses(List.of(), List.of(), List.of());

	private final List<Cause> faults;

	private final List<Cause> errors;

	private final List<Cause> responseTime;

	/**
	 * One root cause.
	 *
	 * @param services the services from the trace's root to the cause, in call order
	 * @param clientImpacting whether the failure reached the trace's client (every entity
	 * on the path failed); always true for response time
	 */
	public record Cause(List<Service> services, boolean clientImpacting) {
	}

	/**
	 * A service on a root cause's path.
	 *
	 * @param node the service or inferred node
	 * @param path its entities on the path: its segment, then subsegments inward
	 */
	public record Service(NodeKey node, List<PathEntity> path) {
	}

	/**
	 * An entity on a root cause's path.
	 *
	 * @param name the segment's or subsegment's name
	 * @param exceptions what it recorded as thrown (faults and errors only)
	 * @param remote whether it is a call out to another service or resource
	 * @param coverage its duration over the entry's response time (response time only,
	 * else NaN)
	 */
	public record PathEntity(String name, List<Entity.Thrown> exceptions, boolean remote, double coverage) {
	}

	private RootCauses(List<Cause> faults, List<Cause> errors, List<Cause> responseTime) {
		this.faults = faults;
		this.errors = errors;
		this.responseTime = responseTime;
	}

	public List<Cause> faults() {
		return this.faults;
	}

	public List<Cause> errors() {
		return this.errors;
	}

	public List<Cause> responseTime() {
		return this.responseTime;
	}

	/** Computes the causes of a trace's documents; {@code entry} as in TraceFacts. */
	static RootCauses of(Doc[] docs, Entity entry) {
		Tree tree = new Tree(docs);
		if (tree.roots.isEmpty()) {
			return NONE;
		}
		List<Cause> faults = tree.failures(Entity.FAULT);
		List<Cause> errors = tree.failures(Entity.ERROR);
		List<Cause> slow = (entry != null && !entry.inProgress && entry.duration() > 0) ? List.of(tree.slowest(entry))
				: List.of();
		return new RootCauses(faults, errors, slow);
	}

	/** The trace's entities with their children, a callee's segment under its call. */
	private static final class Tree {

		/** Segments without a known caller. */
		private final List<Entity> roots = new ArrayList<>();

		/** Segments of a service (where a new service starts on a path). */
		private final Set<Entity> segments = Collections.newSetFromMap(new IdentityHashMap<>());

		/** Children that arrived as documents of their own, by parent id. */
		private final Map<Long, List<Entity>> adopted = new HashMap<>();

		Tree(Doc[] docs) {
			Map<Long, Entity> byId = new HashMap<>();
			for (Doc doc : docs) {
				doc.entity().forEach((e) -> byId.put(e.id, e));
				if (!doc.independent()) {
					this.segments.add(doc.entity());
				}
			}
			for (Doc doc : docs) {
				Entity parent = doc.hasParent() ? byId.get(doc.parentId()) : null;
				if (parent != null && parent != doc.entity()) {
					this.adopted.computeIfAbsent(parent.id, (id) -> new ArrayList<>(1)).add(doc.entity());
				}
				else if (!doc.independent()) {
					this.roots.add(doc.entity());
				}
			}
		}

		List<Entity> children(Entity e) {
			List<Entity> more = this.adopted.get(e.id);
			if (more == null) {
				return List.of(e.children);
			}
			List<Entity> all = new ArrayList<>(List.of(e.children));
			all.addAll(more);
			return all;
		}

		/**
		 * Every deepest entity with {@code flag}, each with its path, without repeats.
		 */
		List<Cause> failures(int flag) {
			Map<List<Service>, Cause> causes = new LinkedHashMap<>();
			for (Entity root : this.roots) {
				collect(root, flag, new ArrayList<>(), causes, 0);
			}
			return List.copyOf(causes.values());
		}

		private void collect(Entity e, int flag, List<Entity> path, Map<List<Service>, Cause> causes, int depth) {
			if (causes.size() >= MAX_CAUSES || depth > 200) {
				return;
			}
			path.add(e);
			boolean childFailed = false;
			for (Entity child : children(e)) {
				if (failed(child, flag)) {
					childFailed = true;
				}
				collect(child, flag, path, causes, depth + 1);
			}
			if (failed(e, flag) && !childFailed) {
				boolean impacting = path.stream().allMatch((p) -> failed(p, flag));
				List<Service> services = services(path, false, 0);
				causes.putIfAbsent(services, new Cause(services, impacting));
			}
			path.remove(path.size() - 1);
		}

		private static boolean failed(Entity e, int flag) {
			return (e.effectiveFlags() & flag) != 0;
		}

		/** From the entry down, each time into the child that took longest. */
		Cause slowest(Entity entry) {
			List<Entity> path = new ArrayList<>();
			Entity at = entry;
			while (at != null && path.size() <= 200) {
				path.add(at);
				Entity longest = null;
				for (Entity child : children(at)) {
					if (!child.inProgress && (longest == null || child.duration() > longest.duration())) {
						longest = child;
					}
				}
				at = longest;
			}
			return new Cause(services(path, true, entry.duration()), true);
		}

		/**
		 * Cuts a path into services: a segment starts its service; a call that no segment
		 * answered ends the path in the inferred node it names.
		 */
		private List<Service> services(List<Entity> path, boolean timed, double total) {
			List<Service> services = new ArrayList<>();
			NodeKey node = null;
			List<PathEntity> entities = null;
			for (int i = 0; i < path.size(); i++) {
				Entity e = path.get(i);
				boolean last = i == path.size() - 1;
				boolean inferred = last && !this.segments.contains(e)
						&& ("aws".equals(e.namespace) || "remote".equals(e.namespace));
				if (this.segments.contains(e) || inferred || node == null) {
					if (node != null) {
						services.add(new Service(node, List.copyOf(entities)));
					}
					node = inferred ? NodeKey.forCall(e) : NodeKey.service(e.name, e.origin);
					entities = new ArrayList<>();
				}
				boolean remote = e.namespace != null && !this.segments.contains(e);
				entities.add(new PathEntity(e.name, timed ? List.of() : List.of(e.exceptions), remote,
						timed ? e.duration() / total : Double.NaN));
			}
			if (node != null) {
				services.add(new Service(node, List.copyOf(entities)));
			}
			return List.copyOf(services);
		}

	}

}
