package com.anycompany.shop.xraylocal.api;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;

import com.anycompany.shop.xraylocal.filter.Filter;
import com.anycompany.shop.xraylocal.graph.GraphIndex;
import com.anycompany.shop.xraylocal.query.GraphQuery;
import com.anycompany.shop.xraylocal.query.TimeSeriesQuery;
import com.anycompany.shop.xraylocal.store.TraceStore;
import com.anycompany.shop.xraylocal.web.ApiException;
import com.anycompany.shop.xraylocal.web.Bodies;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * GetTimeSeriesServiceStatistics: the request read and the answer written in X-Ray's
 * shape; which figures per period is {@link TimeSeriesQuery}'s business.
 */
@RestController
class TimeSeriesController {

	/** Seconds per point when the request names no period. */
	static final int DEFAULT_PERIOD = 60;

	private final TimeSeriesQuery query;

	private final Groups groups;

	private final JsonMapper mapper;

	TimeSeriesController(TraceStore store, GraphIndex graphIndex, Groups groups, JsonMapper mapper) {
		this.query = new TimeSeriesQuery(new GraphQuery(store, graphIndex));
		this.groups = groups;
		this.mapper = mapper;
	}

	@PostMapping("/TimeSeriesServiceStatistics")
	XrayJson.TimeSeriesResult getTimeSeriesServiceStatistics(@RequestBody(required = false) byte[] body) {
		JsonNode request = Bodies.object(this.mapper, body);
		double start = Bodies.requiredTime(request, "StartTime");
		double end = Bodies.requiredTime(request, "EndTime");
		if (end < start) {
			throw ApiException.invalid("EndTime must not be before StartTime");
		}
		int period = period(request.get("Period"));
		Filter selector;
		try {
			selector = TimeSeriesQuery
				.selector(Bodies.string(request, "EntitySelectorExpression", 0, Integer.MAX_VALUE));
		}
		catch (IllegalArgumentException ex) {
			throw ApiException.invalid(ex.getMessage());
		}
		boolean forecast = request.path("ForecastStatistics").asBoolean(false);
		if (forecast && !(selector instanceof Filter.Service)) {
			throw ApiException.invalid("ForecastStatistics needs an EntitySelectorExpression naming a service");
		}
		String token = Bodies.string(request, "NextToken", 0, Integer.MAX_VALUE);
		if (token != null && !token.isEmpty()) {
			// every answer fits one page, so no token was ever given out
			throw ApiException.invalid("NextToken is not one this service gave out");
		}
		Filter group = this.groups.filter(Bodies.string(request, "GroupName", 0, Integer.MAX_VALUE),
				Bodies.string(request, "GroupARN", 0, Integer.MAX_VALUE));
		SortedMap<Long, TimeSeriesQuery.Selection> selected = this.query.series(start, end, period, selector, group);
		List<XrayJson.TimeSeriesEntry> entries = new ArrayList<>();
		selected.forEach((timestamp, selection) -> entries
			.add(new XrayJson.TimeSeriesEntry(timestamp, TraceController.statistics(selection.edges()),
					(selection.services() != null) ? TraceController.statistics(selection.services()) : null,
					forecast ? forecast(TimeSeriesQuery.forecast(selected, timestamp, period)) : null,
					TraceController.histogram(selection.histogramSource().histogram()))));
		return new XrayJson.TimeSeriesResult(entries, false, null);
	}

	private static XrayJson.Forecast forecast(TimeSeriesQuery.Forecast band) {
		return new XrayJson.Forecast(band.upper(), band.lower());
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

}
