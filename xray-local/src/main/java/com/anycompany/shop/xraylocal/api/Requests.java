package com.anycompany.shop.xraylocal.api;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.anycompany.shop.xraylocal.web.ApiException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Reads X-Ray API request bodies leniently, as the service does: unknown members are
 * ignored, timestamps may be epoch seconds (what the SDKs and the CLI send) or ISO-8601.
 */
final class Requests {

	private Requests() {
	}

	static JsonNode body(JsonMapper mapper, byte[] body) {
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

	/** Epoch seconds of a timestamp member, or {@code fallback} when absent. */
	static double time(JsonNode body, String member, Double fallback) {
		JsonNode value = body.get(member);
		if (value == null || value.isNull()) {
			if (fallback == null) {
				throw ApiException.invalid(member + " is required");
			}
			return fallback;
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
					// fall through to the error below
				}
			}
		}
		throw ApiException.invalid(member + " must be a timestamp (epoch seconds or ISO-8601)");
	}

	static String string(JsonNode body, String member) {
		JsonNode value = body.get(member);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isString()) {
			throw ApiException.invalid(member + " must be a string");
		}
		return value.asString();
	}

	static List<String> strings(JsonNode body, String member) {
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

}
