package com.anycompany.shop.xraylocal.api;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;

import com.anycompany.shop.xraylocal.web.ApiException;
import com.anycompany.shop.xraylocal.web.Bodies;
import com.anycompany.shop.xraylocal.filter.Filter;
import com.anycompany.shop.xraylocal.filter.FilterParser;
import com.anycompany.shop.xraylocal.graph.GraphIndex;
import com.anycompany.shop.xraylocal.graph.Histogram;
import com.anycompany.shop.xraylocal.graph.ServiceGraph;
import com.anycompany.shop.xraylocal.graph.Stats;
import com.anycompany.shop.xraylocal.ingest.Ingest;
import com.anycompany.shop.xraylocal.ingest.Rejection;
import com.anycompany.shop.xraylocal.query.GraphQuery;
import com.anycompany.shop.xraylocal.query.TraceQuery;
import com.anycompany.shop.xraylocal.store.Attribution;
import com.anycompany.shop.xraylocal.store.Entity;
import com.anycompany.shop.xraylocal.store.NodeKey;
import com.anycompany.shop.xraylocal.store.RootCauses;
import com.anycompany.shop.xraylocal.store.Trace;
import com.anycompany.shop.xraylocal.store.TraceFacts;
import com.anycompany.shop.xraylocal.store.TraceStore;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The trace operations of the X-Ray API (rest-json: every operation a POST to its own
 * path), as the AWS SDKs and the CLI call them with an endpoint override.
 */
@RestController
class TraceController {

	/** Trace summaries per page; a NextToken only when another page really exists. */
	static final int PAGE_SIZE = 100;

	private final TraceStore store;

	private final GraphQuery graphs;

	private final TraceQuery traces;

	private final Ingest ingest;

	private final Groups groups;

	private final JsonMapper mapper;

	private final TraceDocuments documents;

	TraceController(TraceStore store, GraphIndex graphIndex, Ingest ingest, Groups groups, JsonMapper mapper) {
		this.store = store;
		this.graphs = new GraphQuery(store, graphIndex);
		this.traces = new TraceQuery(store);
		this.ingest = ingest;
		this.groups = groups;
		this.mapper = mapper;
		this.documents = new TraceDocuments();
	}

	@PostMapping("/TraceSegments")
	XrayJson.PutResult putTraceSegments(@RequestBody(required = false) byte[] body) {
		JsonNode request = Bodies.object(this.mapper, body);
		List<XrayJson.Unprocessed> unprocessed = new ArrayList<>();
		for (String document : Bodies.strings(request, "TraceSegmentDocuments")) {
			Rejection rejection = this.ingest.document(document);
			if (rejection != null) {
				unprocessed.add(new XrayJson.Unprocessed(idOf(document), rejection.reason(), rejection.getMessage()));
			}
		}
		this.ingest.flush();
		return new XrayJson.PutResult(unprocessed);
	}

	@PostMapping("/ServiceGraph")
	XrayJson.ServiceGraphResult getServiceGraph(@RequestBody(required = false) byte[] body) {
		JsonNode request = Bodies.object(this.mapper, body);
		double start = Bodies.requiredTime(request, "StartTime");
		double end = Bodies.requiredTime(request, "EndTime");
		checkRange(start, end);
		Filter group = this.groups.filter(Bodies.string(request, "GroupName", 0, Integer.MAX_VALUE),
				Bodies.string(request, "GroupARN", 0, Integer.MAX_VALUE));
		return new XrayJson.ServiceGraphResult(start, end, services(this.graphs.window(start, end, group)), false);
	}

	@PostMapping("/TraceGraph")
	XrayJson.TraceGraphResult getTraceGraph(@RequestBody(required = false) byte[] body) {
		JsonNode request = Bodies.object(this.mapper, body);
		return new XrayJson.TraceGraphResult(services(this.graphs.traces(Bodies.strings(request, "TraceIds"))));
	}

