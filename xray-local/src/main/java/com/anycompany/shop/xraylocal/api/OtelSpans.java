package com.anycompany.shop.xraylocal.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.anycompany.shop.xraylocal.store.Doc;
import com.anycompany.shop.xraylocal.store.Entity;
import com.anycompany.shop.xraylocal.store.Trace;
import tools.jackson.databind.json.JsonMapper;

/**
 * A trace's segments and subsegments as OpenTelemetry spans, in the JSON shape that
 * X-Ray's Transaction Search keeps in the {@code aws/spans} log group and that
 * ListRetrievedTraces returns with {@code TraceFormat: OTEL}: {@code traceId} (the X-Ray
 * id without its dashes and version, W3C style), {@code spanId}, {@code parentSpanId},
 * {@code name}, {@code kind}, times in Unix nanoseconds, {@code attributes} (semantic
 * convention names), {@code status}, {@code events} for recorded exceptions, and the
 * segment's service as {@code resource.attributes["service.name"]}.
 */
final class OtelSpans {

	/** ListRetrievedTraces' limit of spans per trace. */
	static final int MAX_SPANS = 100;

	private final JsonMapper mapper = JsonMapper.builder().build();

	record Span(String id, String document) {
	}

	List<Span> spans(Trace trace) {
		String traceId = trace.id().substring(2).replace("-", "");
		List<Span> spans = new ArrayList<>();
		for (Doc doc : trace.facts().docs()) {
			Entity root = doc.entity();
			String parent = doc.hasParent() ? hex(doc.parentId()) : null;
			// an independent subsegment belongs to the service of the segment it came
			// from
			String service = doc.independent() ? serviceOf(trace, doc.parentId()) : root.name;
			add(spans, traceId, service, root, parent, !doc.independent());
		}
		return spans;
	}

	private void add(List<Span> spans, String traceId, String service, Entity entity, String parent, boolean segment) {
		if (spans.size() >= MAX_SPANS) {
			return;
		}
		Map<String, Object> span = new LinkedHashMap<>();
		span.put("resource", Map.of("attributes", Map.of("service.name", (service != null) ? service : "unknown")));
		span.put("scope", Map.of("name", "xray-local"));
		span.put("traceId", traceId);
		span.put("spanId", hex(entity.id));
		if (parent != null) {
			span.put("parentSpanId", parent);
		}
		span.put("name", entity.name);
		span.put("kind", segment ? "SERVER"
				: ("remote".equals(entity.namespace) || "aws".equals(entity.namespace)) ? "CLIENT" : "INTERNAL");
		long start = (long) (entity.startTime * 1e9);
		long end = entity.inProgress ? start : (long) (entity.endTime * 1e9);
		span.put("startTimeUnixNano", start);
		span.put("endTimeUnixNano", end);
		span.put("durationNano", end - start);
		span.put("attributes", attributes(entity));
		int flags = entity.effectiveFlags();
		span.put("status", Map.of("code", ((flags & Entity.FAULT) != 0) ? "ERROR" : "UNSET"));
		if (entity.exceptions.length > 0) {
			List<Map<String, Object>> events = new ArrayList<>();
			for (Entity.Thrown thrown : entity.exceptions) {
				Map<String, Object> attributes = new LinkedHashMap<>();
				attributes.put("exception.type", thrown.name());
				if (thrown.message() != null) {
					attributes.put("exception.message", thrown.message());
				}
				events.add(Map.of("name", "exception", "timeUnixNano", end, "attributes", attributes));
			}
			span.put("events", events);
		}
		spans.add(new Span(hex(entity.id), this.mapper.writeValueAsString(span)));
		for (Entity child : entity.children) {
			add(spans, traceId, service, child, hex(entity.id), false);
		}
	}

	private static Map<String, Object> attributes(Entity entity) {
		Map<String, Object> attributes = new LinkedHashMap<>();
		if (entity.httpMethod != null) {
			attributes.put("http.request.method", entity.httpMethod);
		}
		if (entity.httpUrl != null) {
			attributes.put("url.full", entity.httpUrl);
		}
		if (entity.httpStatus > 0) {
			attributes.put("http.response.status_code", entity.httpStatus);
		}
		if (entity.userAgent != null) {
			attributes.put("user_agent.original", entity.userAgent);
		}
		if (entity.clientIp != null) {
			attributes.put("client.address", entity.clientIp);
		}
		if ("aws".equals(entity.namespace)) {
			attributes.put("rpc.system", "aws-api");
			attributes.put("rpc.service", entity.name);
			if (entity.awsOperation != null) {
				attributes.put("rpc.method", entity.awsOperation);
			}
			if (entity.awsTable != null) {
				attributes.put("aws.dynamodb.table_names", List.of(entity.awsTable));
			}
		}
		if (entity.user != null) {
			attributes.put("enduser.id", entity.user);
		}
		if (entity.annotations != null && !entity.annotations.isEmpty()) {
			attributes.putAll(entity.annotations);
			attributes.put("aws.xray.annotations", List.copyOf(entity.annotations.keySet()));
		}
		int flags = entity.effectiveFlags();
		if ((flags & Entity.ERROR) != 0) {
			attributes.put("aws.xray.error", true);
		}
		if ((flags & Entity.THROTTLE) != 0) {
			attributes.put("aws.xray.throttle", true);
		}
		if ((flags & Entity.FAULT) != 0) {
			attributes.put("aws.xray.fault", true);
		}
		return attributes;
	}

	private static String serviceOf(Trace trace, long entityId) {
		for (Doc doc : trace.facts().docs()) {
			if (doc.independent()) {
				continue;
			}
			boolean[] found = { false };
			doc.entity().forEach((e) -> found[0] |= e.id == entityId);
			if (found[0]) {
				return doc.entity().name;
			}
		}
		return null;
	}

	private static String hex(long id) {
		String digits = Long.toHexString(id);
		return "0".repeat(16 - digits.length()) + digits;
	}

}
