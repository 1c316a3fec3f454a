package com.anycompany.shop.xraylocal.filter;

import java.util.List;

import com.anycompany.shop.xraylocal.filter.FilterTarget.Keyword;
import com.anycompany.shop.xraylocal.store.NodeKey;
import com.anycompany.shop.xraylocal.store.Occurrence;

/**
 * A parsed filter expression: a tree of the forms below, evaluated against a trace.
 */
public sealed interface Filter {

	/** The empty expression: everything matches. */
	Filter ALL = new All();

	boolean test(FilterTarget target);

	/** Comparison operators. */
	enum Op {

		EQ("="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">="), CONTAINS("CONTAINS"), BEGINSWITH("BEGINSWITH"),
		ENDSWITH("ENDSWITH");

		private final String text;

		Op(String text) {
			this.text = text;
		}

		public String text() {
			return this.text;
		}

		boolean isOrdering() {
			return this == LT || this == LE || this == GT || this == GE;
		}

		boolean isText() {
			return this == CONTAINS || this == BEGINSWITH || this == ENDSWITH;
		}

		boolean compare(double left, double right) {
			return switch (this) {
				case EQ -> left == right;
				case NE -> left != right;
				case LT -> left < right;
				case LE -> left <= right;
				case GT -> left > right;
				case GE -> left >= right;
				default -> false;
			};
		}

		boolean compare(String left, String right) {
			return switch (this) {
				case EQ -> left.equals(right);
				case NE -> !left.equals(right);
				case CONTAINS -> left.contains(right);
				case BEGINSWITH -> left.startsWith(right);
				case ENDSWITH -> left.endsWith(right);
				default -> false;
			};
		}

	}

	/** Matches everything. */
	record All() implements Filter {

		@Override
		public boolean test(FilterTarget target) {
			return true;
		}

	}

	/** Every part holds. */
	record And(List<Filter> parts) implements Filter {

		@Override
		public boolean test(FilterTarget target) {
			for (Filter part : this.parts) {
				if (!part.test(target)) {
					return false;
				}
			}
			return true;
		}

	}

	/** Some part holds. */
	record Or(List<Filter> parts) implements Filter {

		@Override
		public boolean test(FilterTarget target) {
			for (Filter part : this.parts) {
				if (part.test(target)) {
					return true;
				}
			}
			return false;
		}

	}

	/** The negation. */
	record Not(Filter inner) implements Filter {

		@Override
		public boolean test(FilterTarget target) {
			return !this.inner.test(target);
		}

	}

	/** {@code fault}, {@code !ok}, {@code throttle = true}. */
	record Flag(Keyword keyword) implements Filter {

		@Override
		public boolean test(FilterTarget target) {
			return target.flag(this.keyword);
		}

	}

	/**
	 * {@code responsetime > 1}, {@code http.status = 500}; an unknown value never
	 * matches.
	 */
	record NumberCompare(Keyword keyword, Op op, double value) implements Filter {

		@Override
		public boolean test(FilterTarget target) {
			double actual = target.number(this.keyword);
			return !Double.isNaN(actual) && this.op.compare(actual, this.value);
		}

	}

	/**
	 * {@code http.url CONTAINS "/cart"}: true when some value matches; {@code !=} is true
	 * when no value equals.
	 */
	record StringCompare(Keyword keyword, Op op, String value) implements Filter {

		@Override
		public boolean test(FilterTarget target) {
			return matchAny(target.strings(this.keyword), this.op, this.value);
		}

	}

	/** {@code annotation.KEY}: the annotation is set. */
	record AnnotationPresent(String key) implements Filter {

		@Override
		public boolean test(FilterTarget target) {
			return !target.annotation(this.key).isEmpty();
		}

	}

	/** {@code annotation.KEY op value}, compared with the values of the same type. */
	record AnnotationCompare(String key, Op op, Object value) implements Filter {

