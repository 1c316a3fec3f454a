package com.anycompany.shop.tracing.otel;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.tracing.exporter.FinishedSpan;
import io.micrometer.tracing.exporter.SpanFilter;

/**
 * Puts a finished span's attributes in the names and types X-Ray reads, before export:
 * <ul>
 * <li>{@code http.response.status_code} and {@code server.port} as integers: Micrometer
 * observations carry every key value as a string, and X-Ray's OTLP translation (the
 * collector's {@code awsxray} exporter) reads the status only from an integer;</li>
 * <li>the DynamoDB table as {@code aws.dynamodb.table_names}, the semantic conventions'
 * name that makes the table a node of the map: the AWS SDK library instrumentation served
 * here (2.21, the release built on the OpenTelemetry SDK Boot 4.0 manages) writes
 * {@code aws.table.name} for single-table calls; 2.22 and the agent write the standard
 * name.</li>
 * </ul>
 */
class XRayAttributesSpanFilter implements SpanFilter {

	static final String STATUS = "http.response.status_code";

	static final String PORT = "server.port";

	static final String TABLE = "aws.table.name";

	static final String TABLE_NAMES = "aws.dynamodb.table_names";

	@Override
	public FinishedSpan map(FinishedSpan span) {
		Map<String, Object> tags = new HashMap<>(span.getTypedTags());
		boolean changed = toLong(tags, STATUS) | toLong(tags, PORT);
		if (tags.get(TABLE) instanceof String table && !tags.containsKey(TABLE_NAMES)) {
			tags.put(TABLE_NAMES, List.of(table));
			changed = true;
		}
		return changed ? span.setTypedTags(tags) : span;
	}

	private static boolean toLong(Map<String, Object> tags, String key) {
		if (tags.get(key) instanceof String text) {
			try {
				tags.put(key, Long.parseLong(text.strip()));
				return true;
			}
			catch (NumberFormatException ex) {
				// not a number (e.g. "UNKNOWN"): X-Ray would not read it either way
				tags.remove(key);
				return true;
			}
		}
		return false;
	}

}
