package com.anycompany.shop.xraylocal.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.anycompany.shop.xraylocal.filter.Filter;
import com.anycompany.shop.xraylocal.store.TraceFacts;

/**
 * The annotation keys seen in a window's traces, each with its most frequent values
 * (counted once per trace), so a person can search by a value without knowing it.
 */
public final class AnnotationValues {

	private final TraceQuery traces;

	public AnnotationValues(TraceQuery traces) {
		this.traces = traces;
	}

	/**
	 * A value and the number of traces that had it.
	 *
	 * @param value a String, Double or Boolean, as annotated
	 */
	public record Value(Object value, long traces) {
	}

	/**
	 * A key, the number of traces that had it, and its most frequent values.
	 */
	public record Key(String key, long traces, List<Value> values) {
	}

	/** Keys in name order, each with at most {@code top} values, most frequent first. */
	public List<Key> of(double start, double end, Filter group, int top) {
		Map<String, Map<Object, Long>> counts = new TreeMap<>();
		Map<String, Long> keyCounts = new HashMap<>();
		for (TraceFacts facts : this.traces.overlapping(start, end, group)) {
			facts.annotations().forEach((key, values) -> {
				keyCounts.merge(key, 1L, Long::sum);
				Map<Object, Long> byValue = counts.computeIfAbsent(key, (k) -> new HashMap<>());
				values.forEach((value) -> byValue.merge(value, 1L, Long::sum));
			});
		}
		List<Key> keys = new ArrayList<>();
		counts.forEach((key,
				byValue) -> keys.add(new Key(key, keyCounts.get(key),
						byValue.entrySet()
							.stream()
							.sorted(Map.Entry.<Object, Long>comparingByValue()
								.reversed()
								.thenComparing((e) -> String.valueOf(e.getKey())))
							.limit(top)
							.map((e) -> new Value(e.getKey(), e.getValue()))
							.toList())));
		return keys;
	}

}
