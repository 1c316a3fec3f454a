package com.anycompany.shop.xraylocal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import tools.jackson.databind.json.JsonMapper;

/**
 * Builds segment documents for tests, as an SDK would write them.
 */
public final class Json {

	public static final String HEADER = "{\"format\": \"json\", \"version\": 1}\n";

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private final Map<String, Object> fields = new LinkedHashMap<>();

	private Json(String name) {
		this.fields.put("name", name);
		this.fields.put("id", newId());
	}

	/** A complete segment of one second starting at {@code start}, in a new trace. */
	public static Json segment(String name, String traceId, double start, double duration) {
		Json json = new Json(name);
		json.fields.put("trace_id", traceId);
		json.fields.put("start_time", start);
		json.fields.put("end_time", start + duration);
		return json;
	}

	public static Json subsegment(String name, double start, double duration) {
		Json json = new Json(name);
		json.fields.put("start_time", start);
		json.fields.put("end_time", start + duration);
		return json;
	}

	public static String newTraceId() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return String.format("1-%08x-%08x%08x%08x", System.currentTimeMillis() / 1000, random.nextInt(),
				random.nextInt(), random.nextInt());
	}

	public static String newId() {
		return String.format("%016x", ThreadLocalRandom.current().nextLong());
	}

	/** The same document, as an in-progress copy sent before it ended. */
	public Json inProgressCopy() {
		Json copy = new Json((String) this.fields.get("name"));
		copy.fields.putAll(this.fields);
		return copy.inProgress();
	}

	public String id() {
		return (String) this.fields.get("id");
	}

	public Json id(String id) {
		this.fields.put("id", id);
		return this;
	}

	public Json put(String field, Object value) {
		if (value == null) {
			this.fields.remove(field);
		}
		else {
			this.fields.put(field, value);
		}
		return this;
	}

	public Json parent(String parentId) {
		return put("parent_id", parentId);
	}

	public Json namespace(String namespace) {
		return put("namespace", namespace);
	}

	public Json inProgress() {
		this.fields.remove("end_time");
		return put("in_progress", true);
	}

	public Json http(String method, String url, int status) {
		Map<String, Object> http = new LinkedHashMap<>();
		http.put("request", Map.of("method", method, "url", url));
		http.put("response", Map.of("status", status));
		this.fields.put("http", http);
		if (status >= 500) {
			put("fault", true);
		}
		else if (status == 429) {
			put("error", true).put("throttle", true);
		}
		else if (status >= 400) {
			put("error", true);
		}
		return this;
	}

	public Json dynamo(String table, String operation) {
		namespace("aws");
		return put("aws", Map.of("table_name", table, "operation", operation));
	}

	public Json annotation(String key, Object value) {
		@SuppressWarnings("unchecked")
		Map<String, Object> annotations = (Map<String, Object>) this.fields.computeIfAbsent("annotations",
				(k) -> new LinkedHashMap<>());
		annotations.put(key, value);
		return this;
	}

	public Json sub(Json... children) {
		@SuppressWarnings("unchecked")
		List<Object> subsegments = (List<Object>) this.fields.computeIfAbsent("subsegments", (k) -> new ArrayList<>());
		for (Json child : children) {
			subsegments.add(child.fields);
		}
		return this;
	}

	/** As an independent subsegment of {@code parentId} in {@code traceId}. */
	public Json independent(String traceId, String parentId) {
		put("type", "subsegment");
		put("trace_id", traceId);
		return put("parent_id", parentId);
	}

	public String json() {
		return MAPPER.writeValueAsString(this.fields);
	}

	public String datagram() {
		return HEADER + json();
	}

	public byte[] bytes() {
		return datagram().getBytes(java.nio.charset.StandardCharsets.UTF_8);
	}

}
