package com.anycompany.shop.xraylocal.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.anycompany.shop.xraylocal.graph.ServiceGraph;
import com.anycompany.shop.xraylocal.store.Trace;
import com.anycompany.shop.xraylocal.store.TraceStore;
import com.anycompany.shop.xraylocal.web.ApiException;
import com.anycompany.shop.xraylocal.web.Bodies;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Transaction Search operations over the local store: StartTraceRetrieval,
 * ListRetrievedTraces (X-Ray segment documents or OpenTelemetry spans),
 * GetRetrievedTracesGraph, CancelTraceRetrieval; and the settings that go with them, kept
 * and answered: GetTraceSegmentDestination / UpdateTraceSegmentDestination,
 * GetIndexingRules / UpdateIndexingRule. Locally every trace stays in memory and
 * searchable whatever they say.
 */
@RestController
class RetrievalController {

	/** ListRetrievedTraces' page: at most 5 traces (the model's list bound). */
	static final int TRACES_PER_PAGE = 5;

	private static final Pattern TRACE_ID = Pattern.compile("1-[0-9a-fA-F]{8}-[0-9a-fA-F]{24}");

	private final TraceStore store;

	private final JsonMapper mapper;

	private final Retrievals retrievals = new Retrievals();

	private final TraceDocuments documents = new TraceDocuments();

	private final OtelSpans spans = new OtelSpans();

	private volatile Destination destination = new Destination("XRay", 0);

	private volatile IndexingRule indexing = new IndexingRule("Default", 0, 1.0);

	record Destination(String destination, double changedAt) {
	}

	record IndexingRule(String name, double modifiedAt, double desired) {
	}

	record TokenResult(String retrievalToken) {
	}

	record Span(String id, String document) {
	}

	record RetrievedTrace(String id, double duration, List<Span> spans) {
	}

	record TracesResult(String retrievalStatus, String traceFormat, List<RetrievedTrace> traces, String nextToken) {
	}

	record RetrievedService(XrayJson.Service service, List<Object> links) {
	}

	record GraphResult(String retrievalStatus, List<RetrievedService> services, String nextToken) {
	}

	record DestinationResult(String destination, String status) {
	}

	record Probabilistic(double desiredSamplingPercentage, double actualSamplingPercentage) {
	}

	record RuleValue(Probabilistic probabilistic) {
	}

	record IndexingRuleJson(String name, double modifiedAt, RuleValue rule) {
	}

	record IndexingRulesResult(List<IndexingRuleJson> indexingRules, String nextToken) {
	}

	record IndexingRuleResult(IndexingRuleJson indexingRule) {
	}

	RetrievalController(TraceStore store, JsonMapper mapper) {
		this.store = store;
		this.mapper = mapper;
	}

	@PostMapping("/StartTraceRetrieval")
	TokenResult start(@RequestBody(required = false) byte[] body) {
		JsonNode request = Bodies.object(this.mapper, body);
		if (!request.has("TraceIds")) {
			throw ApiException.invalid("TraceIds is required");
		}
		List<String> ids = Bodies.strings(request, "TraceIds");
		if (ids.isEmpty() || ids.size() > 100) {
			throw ApiException.invalid("TraceIds takes 1 to 100 trace ids");
		}
		for (String id : ids) {
			if (!TRACE_ID.matcher(id).matches()) {
				throw ApiException.invalid("Not a trace id: " + id);
			}
		}
		double start = Bodies.requiredTime(request, "StartTime");
		double end = Bodies.requiredTime(request, "EndTime");
		if (end < start) {
			throw ApiException.invalid("EndTime must not be before StartTime");
		}
		return new TokenResult(this.retrievals.start(ids, start, end));
	}

	@PostMapping("/ListRetrievedTraces")
	TracesResult list(@RequestBody(required = false) byte[] body) {
		JsonNode request = Bodies.object(this.mapper, body);
		String format = Bodies.string(request, "TraceFormat", 0, 8);
		if (format == null) {
			format = "XRAY";
		}
		if (!format.equals("XRAY") && !format.equals("OTEL")) {
			throw ApiException.invalid("TraceFormat must be XRAY or OTEL");
		}
		int from = offset(Bodies.string(request, "NextToken", 0, 100));
		Retrievals.Retrieval retrieval = this.retrievals.read(token(request));
		if (retrieval.status != Retrievals.Status.COMPLETE) {
			return new TracesResult(retrieval.status.name(), format, List.of(), null);
		}
		List<Trace> found = found(retrieval);
		List<RetrievedTrace> page = new ArrayList<>();
		for (Trace trace : found.subList(Math.min(from, found.size()),
				Math.min(from + TRACES_PER_PAGE, found.size()))) {
			List<Span> spans = format.equals("OTEL")
					? this.spans.spans(trace).stream().map((s) -> new Span(s.id(), s.document())).toList()
					: this.documents.segments(trace).stream().map((s) -> new Span(s.id(), s.document())).toList();
			page.add(new RetrievedTrace(trace.id(), trace.facts().duration(), spans));
		}
		String next = (from + TRACES_PER_PAGE < found.size()) ? Integer.toString(from + TRACES_PER_PAGE) : null;
		return new TracesResult(retrieval.status.name(), format, page, next);
	}

