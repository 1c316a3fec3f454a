package com.anycompany.shop.xraylocal.ingest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.anycompany.shop.xraylocal.store.Doc;
import com.anycompany.shop.xraylocal.store.Entity;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads what SDKs send: the daemon's datagram ({@code {"format": "json", "version": 1}},
 * a newline, one segment document) or a bare document from PutTraceSegments. Streams
 * through the JSON once, keeps the fields xray-local computes with and checks the ones
 * X-Ray requires. Any input either yields a {@link Doc} or a {@link Rejection}; nothing
 * else escapes.
 */
public final class SegmentParser {

	/** X-Ray's limit for one segment document. */
	public static final int MAX_DOCUMENT_BYTES = 64 * 1024;

	static final int MAX_NAME_LENGTH = 200;

	static final int MAX_DEPTH = 64;

	/** Exceptions kept per segment or subsegment, for root causes. */
	static final int MAX_EXCEPTIONS = 8;

	/** Characters kept of an exception message. */
	static final int MAX_MESSAGE_LENGTH = 1000;

	private static final byte[] SDK_HEADER = "{\"format\": \"json\", \"version\": 1}"
		.getBytes(StandardCharsets.US_ASCII);

	/**
	 * Repeated strings (names, methods, tables, URLs) share one instance, up to a bound.
	 */
	private static final int MAX_CANONICAL_STRINGS = 20_000;

	/**
	 * Property names interned, so that the {@code switch}es below match them by identity
	 * instead of comparing characters; times read by the fast (and exact) double parser.
	 */
	private final JsonFactory json = JsonFactory.builder()
		.enable(TokenStreamFactory.Feature.INTERN_PROPERTY_NAMES)
		.enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
		.build();

	private final StringTable canonical = new StringTable(MAX_CANONICAL_STRINGS);

	/** Parses a UDP datagram: header line, newline, document. */
	public Doc parseDatagram(byte[] data, int offset, int length) throws Rejection {
		int end = offset + length;
		int newline = -1;
		for (int i = offset; i < end; i++) {
			if (data[i] == '\n') {
				newline = i;
				break;
			}
		}
		if (newline < 0) {
			throw new Rejection("missing_header", "no newline between header and document");
		}
		checkHeader(data, offset, newline - offset);
		return parseDocument(data, newline + 1, end - newline - 1);
	}

	/** Parses a bare segment document, as PutTraceSegments carries them. */
	public Doc parseDocument(String document) throws Rejection {
		if (document == null) {
			throw new Rejection("empty_document", "document is missing");
		}
		byte[] bytes = document.getBytes(StandardCharsets.UTF_8);
		return parseDocument(bytes, 0, bytes.length);
	}

