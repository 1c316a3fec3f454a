package com.anycompany.shop.xraylocal.otlp;

import java.util.HexFormat;

import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.Span;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static com.anycompany.shop.xraylocal.otlp.SpanAttributes.NODES;

/**
 * A document's {@code links} (the collector's {@code span_links.go}): each span link as
 * {@code {"trace_id", "id", "attributes"}}, the trace id in X-Ray's form, so a batch job
 * that links the requests it serves (or a consumer its producer) can be followed across
 * traces. A link with a malformed id is left out rather than refusing the span.
 */
final class SpanLinks {

	private static final HexFormat HEX = HexFormat.of();

	private SpanLinks() {
	}

	/** The links, or null when the span has none worth keeping. */
	static ArrayNode of(Span span) {
		ArrayNode links = NODES.arrayNode();
		for (Span.Link link : span.getLinksList()) {
			if (link.getTraceId().size() != 16 || link.getSpanId().size() != 8) {
				continue;
			}
			ObjectNode entry = links.addObject();
			entry.put("trace_id", SpanTranslator.xrayTraceId(link.getTraceId()));
			entry.put("id", HEX.formatHex(link.getSpanId().toByteArray()));
			if (link.getAttributesCount() > 0) {
				ObjectNode attributes = entry.putObject("attributes");
				for (KeyValue kv : link.getAttributesList()) {
					attributes.set(kv.getKey(), SpanAttributes.json(kv.getValue()));
				}
			}
		}
		return links.isEmpty() ? null : links;
	}

}
