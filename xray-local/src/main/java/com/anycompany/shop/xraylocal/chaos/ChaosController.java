package com.anycompany.shop.xraylocal.chaos;

import java.util.List;
import java.util.Map;

import com.anycompany.shop.xraylocal.web.ApiException;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /local/chaos/events} records a chaos action, {@code GET
 * /local/chaos/events?since=...} lists them. xray-local's own endpoint (under
 * {@code /local/}, apart from the X-Ray API): members in lowerCamelCase, errors in the
 * API's shape.
 */
@RestController
class ChaosController {

	private static final int MAX_TEXT = 200;

	private static final int MAX_PARAMETERS_CHARS = 4096;

	private final ChaosEvents events;

	private final JsonMapper mapper;

	ChaosController(ChaosEvents events, JsonMapper mapper) {
		this.events = events;
		this.mapper = mapper;
	}

	@PostMapping("/local/chaos/events")
	ResponseEntity<EventJson> record(@RequestBody(required = false) byte[] body) {
		JsonNode request = object(body);
		String action = text(request, "action", true);
		if (!ChaosEvents.ACTIONS.contains(action)) {
			throw ApiException.invalid("action must be one of kill, latency, errors, throttle, reset");
		}
		double time = System.currentTimeMillis() / 1000.0;
		JsonNode given = request.get("time");
		if (given != null && !given.isNull()) {
			if (!given.isNumber() || !Double.isFinite(given.asDouble()) || given.asDouble() <= 0) {
				throw ApiException.invalid("time must be a positive number of epoch seconds");
			}
			time = given.asDouble();
		}
		Map<String, Object> parameters = Map.of();
		JsonNode params = request.get("parameters");
		if (params != null && !params.isNull()) {
			if (!params.isObject()) {
				throw ApiException.invalid("parameters must be a JSON object");
			}
			if (params.toString().length() > MAX_PARAMETERS_CHARS) {
				throw ApiException.invalid("parameters must be at most " + MAX_PARAMETERS_CHARS + " characters");
			}
			parameters = this.mapper.convertValue(params, Map.class);
		}
		ChaosEvents.Event event = this.events.record(time, action, text(request, "target", false), parameters,
				text(request, "source", false));
		return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore()).body(json(event));
	}

	@GetMapping("/local/chaos/events")
	ResponseEntity<Map<String, Object>> list(@RequestParam(required = false) String since) {
		double from = 0;
		if (since != null && !since.isBlank()) {
			try {
				from = Double.parseDouble(since.trim());
			}
			catch (NumberFormatException ex) {
				throw ApiException.invalid("since must be epoch seconds, e.g. since=1795601000");
			}
			if (!Double.isFinite(from)) {
				throw ApiException.invalid("since must be epoch seconds, e.g. since=1795601000");
			}
		}
		List<EventJson> found = this.events.since(from).stream().map(ChaosController::json).toList();
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(Map.of("events", found));
	}

	private JsonNode object(byte[] body) {
		JsonNode node;
		try {
			node = (body == null || body.length == 0) ? null : this.mapper.readTree(body);
		}
		catch (JacksonException ex) {
			throw ApiException.invalid("The request body is not valid JSON: " + ex.getOriginalMessage());
		}
		if (node == null || !node.isObject()) {
			throw ApiException.invalid("The request body must be a JSON object with at least an action");
		}
		return node;
	}

	private static String text(JsonNode request, String member, boolean required) {
		JsonNode value = request.get(member);
		if (value == null || value.isNull()) {
			if (required) {
				throw ApiException.invalid(member + " is required");
			}
			return null;
		}
		if (!value.isString() || value.asString().isBlank() || value.asString().length() > MAX_TEXT) {
			throw ApiException.invalid(member + " must be a non-empty string of at most " + MAX_TEXT + " characters");
		}
		return value.asString();
	}

	/**
	 * An event as written: names in lowerCamelCase and a null target or source written
	 * out, whatever the application's settings for the X-Ray API.
	 */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	record EventJson(@JsonProperty("id") long id, @JsonProperty("time") double time,
			@JsonProperty("action") String action, @JsonProperty("target") String target,
			@JsonProperty("parameters") Map<String, Object> parameters, @JsonProperty("source") String source) {
	}

	private static EventJson json(ChaosEvents.Event event) {
		return new EventJson(event.id(), event.time(), event.action(), event.target(), event.parameters(),
				event.source());
	}

}