	Doc parseDocument(byte[] data, int offset, int length) throws Rejection {
		if (length > MAX_DOCUMENT_BYTES) {
			throw new Rejection("too_large", "document is larger than 64 KiB");
		}
		if (isBlank(data, offset, length)) {
			throw new Rejection("empty_document", "document is empty");
		}
		Top top = new Top();
		Entity entity;
		try (JsonParser parser = this.json.createParser(ObjectReadContext.empty(), data, offset, length)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				throw new Rejection("malformed_json", "document is not a JSON object");
			}
			entity = readEntity(parser, 0, top);
			if (parser.nextToken() != null) {
				throw new Rejection("malformed_json", "content after the document");
			}
		}
		catch (JacksonException ex) {
			throw new Rejection("malformed_json", "document is not valid JSON: " + ex.getOriginalMessage());
		}
		String traceId = checkTraceId(top.traceId);
		boolean independent = "subsegment".equals(top.type);
		long parentId = 0;
		boolean hasParent = top.parentId != null;
		if (hasParent) {
			parentId = parseId(top.parentId, "invalid_parent_id", "parent_id");
		}
		else if (independent) {
			throw new Rejection("missing_parent_id", "an independent subsegment needs a parent_id");
		}
		String raw = new String(data, offset, length, StandardCharsets.UTF_8);
		return new Doc(traceId, entity, parentId, hasParent, independent, raw);
	}

	private void checkHeader(byte[] data, int offset, int length) throws Rejection {
		if (length == SDK_HEADER.length
				&& java.util.Arrays.equals(data, offset, offset + length, SDK_HEADER, 0, SDK_HEADER.length)) {
			return;
		}
		String format = null;
		int version = -1;
		try (JsonParser parser = this.json.createParser(ObjectReadContext.empty(), data, offset, length)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				throw new Rejection("bad_header", "header is not a JSON object");
			}
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				String field = parser.currentName();
				JsonToken value = parser.nextToken();
				if ("format".equals(field)) {
					format = string(parser, value);
				}
				else if ("version".equals(field) && value == JsonToken.VALUE_NUMBER_INT) {
					version = parser.getIntValue();
				}
				else {
					parser.skipChildren();
				}
			}
			if (parser.nextToken() != null) {
				throw new Rejection("bad_header", "content after the header object");
			}
		}
		catch (JacksonException ex) {
			throw new Rejection("bad_header", "header is not valid JSON");
		}
		if (!"json".equals(format) || version != 1) {
			throw new Rejection("bad_header", "header must be {\"format\": \"json\", \"version\": 1}");
		}
	}

	private Entity readEntity(JsonParser p, int depth, Top top) throws Rejection {
		Entity e = new Entity();
		boolean hasId = false;
		boolean validId = false;
		boolean hasStart = false;
		boolean hasEnd = false;
		while (p.nextToken() == JsonToken.PROPERTY_NAME) {
			String field = p.currentName();
			JsonToken v = p.nextToken();
			switch (field) {
				case "name" -> e.name = (v == JsonToken.VALUE_STRING && p.getStringLength() <= MAX_NAME_LENGTH)
						? canon(p, v) : string(p, v);
				case "id" -> {
					// read in place: an id is a number, not a string worth allocating
					hasId = v == JsonToken.VALUE_STRING;
					if (hasId) {
						char[] chars = p.getStringCharacters();
						int offset = p.getStringOffset();
						int length = p.getStringLength();
						validId = isHexId(chars, offset, length);
						e.id = validId ? hexId(chars, offset) : 0;
					}
					else {
						p.skipChildren();
					}
				}
				case "start_time" -> {
					hasStart = v.isNumeric();
					if (hasStart) {
						e.startTime = p.getDoubleValue();
					}
				}
				case "end_time" -> {
					hasEnd = v.isNumeric();
					if (hasEnd) {
						e.endTime = p.getDoubleValue();
					}
				}
				case "in_progress" -> e.inProgress = v == JsonToken.VALUE_TRUE;
				case "namespace" -> e.namespace = canon(p, v);
				case "error" -> e.flags |= (v == JsonToken.VALUE_TRUE) ? Entity.ERROR : 0;
				case "fault" -> e.flags |= (v == JsonToken.VALUE_TRUE) ? Entity.FAULT : 0;
				case "throttle" -> e.flags |= (v == JsonToken.VALUE_TRUE) ? Entity.THROTTLE : 0;
				case "origin" -> e.origin = canon(p, v);
				case "resource_arn" -> e.resourceArn = canon(p, v);
				case "user" -> e.user = canon(p, v);
				case "http" -> readHttp(p, v, e);
				case "aws" -> readAws(p, v, e);
				case "annotations" -> e.annotations = readAnnotations(p, v);
				case "cause" -> e.exceptions = readCause(p, v);
				case "subsegments" -> e.children = readChildren(p, v, depth);
				case "trace_id" -> top(top, p, v).traceId = string(p, v);
				case "parent_id" -> top(top, p, v).parentId = string(p, v);
				case "type" -> top(top, p, v).type = string(p, v);
				default -> p.skipChildren();
			}
		}
		String what = (depth == 0) ? "" : "subsegment ";
		if (e.name == null || e.name.isBlank()) {
			throw new Rejection(reason(depth, "missing_name"), what + "name is missing");
		}
		if (e.name.length() > MAX_NAME_LENGTH) {
			throw new Rejection(reason(depth, "invalid_name"), what + "name is longer than 200 characters");
		}
		if (!hasId) {
			throw new Rejection(reason(depth, "missing_id"), what + "id is missing");
		}
		if (!validId) {
			throw new Rejection(reason(depth, "invalid_id"), "id must be 16 hexadecimal digits");
		}
		if (!hasStart || !Double.isFinite(e.startTime) || e.startTime <= 0) {
			throw new Rejection(reason(depth, "missing_start_time"), what + "start_time is missing or not a number");
		}
		if (e.inProgress) {
			e.endTime = Double.NaN;
		}
		else if (!hasEnd || !Double.isFinite(e.endTime)) {
			throw new Rejection(reason(depth, "missing_end_time"), what + "needs end_time or \"in_progress\": true");
		}
		return e;
	}

	private static String reason(int depth, String reason) {
		return (depth == 0) ? reason : "invalid_subsegment";
	}

	/** Fields only a top-level document carries; ignored (but still read) when nested. */
	private static Top top(Top top, JsonParser p, JsonToken v) {
		return (top != null) ? top : new Top();
	}

	private Entity[] readChildren(JsonParser p, JsonToken v, int depth) throws Rejection {
		if (v != JsonToken.START_ARRAY) {
			p.skipChildren();
			return Entity.NO_CHILDREN;
		}
		if (depth >= MAX_DEPTH) {
			throw new Rejection("too_deep", "subsegments are nested more than " + MAX_DEPTH + " levels deep");
		}
		List<Entity> children = new ArrayList<>();
		JsonToken t;
		while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
			if (t != JsonToken.START_OBJECT) {
				throw new Rejection("invalid_subsegment", "a subsegment is not a JSON object");
			}
			children.add(readEntity(p, depth + 1, null));
		}
		return children.toArray(Entity[]::new);
	}

	private void readHttp(JsonParser p, JsonToken v, Entity e) {
		if (v != JsonToken.START_OBJECT) {
			p.skipChildren();
			return;
		}
		while (p.nextToken() == JsonToken.PROPERTY_NAME) {
			String part = p.currentName();
			JsonToken t = p.nextToken();
			if (t != JsonToken.START_OBJECT) {
				p.skipChildren();
				continue;
			}
			while (p.nextToken() == JsonToken.PROPERTY_NAME) {
				String field = p.currentName();
				JsonToken value = p.nextToken();
				if ("request".equals(part)) {
					switch (field) {
						case "method" -> e.httpMethod = canon(p, value);
						case "url" -> e.httpUrl = canon(p, value);
						case "user_agent" -> e.userAgent = canon(p, value);
						case "client_ip" -> e.clientIp = canon(p, value);
						default -> p.skipChildren();
					}
				}
				else if ("response".equals(part) && "status".equals(field)) {
					e.httpStatus = status(p, value);
				}
				else {
					p.skipChildren();
				}
			}
		}
	}

	private static int status(JsonParser p, JsonToken value) {
		if (value == JsonToken.VALUE_NUMBER_INT) {
			return clampStatus(p.getValueAsLong(0));
		}
		if (value == JsonToken.VALUE_STRING) {
			try {
				return clampStatus(Long.parseLong(p.getString().trim()));
			}
			catch (NumberFormatException ex) {
				return 0;
			}
		}
		p.skipChildren();
		return 0;
	}

	private static int clampStatus(long status) {
		return (status >= 100 && status <= 999) ? (int) status : 0;
	}

	private void readAws(JsonParser p, JsonToken v, Entity e) {
		if (v != JsonToken.START_OBJECT) {
			p.skipChildren();
			return;
		}
		while (p.nextToken() == JsonToken.PROPERTY_NAME) {
			String field = p.currentName();
			JsonToken value = p.nextToken();
			switch (field) {
				case "table_name" -> e.awsTable = canon(p, value);
				case "operation" -> e.awsOperation = canon(p, value);
				case "region" -> e.awsRegion = canon(p, value);
				case "account_id" -> e.awsAccountId = canon(p, value);
				case "table_names" -> {
					// batch operations name several tables: the first one stands for the
					// call
					if (value == JsonToken.START_ARRAY) {
						JsonToken t;
						while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
							String table = canon(p, t);
							if (e.awsTable == null && table != null) {
								e.awsTable = table;
							}
						}
					}
					else {
						p.skipChildren();
					}
				}
				default -> p.skipChildren();
			}
		}
	}

	/**
	 * The exceptions of {@code "cause": {"exceptions": [{"type", "message"}...]}}, for
	 * root causes; a cause given as an exception id (a reference to a child's) has none
	 * of its own.
	 */
	private Entity.Thrown[] readCause(JsonParser p, JsonToken v) {
		if (v != JsonToken.START_OBJECT) {
			p.skipChildren();
			return Entity.NO_EXCEPTIONS;
		}
		List<Entity.Thrown> thrown = new ArrayList<>(1);
		while (p.nextToken() == JsonToken.PROPERTY_NAME) {
			String field = p.currentName();
			JsonToken value = p.nextToken();
			if (!"exceptions".equals(field) || value != JsonToken.START_ARRAY) {
				p.skipChildren();
				continue;
			}
			JsonToken t;
			while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
				if (t != JsonToken.START_OBJECT) {
					p.skipChildren();
					continue;
				}
				String type = null;
				String message = null;
				while (p.nextToken() == JsonToken.PROPERTY_NAME) {
					String name = p.currentName();
					JsonToken item = p.nextToken();
					switch (name) {
						case "type" -> type = string(p, item);
						case "message" -> message = string(p, item);
						default -> p.skipChildren();
					}
				}
				if ((type != null || message != null) && thrown.size() < MAX_EXCEPTIONS) {
					thrown.add(new Entity.Thrown(canon(shorten(type)), shorten(message)));
				}
			}
		}
		return thrown.isEmpty() ? Entity.NO_EXCEPTIONS : thrown.toArray(Entity.Thrown[]::new);
	}

	private static String shorten(String text) {
		return (text != null && text.length() > MAX_MESSAGE_LENGTH) ? text.substring(0, MAX_MESSAGE_LENGTH) : text;
	}

	private Map<String, Object> readAnnotations(JsonParser p, JsonToken v) {
		if (v != JsonToken.START_OBJECT) {
			p.skipChildren();
			return null;
		}
		Map<String, Object> annotations = null;
		while (p.nextToken() == JsonToken.PROPERTY_NAME) {
			String key = p.currentName();
			JsonToken value = p.nextToken();
			Object parsed = switch (value) {
				case VALUE_STRING -> canon(p, value);
				case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getDoubleValue();
				case VALUE_TRUE -> Boolean.TRUE;
				case VALUE_FALSE -> Boolean.FALSE;
				default -> {
					p.skipChildren();
					yield null;
				}
			};
			if (parsed != null) {
				if (annotations == null) {
					annotations = new HashMap<>(4);
				}
				annotations.put(canon(key), parsed);
			}
		}
		return (annotations != null) ? Map.copyOf(annotations) : null;
	}

	private static String string(JsonParser p, JsonToken value) {
		if (value == JsonToken.VALUE_STRING) {
			return p.getString();
		}
		p.skipChildren();
		return null;
	}

	private static String checkTraceId(String traceId) throws Rejection {
		if (traceId == null) {
			throw new Rejection("missing_trace_id", "trace_id is missing");
		}
		if (!isTraceId(traceId)) {
			throw new Rejection("invalid_trace_id", "trace_id must look like 1-5f84c7a1-0123456789abcdef01234567");
		}
		return traceId.toLowerCase(java.util.Locale.ROOT);
	}

	/** {@code 1-} 8 hex digits {@code -} 24 hex digits. */
	public static boolean isTraceId(String id) {
		if (id.length() != 35 || id.charAt(0) != '1' || id.charAt(1) != '-' || id.charAt(10) != '-') {
			return false;
		}
		for (int i = 2; i < 35; i++) {
			if (i != 10 && Character.digit(id.charAt(i), 16) < 0) {
				return false;
			}
		}
		return true;
	}

	static long parseId(String id, String reason, String field) throws Rejection {
		if (id.length() != 16) {
			throw new Rejection(reason, field + " must be 16 hexadecimal digits");
		}
		long value = 0;
		for (int i = 0; i < 16; i++) {
			int digit = Character.digit(id.charAt(i), 16);
			if (digit < 0) {
				throw new Rejection(reason, field + " must be 16 hexadecimal digits");
			}
			value = (value << 4) | digit;
		}
		return value;
	}

	private static boolean isBlank(byte[] data, int offset, int length) {
		for (int i = offset; i < offset + length; i++) {
			byte b = data[i];
			if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
				return false;
			}
		}
		return true;
	}

	private String canon(String value) {
		return (value != null) ? this.canonical.get(value) : null;
	}

	/**
	 * A string value, shared with equal earlier ones; null (skipped) for another token.
	 */
	private String canon(JsonParser p, JsonToken value) {
		if (value != JsonToken.VALUE_STRING) {
			p.skipChildren();
			return null;
		}
		return this.canonical.get(p.getStringCharacters(), p.getStringOffset(), p.getStringLength());
	}

	private static boolean isHexId(char[] chars, int offset, int length) {
		if (length != 16) {
			return false;
		}
		for (int i = offset; i < offset + 16; i++) {
			if (Character.digit(chars[i], 16) < 0) {
				return false;
			}
		}
		return true;
	}

	private static long hexId(char[] chars, int offset) {
		long value = 0;
		for (int i = offset; i < offset + 16; i++) {
			value = (value << 4) | Character.digit(chars[i], 16);
		}
		return value;
	}

	private static final class Top {

		String traceId;

		String parentId;

		String type;

	}

}
