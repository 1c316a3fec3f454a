package com.anycompany.shop.xraylocal.otlp;

import java.util.HexFormat;
import java.util.Map;

import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import io.opentelemetry.proto.trace.v1.Status.StatusCode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static com.anycompany.shop.xraylocal.otlp.SpanAttributes.NODES;
import static com.anycompany.shop.xraylocal.otlp.SpanAttributes.orEmpty;
import static com.anycompany.shop.xraylocal.otlp.SpanAttributes.string;

/**
 * A document's {@code cause} (the collector's {@code cause.go}): the span's
 * {@code exception} events with their Java stack frames, else the ERROR status's message.
 */
final class CauseBlock {

	private static final HexFormat HEX = HexFormat.of();

	private static final int MAX_STACK_FRAMES = 50;

	private CauseBlock() {
	}

	/** The cause, or null when the span recorded no exception and no error message. */
	static ObjectNode of(Span span) {
		boolean remote = span.getKind() == SpanKind.SPAN_KIND_CLIENT || span.getKind() == SpanKind.SPAN_KIND_PRODUCER;
		ArrayNode exceptions = NODES.arrayNode();
		for (Span.Event event : span.getEventsList()) {
			if (!event.getName().equals("exception")) {
				continue;
			}
			Map<String, AnyValue> attributes = SpanAttributes.of(event.getAttributesList());
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

}
