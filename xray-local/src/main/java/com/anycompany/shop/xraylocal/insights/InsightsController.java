package com.anycompany.shop.xraylocal.insights;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.anycompany.shop.xraylocal.api.Groups;
import com.anycompany.shop.xraylocal.graph.ServiceGraph;
import com.anycompany.shop.xraylocal.store.NodeKey;
import com.anycompany.shop.xraylocal.store.TraceFacts;
import com.anycompany.shop.xraylocal.store.TraceStore;
import com.anycompany.shop.xraylocal.web.ApiException;
import com.anycompany.shop.xraylocal.web.Bodies;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * GetInsightSummaries, GetInsight, GetInsightEvents and GetInsightImpactGraph over what
 * {@link InsightDetector} found; and, for the console, an insight's timeline
 * ({@code GET /local/insights/timeline?id=}), which X-Ray's API does not offer.
 */
@RestController
class InsightsController {

	private static final Pattern ID = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}");

	private final InsightDetector detector;

	private final Groups groups;

	private final TraceStore store;

	private final JsonMapper mapper;

	record ServiceId(String name, List<String> names, String type) {

		static ServiceId of(NodeKey key) {
			return new ServiceId(key.name(), List.of(key.name()), key.type());
		}

	}

	record Impact(long faultCount, long okCount, long totalCount) {

		static Impact of(Insight.Impact impact) {
			return new Impact(impact.faults(), impact.ok(), impact.total());
		}

	}

	record Anomalous(ServiceId serviceId) {
	}

	record Summary(String insightId, @com.fasterxml.jackson.annotation.JsonProperty("GroupARN") String groupArn,
			String groupName, ServiceId rootCauseServiceId, List<String> categories, String state, double startTime,
			Double endTime, String summary, Impact clientRequestImpactStatistics,
			Impact rootCauseServiceRequestImpactStatistics, List<Anomalous> topAnomalousServices,
			Double lastUpdateTime) {

		static Summary of(Insight.View v, boolean withLastUpdate) {
			return new Summary(v.id(), v.groupArn(), v.groupName(), ServiceId.of(v.rootCause()), List.of("FAULT"),
					v.state().name(), v.startTime(), v.endTime(), v.summary(), Impact.of(v.clientImpact()),
					Impact.of(v.rootCauseImpact()), anomalous(v.anomalous()), withLastUpdate ? v.lastUpdate() : null);
		}

	}

	record SummariesResult(List<Summary> insightSummaries, String nextToken) {
	}

	record InsightResult(Summary insight) {
	}

	record Event(String summary, double eventTime, Impact clientRequestImpactStatistics,
			Impact rootCauseServiceRequestImpactStatistics, List<Anomalous> topAnomalousServices) {
	}

	record EventsResult(List<Event> insightEvents, String nextToken) {
	}

	record GraphEdge(int referenceId) {
	}

	record GraphService(int referenceId, String type, String name, List<String> names, List<GraphEdge> edges) {
	}

	record GraphResult(String insightId, double startTime, double endTime, double serviceGraphStartTime,
			double serviceGraphEndTime, List<GraphService> services, String nextToken) {
	}

	record Timeline(String insightId, String rootCause, String state, double expectedRate, List<Insight.Point> points) {
	}

	InsightsController(InsightDetector detector, Groups groups, TraceStore store, JsonMapper mapper) {
		this.detector = detector;
		this.groups = groups;
		this.store = store;
		this.mapper = mapper;
	}

	@PostMapping("/InsightSummaries")
	SummariesResult summaries(@RequestBody(required = false) byte[] body) {
		JsonNode request = Bodies.object(this.mapper, body);
		double start = Bodies.requiredTime(request, "StartTime");
		double end = Bodies.requiredTime(request, "EndTime");
		if (end < start) {
			throw ApiException.invalid("EndTime must not be before StartTime");
		}
		if (end - start > 24 * 3600) {
			throw ApiException.invalid("The time range must be 24 hours or less");
		}
		List<String> states = Bodies.strings(request, "States");
		if (states.size() > 1 || states.stream().anyMatch((s) -> !s.equals("ACTIVE") && !s.equals("CLOSED"))) {
			throw ApiException.invalid("States takes one of ACTIVE or CLOSED");
		}
		String groupName = Bodies.string(request, "GroupName", 1, 32);
		String groupArn = Bodies.string(request, "GroupARN", 1, 400);
		Groups.Group group = (groupName != null || groupArn != null) ? this.groups.find(groupName, groupArn) : null;
		Integer max = Bodies.integer(request, "MaxResults", 1, 100);
		int from = token(Bodies.string(request, "NextToken", 1, 2000));
		List<Insight.View> matching = new ArrayList<>();
		List<Insight.View> all = this.detector.all();
		for (int i = all.size() - 1; i >= 0; i--) {
			Insight.View v = all.get(i);
			boolean overlaps = v.startTime() <= end && (v.endTime() == null || v.endTime() >= start);
			if (overlaps && (group == null || group.arn().equals(v.groupArn()))
					&& (states.isEmpty() || states.get(0).equals(v.state().name()))) {
				matching.add(v);
			}
		}
		int size = (max != null) ? max : 100;
		List<Summary> page = matching.stream().skip(from).limit(size).map((v) -> Summary.of(v, true)).toList();
		String next = (from + size < matching.size()) ? Integer.toString(from + size) : null;
		return new SummariesResult(page, next);
	}

	@PostMapping("/Insight")
	InsightResult insight(@RequestBody(required = false) byte[] body) {
		return new InsightResult(Summary.of(find(Bodies.object(this.mapper, body)), false));
	}

	@PostMapping("/InsightEvents")
	EventsResult events(@RequestBody(required = false) byte[] body) {
		JsonNode request = Bodies.object(this.mapper, body);
		Insight.View insight = find(request);
		Integer max = Bodies.integer(request, "MaxResults", 1, 50);
		int from = token(Bodies.string(request, "NextToken", 1, 2000));
		int size = (max != null) ? max : 50;
		// newest first, as the console shows them
		List<Insight.Event> events = new ArrayList<>(insight.events());
		java.util.Collections.reverse(events);
		List<Event> page = events.stream()
			.skip(from)
			.limit(size)
			.map((e) -> new Event(e.summary(), e.time(), Impact.of(e.clientImpact()), Impact.of(e.rootCauseImpact()),
					anomalous(e.anomalous())))
			.toList();
		return new EventsResult(page, (from + size < events.size()) ? Integer.toString(from + size) : null);
	}

	@PostMapping("/InsightImpactGraph")
	GraphResult impactGraph(@RequestBody(required = false) byte[] body) {
		JsonNode request = Bodies.object(this.mapper, body);
		Insight.View insight = find(request);
		double start = Bodies.requiredTime(request, "StartTime");
		double end = Bodies.requiredTime(request, "EndTime");
		if (end < start) {
			throw ApiException.invalid("EndTime must not be before StartTime");
		}
		String token = Bodies.string(request, "NextToken", 1, 2000);
		if (token != null) {
			throw ApiException.invalid("NextToken is not one this service gave out");
		}
		double graphStart = Math.max(start, insight.startTime());
		double graphEnd = Math.min(end, (insight.endTime() != null) ? insight.endTime() : insight.lastUpdate());
		// the graph of the group's traces in the window that went through the root cause
		ServiceGraph graph = new ServiceGraph();
		String rootCause = insight.rootCause().name();
		com.anycompany.shop.xraylocal.filter.Filter filter = this.groups.filter(insight.groupName(), null);
		for (var trace : this.store.snapshot()) {
			TraceFacts facts = trace.facts();
			if (facts.startTime() >= graphStart && facts.startTime() <= graphEnd
					&& facts.edges().stream().anyMatch((e) -> e.node().name().equals(rootCause))
					&& com.anycompany.shop.xraylocal.filter.TraceTarget.matches(filter, facts)) {
				graph.add(facts);
			}
		}
		Map<NodeKey, Integer> ids = new HashMap<>();
		graph.nodes().forEach((n) -> ids.put(n.key(), n.referenceId()));
		List<GraphService> services = graph.nodes()
			.stream()
			.map((n) -> new GraphService(n.referenceId(), n.key().type(), n.key().name(), List.of(n.key().name()),
					n.edges().stream().map((e) -> new GraphEdge(ids.get(e.target()))).toList()))
			.toList();
		return new GraphResult(insight.id(), start, end, graphStart, Math.max(graphStart, graphEnd), services, null);
	}

	@GetMapping("/local/insights/timeline")
	Timeline timeline(@RequestParam String id) {
		Insight.View insight = this.detector.find(id);
		if (insight == null) {
			throw ApiException.notFound("No insight " + id);
		}
		return new Timeline(insight.id(), insight.rootCause().name(), insight.state().name(), insight.expectedRate(),
				insight.timeline());
	}

	private Insight.View find(JsonNode request) {
		String id = Bodies.required(request, "InsightId", 1, 36);
		if (!ID.matcher(id).matches()) {
			throw ApiException.invalid("InsightId is not an insight id: " + id);
		}
		Insight.View insight = this.detector.find(id);
		if (insight == null) {
			throw ApiException.invalid("No insight " + id);
		}
		return insight;
	}

	private static int token(String token) {
		if (token == null) {
			return 0;
		}
		try {
			return Math.max(0, Integer.parseInt(token));
		}
		catch (NumberFormatException ex) {
			throw ApiException.invalid("NextToken is not one this service gave out");
		}
	}

	private static List<Anomalous> anomalous(List<NodeKey> services) {
		return services.stream().map((k) -> new Anomalous(ServiceId.of(k))).toList();
	}

}
