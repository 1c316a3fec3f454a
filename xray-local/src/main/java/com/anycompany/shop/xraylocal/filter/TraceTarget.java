package com.anycompany.shop.xraylocal.filter;

import java.util.ArrayList;
import java.util.List;

import com.anycompany.shop.xraylocal.store.Entity;
import com.anycompany.shop.xraylocal.store.NodeKey;
import com.anycompany.shop.xraylocal.store.Occurrence;
import com.anycompany.shop.xraylocal.store.RootCauses;
import com.anycompany.shop.xraylocal.store.TraceFacts;

/**
 * A trace as the filter language sees it. At trace level the flags are those of any
 * segment or subsegment, the HTTP fields and the response time those of the entry point;
 * inside {@code service()} and {@code edge()} they are those of the node's segment (or
 * the calling subsegment).
 */
public final class TraceTarget implements FilterTarget {

	private final TraceFacts facts;

	public TraceTarget(TraceFacts facts) {
		this.facts = facts;
	}

	public static boolean matches(Filter filter, TraceFacts facts) {
		return filter == Filter.ALL || filter.test(new TraceTarget(facts));
	}

	@Override
	public boolean flag(Keyword keyword) {
		return switch (keyword) {
			case OK -> this.facts.flags() == 0;
			case ERROR -> this.facts.hasFlag(Entity.ERROR);
			case FAULT -> this.facts.hasFlag(Entity.FAULT);
			case THROTTLE -> this.facts.hasFlag(Entity.THROTTLE);
			case PARTIAL -> this.facts.partial();
			case ROOT -> this.facts.entry() != null;
			default -> false;
		};
	}

	@Override
	public double number(Keyword keyword) {
		Entity entry = this.facts.entry();
		return switch (keyword) {
			case RESPONSETIME -> (entry != null && !entry.inProgress) ? entry.duration() : Double.NaN;
			case DURATION -> this.facts.duration();
			case HTTP_STATUS -> (entry != null && entry.httpStatus > 0) ? entry.httpStatus : Double.NaN;
			default -> Double.NaN;
		};
	}

	@Override
	public List<String> strings(Keyword keyword) {
		return switch (keyword) {
			case USER -> List.copyOf(this.facts.users());
			case NAME -> this.facts.services().stream().map(NodeKey::name).toList();
			case TYPE -> this.facts.services().stream().map(NodeKey::type).filter((t) -> t != null).toList();
			case ID -> List.of(this.facts.traceId());
			default -> entityString(this.facts.entry(), keyword);
		};
	}

	@Override
	public List<FilterTarget> rootCauses(String kind, String level) {
		RootCauses causes = this.facts.rootCauses();
		return RootCauseElement.of(switch (kind) {
			case "fault" -> causes.faults();
			case "error" -> causes.errors();
			default -> causes.responseTime();
		}, level);
	}

	@Override
	public List<Object> annotation(String key) {
		return this.facts.annotations().getOrDefault(key, List.of());
	}

	@Override
	public List<Occurrence> nodes() {
		return this.facts.nodes();
	}

	@Override
	public List<Occurrence> edges() {
		return this.facts.edges();
	}

	@Override
	public FilterTarget part(Occurrence occurrence) {
		return new Part(occurrence);
	}

	@Override
	public NodeKey node() {
		return null;
	}

	@Override
	public NodeKey from() {
		return null;
	}

	static List<String> entityString(Entity e, Keyword keyword) {
		if (e == null) {
			return List.of();
		}
		String value = switch (keyword) {
			case HTTP_URL -> e.httpUrl;
			case HTTP_METHOD -> e.httpMethod;
			case HTTP_USERAGENT -> e.userAgent;
			case HTTP_CLIENTIP -> e.clientIp;
			case USER -> e.user;
			default -> null;
		};
		return (value != null) ? List.of(value) : List.of();
	}

	/** One node or edge occurrence of the trace. */
	private static final class Part implements FilterTarget {

		private final Occurrence occurrence;

		Part(Occurrence occurrence) {
			this.occurrence = occurrence;
		}

		private Entity entity() {
			return this.occurrence.entity();
		}

		@Override
		public boolean flag(Keyword keyword) {
			int flags = entity().effectiveFlags();
			return switch (keyword) {
				case OK -> flags == 0 && !entity().inProgress;
				case ERROR -> (flags & Entity.ERROR) != 0;
				case FAULT -> (flags & Entity.FAULT) != 0;
				case THROTTLE -> (flags & Entity.THROTTLE) != 0;
				case PARTIAL -> entity().inProgress;
				case ROOT -> this.occurrence.root();
				case INFERRED -> this.occurrence.node().isInferred();
				default -> false;
			};
		}

		@Override
		public double number(Keyword keyword) {
			return switch (keyword) {
				case RESPONSETIME, DURATION -> entity().inProgress ? Double.NaN : entity().duration();
				case HTTP_STATUS -> (entity().httpStatus > 0) ? entity().httpStatus : Double.NaN;
				default -> Double.NaN;
			};
		}

		@Override
		public List<String> strings(Keyword keyword) {
			return switch (keyword) {
				case NAME -> List.of(this.occurrence.node().name());
				case TYPE ->
					(this.occurrence.node().type() != null) ? List.of(this.occurrence.node().type()) : List.of();
				case ID -> List.of(String.format("%016x", entity().id));
				default -> entityString(entity(), keyword);
			};
		}

		@Override
		public List<Object> annotation(String key) {
			List<Object> values = new ArrayList<>(1);
			entity().forEach((e) -> {
				if (e.annotations != null && e.annotations.containsKey(key)) {
					values.add(e.annotations.get(key));
				}
			});
			return values;
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
			return this.occurrence.node();
		}

		@Override
		public NodeKey from() {
			return this.occurrence.from();
		}

	}

}
