package com.anycompany.shop.xraylocal.insights;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.anycompany.shop.xraylocal.store.Entity;
import com.anycompany.shop.xraylocal.store.NodeKey;
import com.anycompany.shop.xraylocal.store.Occurrence;
import com.anycompany.shop.xraylocal.store.RootCauses;
import com.anycompany.shop.xraylocal.store.TraceFacts;

/**
 * One period of one group, per service: the calls into it (as its callers saw them, so a
 * service that is down, answering nothing, still shows its faults), the root-cause
 * services of the period's faulty traces, and the client requests that touched each
 * service. Services go by name: a call that no segment answered ends in an inferred node
 * of the same name as the service's own.
 */
final class ServicePeriod {

	/** Calls into a service. */
	static final class Calls {

		long total;

		long faults;

		long ok;

		double rate() {
			return (this.total == 0) ? 0 : (double) this.faults / this.total;
		}

		Insight.Impact impact() {
			return new Insight.Impact(this.faults, this.ok, this.total);
		}

	}

	final Map<String, Calls> calls = new LinkedHashMap<>();

	/**
	 * A key for each service name; an instrumented service's own before an inferred one.
	 */
	final Map<String, NodeKey> keys = new HashMap<>();

	/** Fault root-cause services of the period's traces: how many traces name each. */
	final Map<String, Integer> rootCauses = new HashMap<>();

	private final List<TraceFacts> traces;

	ServicePeriod(List<TraceFacts> traces) {
		this.traces = traces;
		for (TraceFacts trace : traces) {
			for (Occurrence edge : trace.edges()) {
				Entity call = edge.entity();
				if (call.inProgress) {
					continue;
				}
				NodeKey target = edge.node();
				key(target);
				Calls calls = this.calls.computeIfAbsent(target.name(), (n) -> new Calls());
				calls.total++;
				int flags = call.effectiveFlags();
				if ((flags & Entity.FAULT) != 0) {
					calls.faults++;
				}
				else if ((flags & (Entity.ERROR | Entity.THROTTLE)) == 0) {
					calls.ok++;
				}
			}
			if (trace.hasFlag(Entity.FAULT)) {
				for (RootCauses.Cause cause : trace.rootCauses().faults()) {
					if (!cause.services().isEmpty()) {
						NodeKey last = cause.services().get(cause.services().size() - 1).node();
						key(last);
						this.rootCauses.merge(last.name(), 1, Integer::sum);
					}
				}
			}
		}
	}

	private void key(NodeKey key) {
		NodeKey known = this.keys.get(key.name());
		if (known == null || (known.isInferred() && !key.isInferred())) {
			this.keys.put(key.name(), key);
		}
	}

	/**
	 * The client requests that reached a service: the traces through it, counted by what
	 * their entry point answered.
	 */
	Insight.Impact clientImpact(String service) {
		long total = 0;
		long faults = 0;
		long ok = 0;
		for (TraceFacts trace : this.traces) {
			boolean through = trace.edges().stream().anyMatch((e) -> e.node().name().equals(service));
			if (!through || trace.entry() == null || trace.entry().inProgress) {
				continue;
			}
			total++;
			int flags = trace.entry().effectiveFlags();
			if ((flags & Entity.FAULT) != 0) {
				faults++;
			}
			else if ((flags & (Entity.ERROR | Entity.THROTTLE)) == 0) {
				ok++;
			}
		}
		return new Insight.Impact(faults, ok, total);
	}

	Calls calls(String service) {
		return this.calls.getOrDefault(service, new Calls());
	}

}
