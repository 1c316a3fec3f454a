package com.anycompany.shop.xraylocal.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which service recorded what in one trace, for the parts of a trace summary that name
 * services: each annotation value's and user's services, the services' account ids, and
 * the ARNs of the resources the trace touched. Computed from the documents when a summary
 * is asked for (most traces never are), so ingest does not pay for it.
 *
 * <p>
 * An entity belongs to the service whose segment holds it in its tree; an independent
 * subsegment to the service of the segment its parent is in. One whose parent never
 * arrived belongs to no service: its annotations are listed without services.
 */
public final class Attribution {

	private final Map<String, Map<Object, Set<NodeKey>>> annotations = new LinkedHashMap<>();

	private final Map<String, Set<NodeKey>> users = new LinkedHashMap<>();

	private final Map<NodeKey, String> accounts = new HashMap<>();

	private final Set<String> resourceArns = new LinkedHashSet<>();

	private Attribution() {
	}

	static Attribution of(Doc[] docs) {
		Attribution attribution = new Attribution();
		Map<Long, Entity> owners = new HashMap<>();
		List<Doc> independents = new ArrayList<>();
		for (Doc doc : docs) {
			if (doc.independent()) {
				independents.add(doc);
			}
			else {
				index(doc.entity(), doc.entity(), owners);
			}
		}
		// an independent subsegment may hang under another one: settle them in passes
		boolean progress = true;
		while (!independents.isEmpty() && progress) {
			progress = false;
			for (var it = independents.iterator(); it.hasNext();) {
				Doc doc = it.next();
				Entity segment = owners.get(doc.parentId());
				if (segment != null) {
					index(doc.entity(), segment, owners);
					it.remove();
					progress = true;
				}
			}
		}
		for (Doc doc : docs) {
			Entity segment = owners.get(doc.id());
			NodeKey service = (segment != null) ? NodeKey.service(segment.name, segment.origin) : null;
			attribution.walk(doc.entity(), segment, service);
		}
		return attribution;
	}

	private static void index(Entity e, Entity segment, Map<Long, Entity> owners) {
		owners.put(e.id, segment);
		for (Entity child : e.children) {
			index(child, segment, owners);
		}
	}

	private void walk(Entity e, Entity segment, NodeKey service) {
		if (e.annotations != null) {
			e.annotations.forEach((key, value) -> {
				Set<NodeKey> services = this.annotations.computeIfAbsent(key, (k) -> new LinkedHashMap<>())
					.computeIfAbsent(value, (v) -> new LinkedHashSet<>());
				if (service != null) {
					services.add(service);
				}
			});
		}
		if (e.user != null) {
			Set<NodeKey> services = this.users.computeIfAbsent(e.user, (u) -> new LinkedHashSet<>());
			if (service != null) {
				services.add(service);
			}
		}
		if (e == segment) {
			if (e.awsAccountId != null) {
				this.accounts.putIfAbsent(service, e.awsAccountId);
			}
			if (e.resourceArn != null) {
				this.resourceArns.add(e.resourceArn);
			}
		}
		String table = tableArn(e, segment);
		if (table != null) {
			this.resourceArns.add(table);
		}
		for (Entity child : e.children) {
			walk(child, segment, service);
		}
	}

	/**
	 * The ARN of the DynamoDB table a call used, when the call names its region and an
	 * account is known (the call's own {@code aws.account_id}, else its segment's). SDKs
	 * record the region but rarely the account; X-Ray fills in the account that received
	 * the segments, which a local tool does not have, so without one the table is left
	 * out rather than given a made-up account.
	 */
	private static String tableArn(Entity call, Entity segment) {
		if (!"aws".equals(call.namespace) || call.awsTable == null || call.awsRegion == null
				|| !call.name.equalsIgnoreCase("dynamodb")) {
			return null;
		}
		String account = (call.awsAccountId != null) ? call.awsAccountId
				: (segment != null) ? segment.awsAccountId : null;
		if (account == null) {
			return null;
		}
		return "arn:" + partition(call.awsRegion) + ":dynamodb:" + call.awsRegion + ":" + account + ":table/"
				+ call.awsTable;
	}

	private static String partition(String region) {
		if (region.startsWith("cn-")) {
			return "aws-cn";
		}
		return region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
	}

	/** The services that recorded {@code value} under {@code key}, in the order met. */
	public Set<NodeKey> annotationServices(String key, Object value) {
		Map<Object, Set<NodeKey>> values = this.annotations.get(key);
		Set<NodeKey> services = (values != null) ? values.get(value) : null;
		return (services != null) ? services : Set.of();
	}

	/** The services whose segments or subsegments named {@code user}. */
	public Set<NodeKey> userServices(String user) {
		return this.users.getOrDefault(user, Set.of());
	}

	/** The {@code aws.account_id} a service's segments gave, or null. */
	public String account(NodeKey service) {
		return this.accounts.get(service);
	}

	/**
	 * Segments' {@code resource_arn}s and the DynamoDB tables called, without repeats.
	 */
	public List<String> resourceArns() {
		return List.copyOf(this.resourceArns);
	}

}
