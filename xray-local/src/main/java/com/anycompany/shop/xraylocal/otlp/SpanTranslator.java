package com.anycompany.shop.xraylocal.otlp;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import io.opentelemetry.proto.trace.v1.Status.StatusCode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns OpenTelemetry spans into X-Ray segment documents, following the rules of the
 * OpenTelemetry collector's {@code awsxray} exporter (the path AWS documents from OTLP to
 * X-Ray), so that a service traced by the OpenTelemetry Java agent draws the same map as
 * one traced by the X-Ray SDK:
 * <ul>
 * <li>a SERVER span is a segment named after the service ({@code service.name});</li>
 * <li>any other span with a parent is an independent subsegment under that parent, named
 * after what it called: {@code peer.service}, the AWS service of an AWS SDK span
 * ({@code rpc.system=aws-api}), else the server's address, else the span's name; CLIENT
 * spans get namespace {@code remote}, AWS SDK spans {@code aws} with operation and
 * DynamoDB table, so a table becomes an inferred node as with the SDK;</li>
 * <li>a span without a parent that is not a SERVER span (work a service starts on its
 * own) is a segment of its service with the span beneath it as a subsegment: the
 * exporter's treatment of a "local root" span, applied to every root since the upstream
 * agent does not mark them;</li>
 * <li>{@code http.*}, {@code url.*}, {@code server.*}, {@code client.*},
 * {@code user_agent.*} (old and new semantic conventions) make the {@code http} block;
 * the HTTP status, else the span status, makes error (4xx), throttle (429) and fault
 * (5xx, or status ERROR); {@code exception} events make the {@code cause};</li>
 * <li>a W3C trace id becomes X-Ray's {@code 1-xxxxxxxx-yyyyyyyyyyyyyyyyyyyyyyyy}: the
 * first 8 hex digits and the other 24, which is exactly how the X-Ray propagator maps
 * X-Ray ids into W3C ones, so spans and SDK segments of one request share a trace.</li>
 * </ul>
 * Attributes named in {@code aws.xray.annotations} become annotations; the others, and a
 * segment's resource attributes ({@code otel.resource.*}), become metadata.
 */
public final class SpanTranslator {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final HexFormat HEX = HexFormat.of();

	/**
	 * X-Ray's characters for names: letters, digits, whitespace and {@code _.:/%&#=+\-@}.
	 */
	private static final Pattern INVALID_NAME_CHARACTERS = Pattern.compile("[^ 0-9\\p{L}\\p{N}_.:/%&#=+\\-@]");

	private static final int MAX_NAME_LENGTH = 200;

	private static final int MAX_STACK_FRAMES = 50;

	/**
	 * The documents made from a request.
	 *
	 * @param documents X-Ray segment documents, one per span (two for a root non-server
	 * span)
	 * @param spans spans in the request
	 * @param invalidSpans spans that could not be translated (bad ids or times), with the
	 * first reason
	 * @param firstProblem what was wrong with the first invalid span, or null
	 */
	public record Result(List<String> documents, int spans, int invalidSpans, String firstProblem) {
	}

	public Result translate(ExportTraceServiceRequest request) {
		List<String> documents = new ArrayList<>();
		int spans = 0;
		int invalid = 0;
		String firstProblem = null;
		for (ResourceSpans resourceSpans : request.getResourceSpansList()) {
			Map<String, AnyValue> resource = attributes(resourceSpans.getResource().getAttributesList());
			for (ScopeSpans scopeSpans : resourceSpans.getScopeSpansList()) {
				for (Span span : scopeSpans.getSpansList()) {
					spans++;
					String problem = check(span);
					if (problem != null) {
						invalid++;
						firstProblem = (firstProblem != null) ? firstProblem : problem;
						continue;
					}
					for (ObjectNode document : translate(span, resource)) {
						documents.add(JSON.writeValueAsString(document));
					}
				}
			}
		}
		return new Result(documents, spans, invalid, firstProblem);
	}

