package com.anycompany.shop.xraylocal.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Typed reading of X-Ray API request members for the packages beside {@code api}
 * (sampling, insights, alarms, retrieval, account): a member of the wrong JSON type, or
 * outside the model's bounds, is an {@code InvalidRequestException} naming it, as the
 * service answers.
 */
public final class Bodies {

	private Bodies() {
	}

	/** The body as a JSON object; empty when there is none. */
	public static JsonNode object(JsonMapper mapper, byte[] body) {
		if (body == null || body.length == 0) {
			return JsonNodeFactory.instance.objectNode();
		}
		JsonNode node;
		try {
			node = mapper.readTree(body);
		}
		catch (JacksonException ex) {
			throw ApiException.invalid("The request body is not valid JSON: " + ex.getOriginalMessage());
		}
		if (node == null || node.isMissingNode() || node.isNull()) {
			return JsonNodeFactory.instance.objectNode();
		}
		if (!node.isObject()) {
			throw ApiException.invalid("The request body must be a JSON object");
		}
		return node;
	}

	/** A member that must be an object (null when absent). */
	public static JsonNode object(JsonNode body, String member, boolean required) {
		JsonNode value = body.get(member);
		if (value == null || value.isNull()) {
			if (required) {
				throw ApiException.invalid(member + " is required");
			}
			return null;
		}
		if (!value.isObject()) {
			throw ApiException.invalid(member + " must be an object");
		}
		return value;
	}

	/** A string member of at most {@code max} characters; null when absent. */
	public static String string(JsonNode body, String member, int min, int max) {
		JsonNode value = body.get(member);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isString()) {
			throw ApiException.invalid(member + " must be a string");
		}
		String text = value.asString();
		if (text.length() < min || text.length() > max) {
			throw ApiException.invalid(member + " must be " + min + " to " + max + " characters long");
		}
		return text;
	}

	public static String required(JsonNode body, String member, int min, int max) {
		String text = string(body, member, min, max);
		if (text == null) {
			throw ApiException.invalid(member + " is required");
		}
		return text;
	}

	/** A whole number member within bounds; null when absent. */
	public static Integer integer(JsonNode body, String member, long min, long max) {
		JsonNode value = body.get(member);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isIntegralNumber() || value.asLong() < min || value.asLong() > max) {
			throw ApiException.invalid(member + " must be a whole number from " + min + " to " + max);
		}
		return value.asInt();
	}

	/** A number member within bounds; null when absent. */
	public static Double number(JsonNode body, String member, double min, double max) {
		JsonNode value = body.get(member);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isNumber() || !(value.asDouble() >= min && value.asDouble() <= max)) {
			throw ApiException.invalid(member + " must be a number from " + min + " to " + max);
		}
		return value.asDouble();
	}

	public static Boolean bool(JsonNode body, String member) {
		JsonNode value = body.get(member);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isBoolean()) {
			throw ApiException.invalid(member + " must be true or false");
		}
		return value.asBoolean();
	}

	/** Epoch seconds of a timestamp member (number or ISO-8601); null when absent. */
	public static Double time(JsonNode body, String member) {
		JsonNode value = body.get(member);
		if (value == null || value.isNull()) {
			return null;
		}
		if (value.isNumber()) {
			return value.asDouble();
		}
		if (value.isString()) {
			String text = value.asString().trim();
			try {
				return Double.parseDouble(text);
			}
			catch (NumberFormatException ex) {
				try {
					Instant instant = Instant.parse(text);
					return instant.getEpochSecond() + instant.getNano() / 1e9;
				}
				catch (DateTimeParseException notIso) {
					// the error below
				}
			}
		}
		throw ApiException.invalid(member + " must be a timestamp (epoch seconds or ISO-8601)");
	}

	public static double requiredTime(JsonNode body, String member) {
		Double time = time(body, member);
		if (time == null) {
			throw ApiException.invalid(member + " is required");
		}
		return time;
	}

	/** A list of strings; empty when absent. */
	public static List<String> strings(JsonNode body, String member) {
		JsonNode value = body.get(member);
		List<String> values = new ArrayList<>();
		if (value == null || value.isNull()) {
			return values;
		}
		if (!value.isArray()) {
			throw ApiException.invalid(member + " must be a list of strings");
		}
		for (JsonNode item : value) {
			if (!item.isString()) {
				throw ApiException.invalid(member + " must be a list of strings");
			}
			values.add(item.asString());
		}
		return values;
	}

	/** A map of strings to strings; empty when absent. */
	public static Map<String, String> stringMap(JsonNode body, String member) {
		JsonNode value = body.get(member);
		Map<String, String> values = new LinkedHashMap<>();
		if (value == null || value.isNull()) {
			return values;
		}
		if (!value.isObject()) {
			throw ApiException.invalid(member + " must be a map of strings");
		}
		for (Map.Entry<String, JsonNode> entry : value.properties()) {
			if (!entry.getValue().isString()) {
				throw ApiException.invalid(member + " must be a map of strings");
			}
			values.put(entry.getKey(), entry.getValue().asString());
		}
		return values;
	}

	/** A list of objects; empty when absent. */
	public static List<JsonNode> objects(JsonNode body, String member) {
		JsonNode value = body.get(member);
		List<JsonNode> values = new ArrayList<>();
		if (value == null || value.isNull()) {
			return values;
		}
		if (!value.isArray()) {
			throw ApiException.invalid(member + " must be a list");
		}
		for (JsonNode item : value) {
			if (!item.isObject()) {
				throw ApiException.invalid(member + " must be a list of objects");
			}
			values.add(item);
		}
		return values;
	}

}
