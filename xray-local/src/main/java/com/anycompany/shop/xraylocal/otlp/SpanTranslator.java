package com.anycompany.shop.xraylocal.otlp;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.anycompany.shop.xraylocal.ingest.SegmentParser;
import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static com.anycompany.shop.xraylocal.otlp.SpanAttributes.NODES;
import static com.anycompany.shop.xraylocal.otlp.SpanAttributes.first;
import static com.anycompany.shop.xraylocal.otlp.SpanAttributes.string;

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
 * segment's resource attributes ({@code otel.resource.*}), become metadata; span links
 * become {@code links}.
 * <p>
 * This class is the segment structure (the collector's {@code segment.go}); the blocks of
 * a document are built apart, as the collector builds them: {@link HttpBlock},
 * {@link AwsBlock}, {@link CauseBlock}, {@link SpanLinks}, {@link SpanAttributes}.
 */
public final class SpanTranslator {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HexFormat HEX = HexFormat.of();

	/**
	 * X-Ray's characters for names: letters, digits, whitespace and {@code _.:/%&#=+\-@}.
	 */
	private static final Pattern INVALID_NAME_CHARACTERS = Pattern.compile("[^ 0-9\\p{L}\\p{N}_.:/%&#=+\\-@]");

	private static final int MAX_NAME_LENGTH = 200;

	/** What is kept of an attribute value when a document must be shortened. */
	static final int LONG_VALUE_CHARS = 1024;

	/** X-Ray's OTLP endpoint refuses spans larger than 200 KB. */
	static final int MAX_SPAN_BYTES = 200 * 1024;

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

	private final int maxSpanBytes;

	/** With X-Ray's limit on one span's size. */
	public SpanTranslator() {
		this(MAX_SPAN_BYTES);
	}

	/**
	 * @param maxSpanBytes a span's encoded size at most; a larger one is refused
	 */
	public SpanTranslator(int maxSpanBytes) {
		this.maxSpanBytes = maxSpanBytes;
	}

	public Result translate(ExportTraceServiceRequest request) {
		List<String> documents = new ArrayList<>();
		int spans = 0;
		int invalid = 0;
		String firstProblem = null;
		for (ResourceSpans resourceSpans : request.getResourceSpansList()) {
			Map<String, AnyValue> resource = SpanAttributes.of(resourceSpans.getResource().getAttributesList());
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
						String json = JSON.writeValueAsString(document);
						if (json.length() > SegmentParser.MAX_DOCUMENT_BYTES
								&& SpanAttributes.shortenLongMetadata(document, LONG_VALUE_CHARS)) {
							// the endpoint takes spans up to 200 KB, a segment document
							// holds 64 KB: long attribute values are shortened, not the
							// span refused
							json = JSON.writeValueAsString(document);
						}
						documents.add(json);
					}
				}
			}
		}
		return new Result(documents, spans, invalid, firstProblem);
	}

	private String check(Span span) {
		int size = span.getSerializedSize();
		if (size > this.maxSpanBytes) {
			return "span " + fixName(span.getName()) + " is " + size + " bytes, more than the " + this.maxSpanBytes
					+ " a span may have";
		}
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
		Map<String, AnyValue> attributes = SpanAttributes.of(span.getAttributesList());
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
		// the links are the span's: once, on the segment
		dependency.remove("links");
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
		ObjectNode aws = AwsBlock.of(attributes);
		ObjectNode xray = AwsBlock.sdk(resource);
		if (xray != null) {
			(aws != null ? aws : (aws = NODES.objectNode())).set("xray", xray);
		}
		if (aws != null) {
			doc.set("aws", aws);
		}
		SpanAttributes.annotationsAndMetadata(doc, span, attributes, resource);
		return doc;
	}

	private ObjectNode subsegment(Span span, Map<String, AnyValue> attributes, String parentId) {
		ObjectNode doc = common(span, attributes, subsegmentName(span, attributes));
		doc.put("type", "subsegment");
		doc.put("parent_id", parentId);
		if (AwsBlock.isAwsSdk(attributes) || attributes.containsKey("aws.service")) {
			doc.put("namespace", "aws");
		}
		else if (span.getKind() == SpanKind.SPAN_KIND_CLIENT) {
			doc.put("namespace", "remote");
		}
		ObjectNode aws = AwsBlock.of(attributes);
		if (aws != null) {
			doc.set("aws", aws);
		}
		SpanAttributes.annotationsAndMetadata(doc, span, attributes, Map.of());
		return doc;
	}

	private ObjectNode common(Span span, Map<String, AnyValue> attributes, String name) {
		ObjectNode doc = NODES.objectNode();
		doc.put("name", name);
		doc.put("id", hex(span.getSpanId()));
		doc.put("trace_id", xrayTraceId(span.getTraceId()));
		doc.put("start_time", seconds(span.getStartTimeUnixNano()));
		doc.put("end_time", seconds(span.getEndTimeUnixNano()));
		ObjectNode http = HttpBlock.of(span, attributes);
		if (http != null) {
			doc.set("http", http);
		}
		HttpBlock.status(doc, span, attributes);
		ObjectNode cause = CauseBlock.of(span);
		if (cause != null) {
			doc.set("cause", cause);
		}
		ArrayNode links = SpanLinks.of(span);
		if (links != null) {
			doc.set("links", links);
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
		if (name == null && AwsBlock.isAwsSdk(attributes)) {
			name = string(attributes, "rpc.service");
		}
		if (name == null) {
			name = first(attributes, "aws.service", "db.namespace", "db.name", "rpc.service");
		}
		if (name == null && kind == SpanKind.SPAN_KIND_CLIENT) {
			name = first(attributes, "server.address", "http.host", "net.peer.name");
		}
		if (name != null && AwsBlock.isAwsSdk(attributes)) {
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

}