	private static String check(Span span) {
		if (span.getTraceId().size() != 16 || allZero(span.getTraceId())) {
			return "span " + span.getName() + ": trace id must be 16 bytes, not all zero";
		}
		if (span.getSpanId().size() != 8 || allZero(span.getSpanId())) {
			return "span " + span.getName() + ": span id must be 8 bytes, not all zero";
		}
		if (!span.getParentSpanId().isEmpty() && span.getParentSpanId().size() != 8) {
			return "span " + span.getName() + ": parent span id must be 8 bytes or empty";
		}
		if (span.getStartTimeUnixNano() == 0 || span.getEndTimeUnixNano() < span.getStartTimeUnixNano()) {
			return "span " + span.getName() + ": needs a start time and an end time not before it";
		}
		return null;
	}

	private static boolean allZero(ByteString bytes) {
		for (int i = 0; i < bytes.size(); i++) {
			if (bytes.byteAt(i) != 0) {
				return false;
			}
		}
		return true;
	}

	private List<ObjectNode> translate(Span span, Map<String, AnyValue> resource) {
		Map<String, AnyValue> attributes = attributes(span.getAttributesList());
		boolean root = span.getParentSpanId().isEmpty() || allZero(span.getParentSpanId());
		SpanKind kind = span.getKind();
		if (kind == SpanKind.SPAN_KIND_SERVER) {
			return List.of(segment(span, attributes, resource, root ? null : hex(span.getParentSpanId())));
		}
		if (!root) {
			return List.of(subsegment(span, attributes, hex(span.getParentSpanId())));
		}
		// a local root that is not a server span: the service's segment, the span under
		// it
		ObjectNode service = segment(span, attributes, resource, null);
		String serviceId = serviceSegmentId(span.getSpanId());
		service.put("id", serviceId);
		service.remove("http");
		if (kind == SpanKind.SPAN_KIND_INTERNAL) {
			// nothing remote to show beneath it: the segment is the work itself
			return List.of(service);
		}
		ObjectNode dependency = subsegment(span, attributes, serviceId);
		if (!dependency.has("namespace")) {
			dependency.put("namespace", "remote");
		}
		if (service.get("aws") instanceof ObjectNode aws) {
			aws.remove(List.of("operation", "table_name", "table_names", "request_id"));
		}
		return List.of(service, dependency);
	}

	/**
	 * The id of the segment made for a root non-server span: derived from the span's id
	 * (so a retried export replaces it instead of adding another), and never equal to it.
	 */
	static String serviceSegmentId(ByteString spanId) {
		byte[] id = spanId.toByteArray();
		for (int i = 0; i < id.length; i++) {
			id[i] = (byte) (id[i] ^ 0x5a);
		}
		return HEX.formatHex(id);
	}

	private ObjectNode segment(Span span, Map<String, AnyValue> attributes, Map<String, AnyValue> resource,
			String parentId) {
		ObjectNode doc = common(span, attributes, segmentName(span, attributes, resource));
		if (parentId != null) {
			doc.put("parent_id", parentId);
		}
		String origin = origin(resource);
		if (origin != null) {
			doc.put("origin", origin);
		}
		ObjectNode aws = awsBlock(span, attributes);
		ObjectNode xray = sdk(resource);
		if (xray != null) {
			(aws != null ? aws : (aws = NODES.objectNode())).set("xray", xray);
		}
		if (aws != null) {
			doc.set("aws", aws);
		}
		metadata(doc, span, attributes, resource);
		return doc;
	}

	private ObjectNode subsegment(Span span, Map<String, AnyValue> attributes, String parentId) {
		ObjectNode doc = common(span, attributes, subsegmentName(span, attributes));
		doc.put("type", "subsegment");
		doc.put("parent_id", parentId);
		if (isAwsSdk(attributes) || attributes.containsKey("aws.service")) {
			doc.put("namespace", "aws");
		}
		else if (span.getKind() == SpanKind.SPAN_KIND_CLIENT) {
			doc.put("namespace", "remote");
		}
		ObjectNode aws = awsBlock(span, attributes);
		if (aws != null) {
			doc.set("aws", aws);
		}
		metadata(doc, span, attributes, Map.of());
		return doc;
	}

