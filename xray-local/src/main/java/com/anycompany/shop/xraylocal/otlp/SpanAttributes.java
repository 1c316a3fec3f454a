package com.anycompany.shop.xraylocal.otlp;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.Span;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reading OTLP attributes, and the last step of every document: annotations for the
 * attributes listed in {@code aws.xray.annotations}, metadata for the rest (the
 * collector's {@code makeXRayAttributes}).
 */
final class SpanAttributes {

	static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final HexFormat HEX = HexFormat.of();

	private SpanAttributes() {
	}

	static Map<String, AnyValue> of(List<KeyValue> list) {
		Map<String, AnyValue> map = new LinkedHashMap<>();
		for (KeyValue kv : list) {
			map.put(kv.getKey(), kv.getValue());
		}
		return map;
	}

	/**
	 * Annotations for the attributes listed in {@code aws.xray.annotations} (X-Ray's
	 * keys: letters, digits and underscores), metadata for the rest and for the resource
	 * ({@code otel.resource.*}).
	 */
	static void annotationsAndMetadata(ObjectNode doc, Span span, Map<String, AnyValue> attributes,
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

	/**
	 * Shortens the metadata's string values longer than {@code maxChars}, saying so in
	 * each; whether any was.
	 */
	static boolean shortenLongMetadata(ObjectNode doc, int maxChars) {
		if (!(doc.at("/metadata/default") instanceof ObjectNode metadata)) {
			return false;
		}
		boolean shortened = false;
		for (String key : List.copyOf(metadata.propertyNames())) {
			JsonNode value = metadata.get(key);
			if (value.isString() && value.asString().length() > maxChars) {
				String text = value.asString();
				metadata.put(key, text.substring(0, maxChars) + "… (" + text.length() + " characters, shortened)");
				shortened = true;
			}
		}
		return shortened;
	}

	private static boolean isScalar(AnyValue value) {
		return value.hasStringValue() || value.hasBoolValue() || value.hasIntValue() || value.hasDoubleValue();
	}

	static JsonNode json(AnyValue value) {
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

	static String string(Map<String, AnyValue> attributes, String key) {
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

	/** The first of these keys with a non-empty value. */
	static String first(Map<String, AnyValue> attributes, String... keys) {
		for (String key : keys) {
			String value = string(attributes, key);
			if (value != null && !value.isEmpty()) {
				return value;
			}
		}
		return null;
	}

	/** The first of these keys with a number (or a string that is one). */
	static Long number(Map<String, AnyValue> attributes, String... keys) {
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

	/** A string, or the strings of an array. */
	static List<String> strings(AnyValue value) {
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

	static String orEmpty(String value) {
		return (value != null) ? value : "";
	}

}