		@Override
		public boolean test(FilterTarget target) {
			List<Object> values = target.annotation(this.key);
			if (this.op == Op.NE) {
				return values.stream().noneMatch((v) -> sameType(v) && v.equals(this.value));
			}
			for (Object actual : values) {
				if (!sameType(actual)) {
					continue;
				}
				boolean match;
				if (actual instanceof Double number) {
					match = this.op.compare(number, (Double) this.value);
				}
				else if (actual instanceof String text) {
					match = this.op.compare(text, (String) this.value);
				}
				else {
					match = this.op == Op.EQ && actual.equals(this.value);
				}
				if (match) {
					return true;
				}
			}
			return false;
		}

		private boolean sameType(Object actual) {
			return actual.getClass() == this.value.getClass();
		}

	}

	/**
	 * Names a node: by name (case insensitive; {@code DynamoDB} also names each table),
	 * or by name and type as in {@code id(name: "x", type: "AWS::DynamoDB::Table")}.
	 * Remembers its answer per node, as one query asks about the same few nodes in every
	 * trace.
	 */
	final class Selector {

		private final String name;

		private final String type;

		/** Per node id: 0 not asked yet, 1 matches, 2 does not. */
		private byte[] answers = new byte[0];

		Selector(String name, String type) {
			this.name = name;
			this.type = type;
		}

		public String name() {
			return this.name;
		}

		public String type() {
			return this.type;
		}

		public boolean matches(NodeKey node) {
			if (node == null) {
				return false;
			}
			int id = node.id();
			byte[] known = this.answers;
			if (id < known.length && known[id] != 0) {
				return known[id] == 1;
			}
			boolean match = decide(node);
			if (id >= known.length) {
				known = java.util.Arrays.copyOf(known, Math.max(id + 1, NodeKey.count()));
				this.answers = known;
			}
			known[id] = (byte) (match ? 1 : 2);
			return match;
		}

		private boolean decide(NodeKey node) {
			if (node.isClient()) {
				return false;
			}
			if (this.type != null) {
				return node.name().equals(this.name) && this.type.equals(node.type());
			}
			return node.matchesName(this.name);
		}

	}

	/** {@code service("name") { inner }}: some part of the named node matches. */
	record Service(Selector selector, Filter inner) implements Filter {

		@Override
		public boolean test(FilterTarget target) {
			for (Occurrence node : target.nodes()) {
				if ((this.selector == null || this.selector.matches(node.node()))
						&& (this.inner == ALL || this.inner.test(target.part(node)))) {
					return true;
				}
			}
			return false;
		}

	}

	/** {@code edge("a", "b") { inner }}: some call from a to b matches. */
	record Edge(Selector from, Selector to, Filter inner) implements Filter {

		@Override
		public boolean test(FilterTarget target) {
			for (Occurrence edge : target.edges()) {
				if (this.from.matches(edge.from()) && this.to.matches(edge.node())
						&& (this.inner == ALL || this.inner.test(target.part(edge)))) {
					return true;
				}
			}
			return false;
		}

	}

	/**
	 * {@code rootcause.fault.service { name = "x" }}: some element of the trace's root
	 * causes of that kind, at that level, matches.
	 *
	 * @param kind {@code fault}, {@code error} or {@code responsetime}
	 * @param level {@code service}, {@code entity} or {@code exception}
	 */
	record RootCause(String kind, String level, Filter inner) implements Filter {

		@Override
		public boolean test(FilterTarget target) {
			for (FilterTarget element : target.rootCauses(this.kind, this.level)) {
				if (this.inner == ALL || this.inner.test(element)) {
					return true;
				}
			}
			return false;
		}

	}

	private static boolean matchAny(List<String> values, Op op, String wanted) {
		if (op == Op.NE) {
			return !values.contains(wanted);
		}
		for (String value : values) {
			if (op.compare(value, wanted)) {
				return true;
			}
		}
		return false;
	}

}