	@PostMapping("/TraceSummaries")
	XrayJson.TraceSummariesResult getTraceSummaries(@RequestBody(required = false) byte[] body) {
		JsonNode request = Bodies.object(this.mapper, body);
		double start = Bodies.requiredTime(request, "StartTime");
		double end = Bodies.requiredTime(request, "EndTime");
		checkRange(start, end);
		String rangeType = Bodies.string(request, "TimeRangeType", 0, Integer.MAX_VALUE);
		boolean byTraceId = rangeType == null || rangeType.equals("TraceId");
		if (!byTraceId && !rangeType.equals("Event") && !rangeType.equals("Service")) {
			throw ApiException.invalid("TimeRangeType must be TraceId, Event or Service");
		}
		Filter filter = FilterParser.parse(Bodies.string(request, "FilterExpression", 0, Integer.MAX_VALUE),
				this.groups);
		long before = pageToken(Bodies.string(request, "NextToken", 0, Integer.MAX_VALUE));
		TraceQuery.Page page = this.traces.find(start, end,
				byTraceId ? TraceQuery.TimeRange.TRACE_ID : TraceQuery.TimeRange.EVENT, filter, before, PAGE_SIZE);
		double now = System.currentTimeMillis() / 1000.0;
		return new XrayJson.TraceSummariesResult(page.traces().stream().map(TraceController::summary).toList(), now,
				page.processed(), page.hasMore() ? Long.toString(page.nextBefore()) : null);
	}

	@PostMapping("/Traces")
	XrayJson.TracesResult batchGetTraces(@RequestBody(required = false) byte[] body) {
		JsonNode request = Bodies.object(this.mapper, body);
		List<XrayJson.Trace> found = new ArrayList<>();
		List<String> unprocessed = new ArrayList<>();
		for (String id : Bodies.strings(request, "TraceIds")) {
			Trace trace = this.store.get(id);
			if (trace == null) {
				unprocessed.add(id);
				continue;
			}
			found.add(new XrayJson.Trace(trace.id(), trace.facts().duration(), false, this.documents.segments(trace)));
		}
		return new XrayJson.TracesResult(found, unprocessed);
	}

	private static long pageToken(String token) {
		if (token == null || token.isEmpty()) {
			return Long.MAX_VALUE;
		}
		try {
			return Long.parseLong(token);
		}
		catch (NumberFormatException ex) {
			throw ApiException.invalid("NextToken is not one this service gave out");
		}
	}

	private static void checkRange(double start, double end) {
		if (end < start) {
			throw ApiException.invalid("EndTime must not be before StartTime");
		}
	}

