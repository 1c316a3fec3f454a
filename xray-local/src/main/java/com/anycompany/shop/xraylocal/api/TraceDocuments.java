package com.anycompany.shop.xraylocal.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.anycompany.shop.xraylocal.store.Doc;
import com.anycompany.shop.xraylocal.store.NodeKey;
import com.anycompany.shop.xraylocal.store.Trace;
import com.anycompany.shop.xraylocal.store.TraceFacts;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A trace's segment documents as BatchGetTraces returns them: independent subsegments put
 * back inside their parent's {@code subsegments}, and one inferred segment per call to an
 * AWS resource or an un-instrumented remote service.
 */
final class TraceDocuments {

	/**
	 * Distinguishes inferred segment ids from the ids of the subsegments they stand for.
	 */
	private static final long INFERRED_ID_MASK = 0x5f3c_9a71_0e2d_b846L;

	/**
	 * Keeps numbers as they were written: 1795602445.8512416, not 1.7956024458512416E9.
	 */
	private final JsonMapper mapper = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
		.enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
		.build();

	List<XrayJson.Segment> segments(Trace trace) {
		TraceFacts facts = trace.facts();
		List<ObjectNode> documents = new ArrayList<>();
		Map<String, ObjectNode> byId = new HashMap<>();
		List<ObjectNode> independents = new ArrayList<>();
		for (Doc doc : facts.docs()) {
			ObjectNode node = (ObjectNode) this.mapper.readTree(doc.raw());
			if (doc.independent()) {
				independents.add(node);
			}
			else {
				documents.add(node);
				index(node, byId);
			}
		}
		stitch(independents, byId);
		// a subsegment whose parent never arrived is still shown, on its own
		documents.addAll(independents);
		facts.inferredCalls().forEach((id, target) -> {
			ObjectNode call = byId.get(hex(id));
			if (call != null) {
				documents.add(inferred(trace.id(), call, target));
			}
		});
		documents.sort(Comparator.comparingDouble((ObjectNode d) -> d.path("start_time").asDouble(0)));
		List<XrayJson.Segment> segments = new ArrayList<>();
		for (ObjectNode document : documents) {
			segments
				.add(new XrayJson.Segment(document.path("id").asString(""), this.mapper.writeValueAsString(document)));
		}
		return segments;
	}

	private static void stitch(List<ObjectNode> independents, Map<String, ObjectNode> byId) {
		boolean progress = true;
		while (progress && !independents.isEmpty()) {
			progress = false;
			for (Iterator<ObjectNode> it = independents.iterator(); it.hasNext();) {
				ObjectNode subsegment = it.next();
				ObjectNode parent = byId.get(subsegment.path("parent_id").asString(""));
				if (parent == null) {
					continue;
				}
				subsegment.remove(List.of("type", "trace_id", "parent_id"));
				JsonNode existing = parent.get("subsegments");
				ArrayNode children = (existing instanceof ArrayNode array) ? array : parent.putArray("subsegments");
				removeById(children, subsegment.path("id").asString(""));
				children.add(subsegment);
				index(subsegment, byId);
				it.remove();
				progress = true;
			}
		}
	}

	private static void removeById(ArrayNode children, String id) {
		for (int i = children.size() - 1; i >= 0; i--) {
			if (id.equals(children.get(i).path("id").asString(""))) {
				children.remove(i);
			}
		}
	}

	private static void index(ObjectNode entity, Map<String, ObjectNode> byId) {
		byId.put(entity.path("id").asString(""), entity);
		JsonNode children = entity.get("subsegments");
		if (children != null && children.isArray()) {
			for (JsonNode child : children) {
				if (child instanceof ObjectNode object) {
					index(object, byId);
				}
			}
		}
	}

	private ObjectNode inferred(String traceId, ObjectNode call, NodeKey target) {
		ObjectNode segment = this.mapper.createObjectNode();
		String callId = call.path("id").asString("");
		segment.put("id", hex(parseHex(callId) ^ INFERRED_ID_MASK));
		segment.put("name", target.name());
		segment.set("start_time", call.get("start_time"));
		if (call.has("end_time")) {
			segment.set("end_time", call.get("end_time"));
		}
		if (call.path("in_progress").asBoolean(false)) {
			segment.put("in_progress", true);
		}
		segment.put("parent_id", callId);
		segment.put("inferred", true);
		segment.put("trace_id", traceId);
		segment.put("origin", target.type());
		for (String copied : new String[] { "aws", "http", "error", "fault", "throttle", "cause" }) {
			if (call.has(copied)) {
				segment.set(copied, call.get(copied));
			}
		}
		return segment;
	}

	static String hex(long id) {
		String digits = Long.toHexString(id);
		return "0".repeat(16 - digits.length()) + digits;
	}

	private static long parseHex(String id) {
		try {
			return Long.parseUnsignedLong(id, 16);
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

}