	private ObjectNode common(Span span, Map<String, AnyValue> attributes, String name) {
		ObjectNode doc = NODES.objectNode();
		doc.put("name", name);
		doc.put("id", hex(span.getSpanId()));
		doc.put("trace_id", xrayTraceId(span.getTraceId()));
		doc.put("start_time", seconds(span.getStartTimeUnixNano()));
		doc.put("end_time", seconds(span.getEndTimeUnixNano()));
		ObjectNode http = http(span, attributes);
		if (http != null) {
			doc.set("http", http);
		}
		status(doc, span, attributes);
		ObjectNode cause = cause(span);
		if (cause != null) {
			doc.set("cause", cause);
		}
		String user = string(attributes, "enduser.id");
		if (user != null) {
			doc.put("user", user);
		}
		return doc;
	}

	/**
	 * {@code 1-} + the first 8 hex digits (X-Ray's epoch seconds) + {@code -} + the rest.
	 */
	public static String xrayTraceId(ByteString traceId) {
		String hex = hex(traceId);
		return "1-" + hex.substring(0, 8) + "-" + hex.substring(8);
	}

	private static String hex(ByteString bytes) {
		return HEX.formatHex(bytes.toByteArray());
	}

	private static double seconds(long nanos) {
		// microseconds are what X-Ray keeps
		return (nanos / 1_000) / 1_000_000.0;
	}

	private static String segmentName(Span span, Map<String, AnyValue> attributes, Map<String, AnyValue> resource) {
		String name = first(attributes, "aws.local.service");
		if (name == null) {
			name = string(resource, "service.name");
		}
		return fixName((name != null) ? name : span.getName());
	}

	private static String subsegmentName(Span span, Map<String, AnyValue> attributes) {
		String name = null;
		SpanKind kind = span.getKind();
		if (kind == SpanKind.SPAN_KIND_CLIENT || kind == SpanKind.SPAN_KIND_PRODUCER
				|| kind == SpanKind.SPAN_KIND_CONSUMER) {
			name = string(attributes, "aws.remote.service");
		}
		if (name == null) {
			name = string(attributes, "peer.service");
		}
		if (name == null && isAwsSdk(attributes)) {
			name = string(attributes, "rpc.service");
		}
		if (name == null) {
			name = first(attributes, "aws.service", "db.namespace", "db.name", "rpc.service");
		}
		if (name == null && kind == SpanKind.SPAN_KIND_CLIENT) {
			name = first(attributes, "server.address", "http.host", "net.peer.name");
		}
		if (name != null && isAwsSdk(attributes)) {
			name = name.replaceFirst("^AWS\\.SDK\\.", "").replaceFirst("^AWS::", "");
		}
		return fixName((name != null) ? name : span.getName());
	}

	static String fixName(String name) {
		String fixed = INVALID_NAME_CHARACTERS.matcher(name).replaceAll("");
		if (fixed.length() > MAX_NAME_LENGTH) {
			fixed = fixed.substring(0, MAX_NAME_LENGTH);
		}
		return fixed.isEmpty() ? "span" : fixed;
	}

	private static boolean isAwsSdk(Map<String, AnyValue> attributes) {
		return "aws-api".equals(string(attributes, "rpc.system"));
	}

	private static ObjectNode http(Span span, Map<String, AnyValue> attributes) {
		ObjectNode request = NODES.objectNode();
		String method = first(attributes, "http.request.method", "http.method");
		if (method != null) {
			request.put("method", method);
		}
		String url = url(span, attributes);
		if (url != null) {
			request.put("url", url);
		}
		String userAgent = first(attributes, "user_agent.original", "http.user_agent");
		if (userAgent != null) {
			request.put("user_agent", userAgent);
		}
		String clientIp = first(attributes, "client.address", "http.client_ip");
		if (clientIp == null && span.getKind() == SpanKind.SPAN_KIND_SERVER) {
			clientIp = first(attributes, "network.peer.address", "net.sock.peer.addr");
		}
		if (clientIp != null) {
			request.put("client_ip", clientIp);
		}
		ObjectNode response = NODES.objectNode();
		Long status = number(attributes, "http.response.status_code", "http.status_code");
		if (status != null) {
			response.put("status", status);
		}
		Long length = number(attributes, "http.response.body.size", "http.response_content_length",
				"http.response_content_length_uncompressed");
		if (length != null) {
			response.put("content_length", length);
		}
		if (request.isEmpty() && response.isEmpty()) {
			return null;
		}
		ObjectNode http = NODES.objectNode();
		if (!request.isEmpty()) {
			http.set("request", request);
		}
		if (!response.isEmpty()) {
			http.set("response", response);
		}
		return http;
	}