	private String idOf(String document) {
		try {
			return this.mapper.readTree(document).path("id").asString(null);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	static List<XrayJson.Service> services(ServiceGraph graph) {
		List<XrayJson.Service> services = new ArrayList<>();
		List<ServiceGraph.Node> nodes = graph.nodes();
		Map<NodeKey, Integer> ids = new LinkedHashMap<>();
		nodes.forEach((node) -> ids.put(node.key(), node.referenceId()));
		for (ServiceGraph.Node node : nodes) {
			NodeKey key = node.key();
			List<XrayJson.Edge> edges = new ArrayList<>();
			for (ServiceGraph.Edge edge : node.edges()) {
				edges.add(new XrayJson.Edge(ids.get(edge.target()), edge.startTime(), edge.endTime(),
						statistics(edge.stats()), histogram(edge.stats().histogram()), List.of()));
			}
			if (key.isClient()) {
				services.add(new XrayJson.Service(node.referenceId(), key.name(), List.of(key.name()), null, key.type(),
						null, null, null, edges, null, null, null));
				continue;
			}
			List<XrayJson.HistogramEntry> histogram = histogram(node.stats().histogram());
			services.add(new XrayJson.Service(node.referenceId(), key.name(), List.of(key.name()), node.root(),
					key.type(), key.isInferred() ? "unknown" : "active", node.startTime(), node.endTime(), edges,
					statistics(node.stats()), histogram, histogram));
		}
		return services;
	}

	static XrayJson.Statistics statistics(Stats stats) {
		return new XrayJson.Statistics(stats.ok(),
				new XrayJson.ErrorStatistics(stats.throttle(), stats.errorOther(), stats.errorTotal()),
				new XrayJson.FaultStatistics(stats.fault(), stats.fault()), stats.total(),
				round(stats.totalResponseTime()));
	}

	static List<XrayJson.HistogramEntry> histogram(Histogram histogram) {
		return histogram.buckets().stream().map((b) -> new XrayJson.HistogramEntry(b.value(), b.count())).toList();
	}

	static XrayJson.TraceSummary summary(TraceFacts facts) {
		Entity entry = facts.entry();
		XrayJson.Http http = null;
		if (entry != null && (entry.httpUrl != null || entry.httpStatus > 0 || entry.httpMethod != null)) {
			http = new XrayJson.Http(entry.httpUrl, (entry.httpStatus > 0) ? entry.httpStatus : null, entry.httpMethod,
					entry.userAgent, entry.clientIp);
		}
		Attribution attribution = facts.attribution();
		Map<String, List<XrayJson.ValueWithServiceIds>> annotations = new LinkedHashMap<>();
		facts.annotations()
			.forEach((key, values) -> annotations.put(key,
					values.stream()
						.map((v) -> new XrayJson.ValueWithServiceIds(annotationValue(v),
								serviceIds(attribution.annotationServices(key, v), attribution)))
						.toList()));
		List<XrayJson.User> users = facts.users()
			.stream()
			.map((u) -> new XrayJson.User(u, serviceIds(attribution.userServices(u), attribution)))
			.toList();
		List<XrayJson.ServiceId> serviceIds = serviceIds(facts.services(), attribution);
		List<XrayJson.ResourceArn> resourceArns = attribution.resourceArns()
			.stream()
			.map(XrayJson.ResourceArn::new)
			.toList();
		return new XrayJson.TraceSummary(facts.traceId(), facts.startTime(), round(facts.duration()),
				round(facts.responseTime()), facts.hasFlag(Entity.FAULT), facts.hasFlag(Entity.ERROR),
				facts.hasFlag(Entity.THROTTLE), facts.partial(), http, annotations, users, serviceIds, resourceArns,
				(facts.entryNode() != null) ? serviceId(facts.entryNode(), attribution) : null,
				rootCauses(facts.rootCauses().faults(), attribution),
				rootCauses(facts.rootCauses().errors(), attribution),
				rootCauses(facts.rootCauses().responseTime(), attribution), facts.docs().length);
	}

	private static List<XrayJson.RootCause> rootCauses(List<RootCauses.Cause> causes, Attribution attribution) {
		return causes.stream()
			.map((cause) -> new XrayJson.RootCause(
					cause.services().stream().map((s) -> rootCauseService(s, attribution)).toList(),
					cause.clientImpacting()))
			.toList();
	}

	private static XrayJson.RootCauseService rootCauseService(RootCauses.Service service, Attribution attribution) {
		NodeKey node = service.node();
		List<XrayJson.RootCauseEntity> path = service.path()
			.stream()
			.map((e) -> new XrayJson.RootCauseEntity(e.name(),
					Double.isNaN(e.coverage()) ? e.exceptions()
						.stream()
						.map((t) -> new XrayJson.RootCauseException(t.name(), t.message()))
						.toList() : null,
					Double.isNaN(e.coverage()) ? null : round(e.coverage()), e.remote()))
			.toList();
		return new XrayJson.RootCauseService(node.name(), List.of(node.name()), node.type(), attribution.account(node),
				path, node.isInferred());
	}

	private static XrayJson.AnnotationValue annotationValue(Object value) {
		if (value instanceof Double number) {
			return new XrayJson.AnnotationValue(number, null, null);
		}
		if (value instanceof Boolean bool) {
			return new XrayJson.AnnotationValue(null, bool, null);
		}
		return new XrayJson.AnnotationValue(null, null, String.valueOf(value));
	}

	private static List<XrayJson.ServiceId> serviceIds(Collection<NodeKey> keys, Attribution attribution) {
		return keys.stream().map((key) -> serviceId(key, attribution)).toList();
	}

	private static XrayJson.ServiceId serviceId(NodeKey key, Attribution attribution) {
		return new XrayJson.ServiceId(key.name(), List.of(key.name()), attribution.account(key), key.type());
	}

	/** Microsecond precision, as X-Ray reports times. */
	private static double round(double seconds) {
		return Math.round(seconds * 1e6) / 1e6;
	}

}
