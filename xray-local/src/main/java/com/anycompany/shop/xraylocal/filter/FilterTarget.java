package com.anycompany.shop.xraylocal.filter;

import java.util.List;

import com.anycompany.shop.xraylocal.store.NodeKey;
import com.anycompany.shop.xraylocal.store.Occurrence;

/**
 * What a filter expression is evaluated against: a whole trace, or inside
 * {@code service(...) { }} and {@code edge(...) { }} one node's or one edge's part of it.
 */
public interface FilterTarget {

	boolean flag(Keyword keyword);

	/** NaN when the value is unknown. */
	double number(Keyword keyword);

	/** Every value the target has for a string keyword, possibly none. */
	List<String> strings(Keyword keyword);

	/** Every value of an annotation, possibly none. */
	List<Object> annotation(String key);

	/** The trace's node occurrences, for {@code service()}; none inside a scope. */
	List<Occurrence> nodes();

	/** The trace's edge occurrences, for {@code edge()}; none inside a scope. */
	List<Occurrence> edges();

	/** One node's or edge's part of the trace, to evaluate a scope's condition on. */
	FilterTarget part(Occurrence occurrence);

	/**
	 * The elements of the trace's root causes of one kind ({@code fault}, {@code error},
	 * {@code responsetime}) at one level ({@code service}, {@code entity},
	 * {@code exception}), each to evaluate a {@code rootcause.kind.level { }} condition
	 * on; none below the trace.
	 */
	default List<FilterTarget> rootCauses(String kind, String level) {
		return List.of();
	}

	/** The node (or an edge's target); null for a trace. */
	NodeKey node();

	/** An edge's source; null otherwise. */
	NodeKey from();

	/** The keywords of the filter language. */
	enum Keyword {

		OK("ok", Type.BOOLEAN), ERROR("error", Type.BOOLEAN), FAULT("fault", Type.BOOLEAN),
		THROTTLE("throttle", Type.BOOLEAN), PARTIAL("partial", Type.BOOLEAN), ROOT("root", Type.BOOLEAN),
		INFERRED("inferred", Type.BOOLEAN), RESPONSETIME("responsetime", Type.NUMBER),
		DURATION("duration", Type.NUMBER), HTTP_STATUS("http.status", Type.NUMBER), HTTP_URL("http.url", Type.STRING),
		HTTP_METHOD("http.method", Type.STRING), HTTP_USERAGENT("http.useragent", Type.STRING),
		HTTP_CLIENTIP("http.clientip", Type.STRING), USER("user", Type.STRING), NAME("name", Type.STRING),
		ID("id", Type.STRING), TYPE("type", Type.STRING), MESSAGE("message", Type.STRING), FIRST("first", Type.BOOLEAN),
		LAST("last", Type.BOOLEAN), REMOTE("remote", Type.BOOLEAN), INDEX("index", Type.NUMBER),
		COVERAGE("coverage", Type.NUMBER);

		private final String text;

		private final Type type;

		Keyword(String text, Type type) {
			this.text = text;
			this.type = type;
		}

		public String text() {
			return this.text;
		}

		public Type type() {
			return this.type;
		}

		static Keyword find(String word) {
			for (Keyword keyword : values()) {
				if (keyword.text.equalsIgnoreCase(word)) {
					return keyword;
				}
			}
			return null;
		}

	}

	/** Value types of keywords. */
	enum Type {

		BOOLEAN, NUMBER, STRING

	}

}
