package com.anycompany.shop.xraylocal.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import com.anycompany.shop.xraylocal.filter.Filter;
import com.anycompany.shop.xraylocal.filter.FilterException;
import com.anycompany.shop.xraylocal.filter.FilterParser;
import com.anycompany.shop.xraylocal.filter.TraceTarget;
import com.anycompany.shop.xraylocal.graph.GraphIndex;
import com.anycompany.shop.xraylocal.graph.ServiceGraph;
import com.anycompany.shop.xraylocal.graph.Stats;
import com.anycompany.shop.xraylocal.store.Trace;
import com.anycompany.shop.xraylocal.store.TraceFacts;
import com.anycompany.shop.xraylocal.store.TraceStore;
import com.anycompany.shop.xraylocal.web.ApiException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * GetTimeSeriesServiceStatistics: per period, the figures of the selected services or
 * edges, read from the per-minute service graph (a group's series reads its traces). The
 * entity selector is {@code service("name")}, {@code id(name: "x", type: "y")} or
 * {@code edge("a", "b")}; without one, the calls from clients into the entry services.
 * Periods in which the selection saw nothing are left out.
 */
@RestController
class TimeSeriesController {

	/** Seconds per point when the request names no period. */
	static final int DEFAULT_PERIOD = 60;

	/** Past periods a fault forecast is made from. */
	static final int FORECAST_HISTORY = 10;

	private final TraceStore store;

	private final GraphIndex graphIndex;

	private final Groups groups;

	private final JsonMapper mapper;

	TimeSeriesController(TraceStore store, GraphIndex graphIndex, Groups groups, JsonMapper mapper) {
		this.store = store;
		this.graphIndex = graphIndex;
		this.groups = groups;
		this.mapper = mapper;
	}

	@PostMapping("/TimeSeriesServiceStatistics")
	XrayJson.TimeSeriesResult getTimeSeriesServiceStatistics(@RequestBody(required = false) byte[] body) {
		JsonNode request = Requests.body(this.mapper, body);
		double start = Requests.time(request, "StartTime", null);
		double end = Requests.time(request, "EndTime", null);
		if (end < start) {
			throw ApiException.invalid("EndTime must not be before StartTime");
		}
		int period = period(request.get("Period"));
		Filter selector = selector(Requests.string(request, "EntitySelectorExpression"));
		boolean forecast = request.path("ForecastStatistics").asBoolean(false);
		if (forecast && !(selector instanceof Filter.Service)) {
			throw ApiException.invalid("ForecastStatistics needs an EntitySelectorExpression naming a service");
		}
		String token = Requests.string(request, "NextToken");
		if (token != null && !token.isEmpty()) {
			// every answer fits one page, so no token was ever given out
			throw ApiException.invalid("NextToken is not one this service gave out");
		}
		Filter group = this.groups.filter(Requests.string(request, "GroupName"), Requests.string(request, "GroupARN"));
		SortedMap<Long, ServiceGraph> graphs = (group == Filter.ALL) ? this.graphIndex.series(start, end, period)
				: groupSeries(group, start, end, period);

		SortedMap<Long, Selection> selected = new TreeMap<>();
		graphs.forEach((timestamp, graph) -> {
			Selection selection = select(graph, selector);
			if (selection.seen()) {
				selected.put(timestamp, selection);
			}
		});
		List<XrayJson.TimeSeriesEntry> entries = new ArrayList<>();
		selected
			.forEach(
					(timestamp,
							selection) -> entries.add(new XrayJson.TimeSeriesEntry(timestamp,
									TraceController.statistics(selection.edges),
									(selection.services != null) ? TraceController.statistics(selection.services)
											: null,
									forecast ? forecast(selected, timestamp, period) : null,
									TraceController.histogram(selection.histogramSource().histogram()))));
		return new XrayJson.TimeSeriesResult(entries, false, null);
	}

	private static int period(JsonNode value) {
		if (value == null || value.isNull()) {
			return DEFAULT_PERIOD;
		}
		if (!value.isIntegralNumber() || value.asInt() <= 0 || value.asInt() % 60 != 0) {
			throw ApiException.invalid("Period must be a positive multiple of 60 seconds (60, 300, 3600)");
		}
		return value.asInt();
	}

	/**
	 * Parses the selector with the filter language; {@code id(...)} alone stands for
	 * {@code service(id(...))}.
	 */
	private static Filter selector(String expression) {
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
			throw ApiException.invalid("EntitySelectorExpression must be service(\"name\"), id(name: \"name\","
					+ " type: \"type\") or edge(\"from\", \"to\"), without a { } condition");
		}
		return parsed;
	}

	/**
	 * A group's series: its traces, read one by one, each in the period it started in.
	 */
	private SortedMap<Long, ServiceGraph> groupSeries(Filter group, double start, double end, int period) {
		SortedMap<Long, ServiceGraph> series = new TreeMap<>();
		for (Trace trace : this.store.snapshot()) {
			TraceFacts facts = trace.facts();
			if (facts.startTime() >= Math.floor(start / 60) * 60 && facts.startTime() <= end
					&& TraceTarget.matches(group, facts)) {
				long timestamp = (long) Math.floor(facts.startTime() / period) * period;
				series.computeIfAbsent(timestamp, (t) -> new ServiceGraph()).add(facts);
			}
		}
		return series;
	}

	/** The figures of one period's selected entities. */
	private static final class Selection {

		private final Stats edges = new Stats();

		/** Null when the selector names edges, not services. */
		private Stats services;

		boolean seen() {
			return this.edges.total() > 0 || (this.services != null && this.services.total() > 0);
		}

		/** The node's own response times for a service, the calls' otherwise. */
		Stats histogramSource() {
			return (this.services != null) ? this.services : this.edges;
		}

	}

	private static Selection select(ServiceGraph graph, Filter selector) {
		Selection selection = new Selection();
		if (selector instanceof Filter.Service service) {
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
	 * A band for the fault count, from the periods before: their mean plus or minus two
	 * standard deviations (periods without traffic count as no faults). X-Ray's own
	 * forecast is a trained model; this is a plain local stand-in.
	 */
	private static XrayJson.Forecast forecast(Map<Long, Selection> series, long timestamp, int period) {
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
		return new XrayJson.Forecast((long) Math.ceil(mean + 2 * deviation),
				(long) Math.max(0, Math.floor(mean - 2 * deviation)));
	}

}