	/**
	 * The full URL, as given or put together from its parts (scheme, host, port, path).
	 */
	private static String url(Span span, Map<String, AnyValue> attributes) {
		String full = first(attributes, "url.full", "http.url");
		if (full != null) {
			return full;
		}
		String path = string(attributes, "url.path");
		if (path != null) {
			String query = string(attributes, "url.query");
			path = (query != null && !query.isEmpty()) ? path + "?" + query : path;
		}
		else {
			path = string(attributes, "http.target");
		}
		String host = first(attributes, "server.address", "http.host", "net.host.name");
		if (path == null && host == null) {
			return null;
		}
		String scheme = first(attributes, "url.scheme", "http.scheme");
		scheme = (scheme != null) ? scheme : "http";
		StringBuilder url = new StringBuilder();
		if (host != null) {
			url.append(scheme).append("://").append(host);
			Long port = number(attributes, "server.port", "net.host.port");
			if (port != null && !(port == 80 && scheme.equals("http")) && !(port == 443 && scheme.equals("https"))
					&& !host.contains(":")) {
				url.append(':').append(port);
			}
		}
		url.append((path != null) ? path : "/");
		return url.toString();
	}

	/**
	 * The X-Ray SDK's rules: 4xx error, 429 also throttle, 5xx fault; else ERROR faults.
	 */
	private static void status(ObjectNode doc, Span span, Map<String, AnyValue> attributes) {
		Long code = number(attributes, "http.response.status_code", "http.status_code");
		boolean error = false;
		boolean throttle = false;
		boolean fault = false;
		if (code != null && code >= 400 && code <= 499) {
			error = true;
			throttle = code == 429;
		}
		else if (code != null && code >= 500 && code <= 599) {
			fault = true;
		}
		else if (span.getStatus().getCode() == StatusCode.STATUS_CODE_ERROR) {
			fault = true;
		}
		if (error) {
			doc.put("error", true);
		}
		if (throttle) {
			doc.put("throttle", true);
		}
		if (fault) {
			doc.put("fault", true);
		}
	}

	/** Exception events, else the ERROR status's message. */
	private static ObjectNode cause(Span span) {
		boolean remote = span.getKind() == SpanKind.SPAN_KIND_CLIENT || span.getKind() == SpanKind.SPAN_KIND_PRODUCER;
		ArrayNode exceptions = NODES.arrayNode();
		for (Span.Event event : span.getEventsList()) {
			if (!event.getName().equals("exception")) {
				continue;
			}
			Map<String, AnyValue> attributes = attributes(event.getAttributesList());
			ObjectNode exception = exceptions.addObject();
			exception.put("id", exceptionId(span, exceptions.size()));
			exception.put("type", orEmpty(string(attributes, "exception.type")));
			exception.put("message", orEmpty(string(attributes, "exception.message")));
			exception.put("remote", remote);
			String stack = string(attributes, "exception.stacktrace");
			if (stack != null) {
				addStack(exception, stack);
			}
		}
		if (exceptions.isEmpty() && span.getStatus().getCode() == StatusCode.STATUS_CODE_ERROR
				&& !span.getStatus().getMessage().isEmpty()) {
			ObjectNode exception = exceptions.addObject();
			exception.put("id", exceptionId(span, 1));
			exception.put("message", span.getStatus().getMessage());
		}
		if (exceptions.isEmpty()) {
			return null;
		}
		ObjectNode cause = NODES.objectNode();
		cause.set("exceptions", exceptions);
		return cause;
	}

	private static String exceptionId(Span span, int index) {
		byte[] id = span.getSpanId().toByteArray();
		id[7] = (byte) (id[7] + index);
		return HEX.formatHex(id);
	}

