package com.anycompany.shop.xraylocal.otlp;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads an OTLP/HTTP trace export body, binary protobuf or OTLP's JSON mapping, into the
 * protocol's request class.
 * <p>
 * OTLP/JSON is the protobuf JSON mapping with one exception: trace and span ids are hex
 * strings, not base64. The ids are rewritten to base64 before protobuf's own
 * {@link JsonFormat} reads the rest (which also takes enums as numbers, as OTLP/JSON
 * requires, and both {@code lowerCamelCase} and the proto field names).
 */
final class OtlpDecoder {

	enum Encoding {

		PROTOBUF("application/x-protobuf"), JSON("application/json");

		final String contentType;

		Encoding(String contentType) {
			this.contentType = contentType;
		}

		/** The encoding of a Content-Type, or null when OTLP/HTTP knows no such type. */
		static Encoding of(String contentType) {
			if (contentType == null) {
				return null;
			}
			String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
			return switch (type) {
				case "application/x-protobuf", "application/protobuf" -> PROTOBUF;
				case "application/json" -> JSON;
				default -> null;
			};
		}

	}

	/** A body that is not a valid export request; the message goes back to the sender. */
	static final class MalformedRequest extends Exception {

		MalformedRequest(String message) {
			super(message, null, false, false);
		}

	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final JsonFormat.Parser JSON_FORMAT = JsonFormat.parser().ignoringUnknownFields();

	private static final HexFormat HEX = HexFormat.of();

	ExportTraceServiceRequest decode(byte[] body, Encoding encoding) throws MalformedRequest {
		try {
			return switch (encoding) {
				case PROTOBUF -> ExportTraceServiceRequest.parseFrom(body);
				case JSON -> fromJson(body);
			};
		}
		catch (InvalidProtocolBufferException ex) {
			throw new MalformedRequest("not an OTLP ExportTraceServiceRequest: " + ex.getMessage());
		}
		catch (JacksonException ex) {
			throw new MalformedRequest("not JSON: " + ex.getOriginalMessage());
		}
	}

	private static ExportTraceServiceRequest fromJson(byte[] body)
			throws MalformedRequest, InvalidProtocolBufferException {
		JsonNode root = JSON.readTree(body);
		if (!(root instanceof ObjectNode)) {
			throw new MalformedRequest("an OTLP/JSON body is a JSON object");
		}
		for (JsonNode resourceSpans : root.path("resourceSpans")) {
			for (JsonNode scopeSpans : resourceSpans.path("scopeSpans")) {
				for (JsonNode span : scopeSpans.path("spans")) {
					hexIdsToBase64(span);
					for (JsonNode link : span.path("links")) {
						hexIdsToBase64(link);
					}
				}
			}
		}
		ExportTraceServiceRequest.Builder request = ExportTraceServiceRequest.newBuilder();
		JSON_FORMAT.merge(JSON.writeValueAsString(root), request);
		return request.build();
	}

	private static void hexIdsToBase64(JsonNode node) throws MalformedRequest {
		if (!(node instanceof ObjectNode object)) {
			return;
		}
		for (String field : new String[] { "traceId", "spanId", "parentSpanId", "trace_id", "span_id",
				"parent_span_id" }) {
			JsonNode value = object.get(field);
			if (value == null || value.isNull()) {
				continue;
			}
			if (!value.isString()) {
				throw new MalformedRequest(field + " must be a hex string");
			}
			try {
				byte[] id = HEX.parseHex(value.stringValue());
				object.put(field, Base64.getEncoder().encodeToString(id));
			}
			catch (IllegalArgumentException ex) {
				throw new MalformedRequest(field + " '" + abbreviate(value.stringValue()) + "' is not hex");
			}
		}
	}

	private static String abbreviate(String text) {
		return (text.length() <= 40) ? text : text.substring(0, 40) + "...";
	}

}
