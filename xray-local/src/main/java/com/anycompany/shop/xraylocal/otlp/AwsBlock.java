package com.anycompany.shop.xraylocal.otlp;

import java.util.List;
import java.util.Map;

import io.opentelemetry.proto.common.v1.AnyValue;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static com.anycompany.shop.xraylocal.otlp.SpanAttributes.NODES;
import static com.anycompany.shop.xraylocal.otlp.SpanAttributes.first;
import static com.anycompany.shop.xraylocal.otlp.SpanAttributes.string;
import static com.anycompany.shop.xraylocal.otlp.SpanAttributes.strings;

/**
 * A document's {@code aws} block (the collector's {@code aws.go}): operation, table,
 * request id and region of an AWS SDK span, so a DynamoDB table becomes an inferred node
 * as with the X-Ray SDK; and {@code aws.xray}, which SDK wrote the span.
 */
final class AwsBlock {

	private AwsBlock() {
	}

	/** An AWS SDK span ({@code rpc.system=aws-api}). */
	static boolean isAwsSdk(Map<String, AnyValue> attributes) {
		return "aws-api".equals(string(attributes, "rpc.system"));
	}

	/** Operation and resource of an AWS SDK span, the DynamoDB table above all. */
	static ObjectNode of(Map<String, AnyValue> attributes) {
		if (!isAwsSdk(attributes) && !attributes.containsKey("aws.service")) {
			return null;
		}
		ObjectNode aws = NODES.objectNode();
		String operation = first(attributes, "rpc.method", "aws.operation");
		if (operation != null) {
			aws.put("operation", operation);
		}
		List<String> tables = strings(attributes.get("aws.dynamodb.table_names"));
		String table = string(attributes, "aws.table_name");
		if (table != null) {
			aws.put("table_name", table);
		}
		else if (tables.size() == 1) {
			aws.put("table_name", tables.get(0));
		}
		else if (tables.size() > 1) {
			ArrayNode names = aws.putArray("table_names");
			tables.forEach(names::add);
		}
		String requestId = first(attributes, "aws.request_id", "aws.requestId");
		if (requestId != null) {
			aws.put("request_id", requestId);
		}
		String region = first(attributes, "aws.region", "cloud.region");
		if (region != null) {
			aws.put("region", region);
		}
		return aws;
	}

	/** Which SDK wrote it, as X-Ray shows for its own SDKs. */
	static ObjectNode sdk(Map<String, AnyValue> resource) {
		String name = string(resource, "telemetry.sdk.name");
		if (name == null) {
			return null;
		}
		ObjectNode xray = NODES.objectNode();
		String language = string(resource, "telemetry.sdk.language");
		xray.put("sdk", (language != null) ? name + " for " + language : name);
		String version = string(resource, "telemetry.sdk.version");
		if (version != null) {
			xray.put("sdk_version", version);
		}
		xray.put("auto_instrumentation",
				resource.containsKey("telemetry.distro.name") || resource.containsKey("telemetry.auto.version"));
		return xray;
	}

}