	/**
	 * Java stack traces: {@code \tat pkg.Class.method(File.java:12)} frames, the first
	 * few.
	 */
	private static void addStack(ObjectNode exception, String stacktrace) {
		ArrayNode stack = NODES.arrayNode();
		for (String line : stacktrace.split("\\R")) {
			if (line.startsWith("Caused by: ")) {
				break;
			}
			String frame = line.strip();
			int paren = frame.indexOf('(');
			if (!frame.startsWith("at ") || paren < 0 || !frame.endsWith(")")) {
				continue;
			}
			String label = frame.substring(3, paren);
			label = label.substring(label.indexOf('/') + 1);
			String where = frame.substring(paren + 1, frame.length() - 1);
			int colon = where.lastIndexOf(':');
			ObjectNode entry = stack.addObject();
			entry.put("label", label);
			entry.put("path", (colon >= 0) ? where.substring(0, colon) : where);
			if (colon >= 0) {
				try {
					entry.put("line", Integer.parseInt(where.substring(colon + 1)));
				}
				catch (NumberFormatException ignored) {
					// a frame without a line number keeps its path
				}
			}
			if (stack.size() == MAX_STACK_FRAMES) {
				break;
			}
		}
		if (!stack.isEmpty()) {
			exception.set("stack", stack);
		}
	}

	/** Operation and resource of an AWS SDK span, the DynamoDB table above all. */
	private static ObjectNode awsBlock(Span span, Map<String, AnyValue> attributes) {
		if (!isAwsSdk(attributes) && !attributes.containsKey("aws.service")) {
			return null;
		}
		ObjectNode aws = NODES.objectNode();
		String operation = first(attributes, "rpc.method", "aws.operation");
		if (operation != null) {
			aws.put("operation", operation);
		}
		List<String> tables = strings(attributes.get("aws.dynamodb.table_names"));
		String table = string(attributes, "aws.table_name");
		if (table != null) {
			aws.put("table_name", table);
		}
		else if (tables.size() == 1) {
			aws.put("table_name", tables.get(0));
		}
		else if (tables.size() > 1) {
			ArrayNode names = aws.putArray("table_names");
			tables.forEach(names::add);
		}
		String requestId = first(attributes, "aws.request_id", "aws.requestId");
		if (requestId != null) {
			aws.put("request_id", requestId);
		}
		String region = first(attributes, "aws.region", "cloud.region");
		if (region != null) {
			aws.put("region", region);
		}
		return aws;
	}

	/** Which SDK wrote it, as X-Ray shows for its own SDKs. */
	private static ObjectNode sdk(Map<String, AnyValue> resource) {
		String name = string(resource, "telemetry.sdk.name");
		if (name == null) {
			return null;
		}
		ObjectNode xray = NODES.objectNode();
		String language = string(resource, "telemetry.sdk.language");
		xray.put("sdk", (language != null) ? name + " for " + language : name);
		String version = string(resource, "telemetry.sdk.version");
		if (version != null) {
			xray.put("sdk_version", version);
		}
		xray.put("auto_instrumentation",
				resource.containsKey("telemetry.distro.name") || resource.containsKey("telemetry.auto.version"));
		return xray;
	}

	private static String origin(Map<String, AnyValue> resource) {
		String provider = string(resource, "cloud.provider");
		if (provider != null && !provider.equals("aws")) {
			return null;
		}
		String platform = string(resource, "cloud.platform");
		if (platform == null) {
			return null;
		}
		return switch (platform) {
			case "aws_eks" -> "AWS::EKS::Container";
			case "aws_ec2" -> "AWS::EC2::Instance";
			case "aws_ecs" -> "AWS::ECS::Container";
			case "aws_elastic_beanstalk" -> "AWS::ElasticBeanstalk::Environment";
			case "aws_app_runner" -> "AWS::AppRunner::Service";
			default -> null;
		};
	}

