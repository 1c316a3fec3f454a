package com.anycompany.shop.xraylocal.store;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A node of the service graph: a service (its segment name and origin), an inferred
 * resource such as a DynamoDB table, a remote call target, or the client in front of an
 * entry service. Keys are interned and numbered, so that a graph over many traces adds up
 * figures in arrays indexed by {@link #id()} instead of hashing names.
 */
public final class NodeKey {

	public static final String CLIENT = "client";

	public static final String REMOTE = "remote";

	public static final String DYNAMODB_TABLE = "AWS::DynamoDB::Table";

	/**
	 * Distinct keys kept apart; beyond it new names share one catch-all node per kind.
	 */
	static final int MAX_KEYS = 100_000;

	static final String OVERFLOW_NAME = "(other names)";

	private static final Map<Ident, NodeKey> INTERNED = new ConcurrentHashMap<>();

	private static volatile NodeKey[] byId = new NodeKey[64];

	private static int count;

	private final String name;

	private final String type;

	private final Kind kind;

	private final int id;

	private final String awsService;

	/** What a node stands for. */
	public enum Kind {

		/** The callers in front of an entry service. */
		CLIENT,
		/** An instrumented service: it sends its own segments. */
		SERVICE,
		/** Known only from the caller's subsegments. */
		INFERRED

	}

	/**
	 * The interning key. Not a record: a record's equals and hashCode go through method
	 * handles, slow under the launcher's C1-only JIT, and ingest looks keys up for every
	 * segment and call; the hash is computed once.
	 */
	private static final class Ident {

		private final String name;

		private final String type;

		private final Kind kind;

		private final int hash;

		Ident(String name, String type, Kind kind) {
			this.name = name;
			this.type = type;
			this.kind = kind;
			this.hash = (name.hashCode() * 31 + Objects.hashCode(type)) * 31 + kind.ordinal();
		}

		@Override
		public boolean equals(Object other) {
			return this == other || (other instanceof Ident ident && this.hash == ident.hash && this.kind == ident.kind
					&& this.name.equals(ident.name) && Objects.equals(this.type, ident.type));
		}

		@Override
		public int hashCode() {
			return this.hash;
		}

	}

	private NodeKey(String name, String type, Kind kind, int id) {
		this.name = name;
		this.type = type;
		this.kind = kind;
		this.id = id;
		this.awsService = awsServiceOf(type, kind);
	}

	public static NodeKey service(String name, String origin) {
		return of(name, origin, Kind.SERVICE);
	}

	public static NodeKey client(String rootName) {
		return of(rootName, CLIENT, Kind.CLIENT);
	}

	/** The inferred node of an {@code aws} or {@code remote} subsegment. */
	public static NodeKey forCall(Entity call) {
		if (!"aws".equals(call.namespace)) {
			return of(call.name, REMOTE, Kind.INFERRED);
		}
		String service = call.name.equalsIgnoreCase("dynamodb") ? "DynamoDB" : call.name;
		if (call.awsTable != null && service.equals("DynamoDB")) {
			return of(call.awsTable, DYNAMODB_TABLE, Kind.INFERRED);
		}
		return of(service, "AWS::" + service.replace(' ', '_'), Kind.INFERRED);
	}

	private static NodeKey of(String name, String type, Kind kind) {
		NodeKey known = INTERNED.get(new Ident(name, type, kind));
		return (known != null) ? known : intern(name, type, kind);
	}

	private static synchronized NodeKey intern(String name, String type, Kind kind) {
		Ident ident = new Ident(name, type, kind);
		NodeKey known = INTERNED.get(ident);
		if (known != null) {
			return known;
		}
		if (count >= MAX_KEYS && !name.equals(OVERFLOW_NAME)) {
			// a client inventing names without end must not grow memory without end
			return intern(OVERFLOW_NAME, type, kind);
		}
		NodeKey key = new NodeKey(name, type, kind, count);
		NodeKey[] ids = byId;
		if (count == ids.length) {
			ids = Arrays.copyOf(ids, ids.length * 2);
		}
		ids[count++] = key;
		byId = ids;
		INTERNED.put(ident, key);
		return key;
	}

	/** The key numbered {@code id}. */
	public static NodeKey byId(int id) {
		return byId[id];
	}

	/** How many keys exist: every id is below it. */
	public static synchronized int count() {
		return count;
	}

	public String name() {
		return this.name;
	}

	/**
	 * {@code client}, {@code remote}, {@code AWS::DynamoDB::Table}, a segment's origin,
	 * or null for a service whose segments name no origin.
	 */
	public String type() {
		return this.type;
	}

	public Kind kind() {
		return this.kind;
	}

	/** Dense, from 0, unique per key. */
	public int id() {
		return this.id;
	}

	public boolean isClient() {
		return this.kind == Kind.CLIENT;
	}

	public boolean isInferred() {
		return this.kind == Kind.INFERRED;
	}

	/**
	 * Whether a name given in a filter stands for this node: the node name, case
	 * insensitive, or the AWS service of an inferred resource ({@code DynamoDB} for a
	 * table).
	 */
	public boolean matchesName(String wanted) {
		return this.name.equalsIgnoreCase(wanted)
				|| (this.awsService != null && this.awsService.equalsIgnoreCase(wanted));
	}

	/**
	 * {@code DynamoDB} for {@code AWS::DynamoDB::Table}; null unless an inferred AWS
	 * node.
	 */
	public String awsService() {
		return this.awsService;
	}

	private static String awsServiceOf(String type, Kind kind) {
		if (kind != Kind.INFERRED || type == null || !type.startsWith("AWS::")) {
			return null;
		}
		String rest = type.substring(5);
		int end = rest.indexOf("::");
		return (end < 0) ? rest : rest.substring(0, end);
	}

	@Override
	public boolean equals(Object other) {
		return this == other || (other instanceof NodeKey key && this.kind == key.kind && this.name.equals(key.name)
				&& Objects.equals(this.type, key.type));
	}

	@Override
	public int hashCode() {
		return this.id;
	}

	@Override
	public String toString() {
		return (this.type != null) ? this.name + " (" + this.type + ")" : this.name;
	}

}
