package com.anycompany.shop.xraylocal.query;

import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import com.anycompany.shop.xraylocal.filter.Filter;
import com.anycompany.shop.xraylocal.filter.FilterException;
import com.anycompany.shop.xraylocal.filter.FilterParser;
import com.anycompany.shop.xraylocal.graph.ServiceGraph;
import com.anycompany.shop.xraylocal.graph.Stats;

/**
 * The figures of selected services or edges per period, read from the per-period service
 * graphs. The selector is {@code service("name")}, {@code id(name: "x", type: "y")} or
 * {@code edge("a", "b")}; without one, the calls from clients into the entry services.
 * Periods in which the selection saw nothing are left out.
 */
public final class TimeSeriesQuery {

	/** Past periods a fault forecast is made from. */
	public static final int FORECAST_HISTORY = 10;

	private final GraphQuery graphs;

	public TimeSeriesQuery(GraphQuery graphs) {
		this.graphs = graphs;
	}

	/**
	 * Parses a selector with the filter language; {@code id(...)} alone stands for
	 * {@code service(id(...))}. Null or blank selects the clients' calls.
	 * @throws FilterException when it is not a selector
	 */
	public static Filter selector(String expression) {
		if (expression == null || expression.isBlank()) {
			return Filter.ALL;
		}
		String trimmed = expression.strip();
		Filter parsed;
		if (trimmed.toLowerCase(Locale.ROOT).matches("id\\s*\\(.*")) {
			try {
				parsed = FilterParser.parse("service(" + trimmed + ")");
			}
			catch (FilterException ex) {
				// point at the position in what the caller wrote
				int position = Math.max(1, ex.position() - "service(".length() + expression.indexOf(trimmed));
				throw new FilterException(ex.getMessage().replaceFirst("^.*?: ", ""), position);
			}
		}
		else {
			parsed = FilterParser.parse(expression);
		}
		boolean plainService = parsed instanceof Filter.Service service && service.selector() != null
				&& service.inner() == Filter.ALL;
		boolean plainEdge = parsed instanceof Filter.Edge edge && edge.inner() == Filter.ALL;
		if (!plainService && !plainEdge) {
			throw new IllegalArgumentException("EntitySelectorExpression must be service(\"name\"), id(name: \"name\","
					+ " type: \"type\") or edge(\"from\", \"to\"), without a { } condition");
		}
		return parsed;
	}

	/**
	 * The selection's figures per period (epoch seconds of its start), periods with none
	 * left out.
	 */
	public SortedMap<Long, Selection> series(double start, double end, int period, Filter selector, Filter group) {
		SortedMap<Long, Selection> selected = new TreeMap<>();
		this.graphs.series(start, end, period, group).forEach((timestamp, graph) -> {
			Selection selection = select(graph, selector);
			if (selection.seen()) {
				selected.put(timestamp, selection);
			}
		});
		return selected;
	}

	/** The figures of one period's selected entities. */
	public static final class Selection {

		private final Stats edges = new Stats();

		/** Null when the selector names edges, not services. */
		private Stats services;

		boolean seen() {
			return this.edges.total() > 0 || (this.services != null && this.services.total() > 0);
		}

		/** The calls into the selected services, or the selected edges. */
		public Stats edges() {
			return this.edges;
		}

		/** The selected services' own figures; null when the selector names edges. */
		public Stats services() {
			return this.services;
		}

		/** The node's own response times for a service, the calls' otherwise. */
		public Stats histogramSource() {
			return (this.services != null) ? this.services : this.edges;
		}

	}

	static Selection select(ServiceGraph graph, Filter selector) {
		Selection selection = new Selection();
		if (selector instanceof Filter.Service) {
			selection.services = new Stats();
		}
		for (ServiceGraph.Node node : graph.nodes()) {
			if (selector instanceof Filter.Service service && service.selector().matches(node.key())) {
				selection.services.merge(node.stats());
			}
			for (ServiceGraph.Edge edge : node.edges()) {
				boolean wanted;
				if (selector instanceof Filter.Service service) {
					wanted = service.selector().matches(edge.target());
				}
				else if (selector instanceof Filter.Edge named) {
					wanted = named.from().matches(node.key()) && named.to().matches(edge.target());
				}
				else {
					wanted = node.key().isClient();
				}
				if (wanted) {
					selection.edges.merge(edge.stats());
				}
			}
		}
		return selection;
	}

	/**
	 * A band for the fault count.
	 *
	 * @param upper the most faults expected
	 * @param lower the fewest
	 */
	public record Forecast(long upper, long lower) {
	}

	/**
	 * A band for the fault count, from the periods before: their mean plus or minus two
	 * standard deviations (periods without traffic count as no faults). X-Ray's own
	 * forecast is a trained model; this is a plain local stand-in.
	 */
	public static Forecast forecast(Map<Long, Selection> series, long timestamp, int period) {
		double sum = 0;
		double squares = 0;
		for (int i = 1; i <= FORECAST_HISTORY; i++) {
			Selection past = series.get(timestamp - (long) i * period);
			long faults = (past == null) ? 0 : past.histogramSource().fault();
			sum += faults;
			squares += (double) faults * faults;
		}
		double mean = sum / FORECAST_HISTORY;
		double deviation = Math.sqrt(Math.max(0, squares / FORECAST_HISTORY - mean * mean));
		return new Forecast((long) Math.ceil(mean + 2 * deviation),
				(long) Math.max(0, Math.floor(mean - 2 * deviation)));
	}

}