	/**
	 * Annotations for the attributes listed in {@code aws.xray.annotations} (X-Ray's
	 * keys: letters, digits and underscores), metadata for the rest.
	 */
	private static void metadata(ObjectNode doc, Span span, Map<String, AnyValue> attributes,
			Map<String, AnyValue> resource) {
		List<String> indexed = strings(attributes.get("aws.xray.annotations"));
		ObjectNode annotations = NODES.objectNode();
		ObjectNode metadata = NODES.objectNode();
		attributes.forEach((key, value) -> {
			if (key.equals("aws.xray.annotations")) {
				return;
			}
			if (indexed.contains(key) && isScalar(value)) {
				annotations.set(key.replaceAll("[^A-Za-z0-9_]", "_"), json(value));
			}
			else {
				metadata.set(key, json(value));
			}
		});
		resource.forEach((key, value) -> metadata.set("otel.resource." + key, json(value)));
		if (!span.getName().isEmpty()) {
			metadata.put("otel.span.name", span.getName());
		}
		if (!annotations.isEmpty()) {
			doc.set("annotations", annotations);
		}
		if (!metadata.isEmpty()) {
			doc.putObject("metadata").set("default", metadata);
		}
	}

	private static boolean isScalar(AnyValue value) {
		return value.hasStringValue() || value.hasBoolValue() || value.hasIntValue() || value.hasDoubleValue();
	}

	private static tools.jackson.databind.JsonNode json(AnyValue value) {
		return switch (value.getValueCase()) {
			case STRING_VALUE -> NODES.stringNode(value.getStringValue());
			case BOOL_VALUE -> NODES.booleanNode(value.getBoolValue());
			case INT_VALUE -> NODES.numberNode(value.getIntValue());
			case DOUBLE_VALUE -> NODES.numberNode(value.getDoubleValue());
			case BYTES_VALUE -> NODES.stringNode(HEX.formatHex(value.getBytesValue().toByteArray()));
			case ARRAY_VALUE -> {
				ArrayNode array = NODES.arrayNode();
				value.getArrayValue().getValuesList().forEach((v) -> array.add(json(v)));
				yield array;
			}
			case KVLIST_VALUE -> {
				ObjectNode object = NODES.objectNode();
				value.getKvlistValue().getValuesList().forEach((kv) -> object.set(kv.getKey(), json(kv.getValue())));
				yield object;
			}
			default -> NODES.nullNode();
		};
	}

	private static Map<String, AnyValue> attributes(List<KeyValue> list) {
		Map<String, AnyValue> map = new LinkedHashMap<>();
		for (KeyValue kv : list) {
			map.put(kv.getKey(), kv.getValue());
		}
		return map;
	}

	private static String string(Map<String, AnyValue> attributes, String key) {
		AnyValue value = attributes.get(key);
		if (value == null) {
			return null;
		}
		return switch (value.getValueCase()) {
			case STRING_VALUE -> value.getStringValue();
			case INT_VALUE -> Long.toString(value.getIntValue());
			case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
			case DOUBLE_VALUE -> Double.toString(value.getDoubleValue());
			default -> null;
		};
	}

	private static String first(Map<String, AnyValue> attributes, String... keys) {
		for (String key : keys) {
			String value = string(attributes, key);
			if (value != null && !value.isEmpty()) {
				return value;
			}
		}
		return null;
	}

	private static Long number(Map<String, AnyValue> attributes, String... keys) {
		for (String key : keys) {
			AnyValue value = attributes.get(key);
			if (value == null) {
				continue;
			}
			if (value.hasIntValue()) {
				return value.getIntValue();
			}
			if (value.hasDoubleValue()) {
				return (long) value.getDoubleValue();
			}
			if (value.hasStringValue()) {
				try {
					return Long.parseLong(value.getStringValue().strip());
				}
				catch (NumberFormatException ignored) {
					// not a number: try the next key
				}
			}
		}
		return null;
	}

	private static List<String> strings(AnyValue value) {
		if (value == null) {
			return List.of();
		}
		if (value.hasStringValue()) {
			return List.of(value.getStringValue());
		}
		List<String> strings = new ArrayList<>();
		if (value.hasArrayValue()) {
			for (AnyValue item : value.getArrayValue().getValuesList()) {
				if (item.hasStringValue()) {
					strings.add(item.getStringValue());
				}
			}
		}
		return strings;
	}

	private static String orEmpty(String value) {
		return (value != null) ? value : "";
	}

}
