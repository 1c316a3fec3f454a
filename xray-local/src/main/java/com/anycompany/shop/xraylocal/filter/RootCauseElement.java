package com.anycompany.shop.xraylocal.filter;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.anycompany.shop.xraylocal.store.Entity;
import com.anycompany.shop.xraylocal.store.NodeKey;
import com.anycompany.shop.xraylocal.store.Occurrence;
import com.anycompany.shop.xraylocal.store.RootCauses;

/**
 * One element of a trace's root causes (a service, an entity or an exception on a cause's
 * path) as a {@code rootcause.kind.level { }} condition reads it: {@code name},
 * {@code type}, {@code message}, {@code inferred}, {@code remote}, {@code coverage}, and
 * its place in the enumerated list ({@code index} from 0, {@code first}, {@code last}).
 * Entities and exceptions are enumerated along the whole path, so {@code last} is the
 * deepest.
 */
final class RootCauseElement implements FilterTarget {

	private final Set<Keyword> flags = EnumSet.noneOf(Keyword.class);

	private final Map<Keyword, Double> numbers = new EnumMap<>(Keyword.class);

	private final Map<Keyword, List<String>> strings = new EnumMap<>(Keyword.class);

	private RootCauseElement(int index, int count) {
		this.numbers.put(Keyword.INDEX, (double) index);
		if (index == 0) {
			this.flags.add(Keyword.FIRST);
		}
		if (index == count - 1) {
			this.flags.add(Keyword.LAST);
		}
	}

	/** The elements of {@code causes} at {@code level}, cause after cause. */
	static List<FilterTarget> of(List<RootCauses.Cause> causes, String level) {
		List<FilterTarget> elements = new ArrayList<>();
		for (RootCauses.Cause cause : causes) {
			switch (level) {
				case "service" -> services(cause, elements);
				case "entity" -> entities(cause, elements);
				default -> exceptions(cause, elements);
			}
		}
		return elements;
	}

	private static void services(RootCauses.Cause cause, List<FilterTarget> elements) {
		List<RootCauses.Service> services = cause.services();
		for (int i = 0; i < services.size(); i++) {
			NodeKey node = services.get(i).node();
			RootCauseElement element = new RootCauseElement(i, services.size());
			element.strings.put(Keyword.NAME, List.of(node.name()));
			element.strings.put(Keyword.TYPE, (node.type() != null) ? List.of(node.type()) : List.of());
			if (node.isInferred()) {
				element.flags.add(Keyword.INFERRED);
			}
			elements.add(element);
		}
	}

	private static void entities(RootCauses.Cause cause, List<FilterTarget> elements) {
		List<RootCauses.PathEntity> path = new ArrayList<>();
		cause.services().forEach((service) -> path.addAll(service.path()));
		for (int i = 0; i < path.size(); i++) {
			RootCauses.PathEntity entity = path.get(i);
			RootCauseElement element = new RootCauseElement(i, path.size());
			element.strings.put(Keyword.NAME, List.of(entity.name()));
			element.strings.put(Keyword.MESSAGE,
					entity.exceptions().stream().map(Entity.Thrown::message).filter((m) -> m != null).toList());
			if (entity.remote()) {
				element.flags.add(Keyword.REMOTE);
			}
			if (!Double.isNaN(entity.coverage())) {
				element.numbers.put(Keyword.COVERAGE, entity.coverage());
			}
			elements.add(element);
		}
	}

	private static void exceptions(RootCauses.Cause cause, List<FilterTarget> elements) {
		List<Entity.Thrown> thrown = new ArrayList<>();
		cause.services().forEach((service) -> service.path().forEach((entity) -> thrown.addAll(entity.exceptions())));
		for (int i = 0; i < thrown.size(); i++) {
			Entity.Thrown exception = thrown.get(i);
			RootCauseElement element = new RootCauseElement(i, thrown.size());
			element.strings.put(Keyword.NAME, (exception.name() != null) ? List.of(exception.name()) : List.of());
			element.strings.put(Keyword.MESSAGE,
					(exception.message() != null) ? List.of(exception.message()) : List.of());
			elements.add(element);
		}
	}

	@Override
	public boolean flag(Keyword keyword) {
		return this.flags.contains(keyword);
	}

	@Override
	public double number(Keyword keyword) {
		return this.numbers.getOrDefault(keyword, Double.NaN);
	}

	@Override
	public List<String> strings(Keyword keyword) {
		return this.strings.getOrDefault(keyword, List.of());
	}

	@Override
	public List<Object> annotation(String key) {
		return List.of();
	}

	@Override
	public List<Occurrence> nodes() {
		return List.of();
	}

	@Override
	public List<Occurrence> edges() {
		return List.of();
	}

	@Override
	public FilterTarget part(Occurrence occurrence) {
		return this;
	}

	@Override
	public NodeKey node() {
		return null;
	}

	@Override
	public NodeKey from() {
		return null;
	}

}