	@PostMapping("/GetRetrievedTracesGraph")
	GraphResult graph(@RequestBody(required = false) byte[] body) {
		JsonNode request = Bodies.object(this.mapper, body);
		if (Bodies.string(request, "NextToken", 0, 100) != null) {
			throw ApiException.invalid("NextToken is not one this service gave out");
		}
		Retrievals.Retrieval retrieval = this.retrievals.read(token(request));
		if (retrieval.status != Retrievals.Status.COMPLETE) {
			return new GraphResult(retrieval.status.name(), List.of(), null);
		}
		ServiceGraph graph = new ServiceGraph();
		found(retrieval).forEach((trace) -> graph.add(trace.facts()));
		List<RetrievedService> services = TraceController.services(graph)
			.stream()
			.map((s) -> new RetrievedService(s, List.of()))
			.toList();
		return new GraphResult(retrieval.status.name(), services, null);
	}

	@PostMapping("/CancelTraceRetrieval")
	Map<String, Object> cancel(@RequestBody(required = false) byte[] body) {
		this.retrievals.cancel(token(Bodies.object(this.mapper, body)));
		return Map.of();
	}

	@PostMapping("/GetTraceSegmentDestination")
	DestinationResult getDestination(@RequestBody(required = false) byte[] body) {
		Bodies.object(this.mapper, body);
		return destination();
	}

	@PostMapping("/UpdateTraceSegmentDestination")
	DestinationResult updateDestination(@RequestBody(required = false) byte[] body) {
		JsonNode request = Bodies.object(this.mapper, body);
		String wanted = Bodies.string(request, "Destination", 0, 32);
		if (wanted != null) {
			if (!wanted.equals("XRay") && !wanted.equals("CloudWatchLogs")) {
				throw ApiException.invalid("Destination must be XRay or CloudWatchLogs");
			}
			if (!wanted.equals(this.destination.destination())) {
				this.destination = new Destination(wanted, System.currentTimeMillis() / 1000.0);
			}
		}
		return destination();
	}

	/** PENDING for a second after a change (X-Ray: minutes), then ACTIVE. */
	private DestinationResult destination() {
		Destination current = this.destination;
		boolean pending = System.currentTimeMillis() / 1000.0 - current.changedAt() < 1;
		return new DestinationResult(current.destination(), pending ? "PENDING" : "ACTIVE");
	}

	@PostMapping("/GetIndexingRules")
	IndexingRulesResult getIndexingRules(@RequestBody(required = false) byte[] body) {
		JsonNode request = Bodies.object(this.mapper, body);
		if (Bodies.string(request, "NextToken", 0, 100) != null) {
			throw ApiException.invalid("NextToken is not one this service gave out");
		}
		return new IndexingRulesResult(List.of(indexingRule()), null);
	}

	@PostMapping("/UpdateIndexingRule")
	IndexingRuleResult updateIndexingRule(@RequestBody(required = false) byte[] body) {
		JsonNode request = Bodies.object(this.mapper, body);
		String name = Bodies.required(request, "Name", 1, 32);
		JsonNode rule = Bodies.object(request, "Rule", true);
		JsonNode probabilistic = Bodies.object(rule, "Probabilistic", true);
		Double desired = Bodies.number(probabilistic, "DesiredSamplingPercentage", 0, 100);
		if (desired == null) {
			throw ApiException.invalid("DesiredSamplingPercentage is required");
		}
		if (!name.equals(this.indexing.name())) {
			throw ApiException.notFound("No indexing rule named " + name + " (there is one: Default)");
		}
		this.indexing = new IndexingRule(name, System.currentTimeMillis() / 1000.0, desired);
		return new IndexingRuleResult(indexingRule());
	}

	/** Locally every trace is indexed: the actual percentage is always 100. */
	private IndexingRuleJson indexingRule() {
		IndexingRule current = this.indexing;
		return new IndexingRuleJson(current.name(), current.modifiedAt(),
				new RuleValue(new Probabilistic(current.desired(), 100.0)));
	}

	private List<Trace> found(Retrievals.Retrieval retrieval) {
		List<Trace> found = new ArrayList<>();
		for (String id : retrieval.traceIds) {
			Trace trace = this.store.get(id);
			if (trace != null && trace.facts().startTime() <= retrieval.end
					&& trace.facts().endTime() >= retrieval.start) {
				found.add(trace);
			}
		}
		return found;
	}

	private static String token(JsonNode request) {
		return Bodies.required(request, "RetrievalToken", 0, 1020);
	}

	private static int offset(String token) {
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

}
