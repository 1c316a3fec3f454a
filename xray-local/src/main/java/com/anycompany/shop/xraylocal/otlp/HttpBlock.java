package com.anycompany.shop.xraylocal.otlp;

import java.util.Map;

import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import io.opentelemetry.proto.trace.v1.Status.StatusCode;
import tools.jackson.databind.node.ObjectNode;

import static com.anycompany.shop.xraylocal.otlp.SpanAttributes.NODES;
import static com.anycompany.shop.xraylocal.otlp.SpanAttributes.first;
import static com.anycompany.shop.xraylocal.otlp.SpanAttributes.number;
import static com.anycompany.shop.xraylocal.otlp.SpanAttributes.string;

/**
 * A document's {@code http} block and its error, throttle and fault flags (the
 * collector's {@code http.go}): {@code http.*}, {@code url.*}, {@code server.*},
 * {@code client.*}, {@code user_agent.*}, old and new semantic conventions.
 */
final class HttpBlock {

	private HttpBlock() {
	}

	/** The {@code http} block, or null when the span has nothing of HTTP. */
	static ObjectNode of(Span span, Map<String, AnyValue> attributes) {
		ObjectNode request = NODES.objectNode();
		String method = first(attributes, "http.request.method", "http.method");
		if (method != null) {
			request.put("method", method);
		}
		String url = url(attributes);
		if (url != null) {
			request.put("url", url);
		}
		String userAgent = first(attributes, "user_agent.original", "http.user_agent");
		if (userAgent != null) {
			request.put("user_agent", userAgent);
		}
		String clientIp = first(attributes, "client.address", "http.client_ip");
		if (clientIp == null && span.getKind() == SpanKind.SPAN_KIND_SERVER) {
			clientIp = first(attributes, "network.peer.address", "net.sock.peer.addr");
		}
		if (clientIp != null) {
			request.put("client_ip", clientIp);
		}
		ObjectNode response = NODES.objectNode();
		Long status = number(attributes, "http.response.status_code", "http.status_code");
		if (status != null) {
			response.put("status", status);
		}
		Long length = number(attributes, "http.response.body.size", "http.response_content_length",
				"http.response_content_length_uncompressed");
		if (length != null) {
			response.put("content_length", length);
		}
		if (request.isEmpty() && response.isEmpty()) {
			return null;
		}
		ObjectNode http = NODES.objectNode();
		if (!request.isEmpty()) {
			http.set("request", request);
		}
		if (!response.isEmpty()) {
			http.set("response", response);
		}
		return http;
	}

	/**
	 * The full URL, as given or put together from its parts (scheme, host, port, path).
	 */
	private static String url(Map<String, AnyValue> attributes) {
		String full = first(attributes, "url.full", "http.url");
		if (full != null) {
			return full;
		}
		String path = string(attributes, "url.path");
		if (path != null) {
			String query = string(attributes, "url.query");
			path = (query != null && !query.isEmpty()) ? path + "?" + query : path;
		}
		else {
			path = string(attributes, "http.target");
		}
		String host = first(attributes, "server.address", "http.host", "net.host.name");
		if (path == null && host == null) {
			return null;
		}
		String scheme = first(attributes, "url.scheme", "http.scheme");
		scheme = (scheme != null) ? scheme : "http";
		StringBuilder url = new StringBuilder();
		if (host != null) {
			url.append(scheme).append("://").append(host);
			Long port = number(attributes, "server.port", "net.host.port");
			if (port != null && !(port == 80 && scheme.equals("http")) && !(port == 443 && scheme.equals("https"))
					&& !host.contains(":")) {
				url.append(':').append(port);
			}
		}
		url.append((path != null) ? path : "/");
		return url.toString();
	}

	/**
	 * The X-Ray SDK's rules: 4xx error, 429 also throttle, 5xx fault; else ERROR faults.
	 */
	static void status(ObjectNode doc, Span span, Map<String, AnyValue> attributes) {
		Long code = number(attributes, "http.response.status_code", "http.status_code");
		boolean error = false;
		boolean throttle = false;
		boolean fault = false;
		if (code != null && code >= 400 && code <= 499) {
			error = true;
			throttle = code == 429;
		}
		else if (code != null && code >= 500 && code <= 599) {
			fault = true;
		}
		else if (span.getStatus().getCode() == StatusCode.STATUS_CODE_ERROR) {
			fault = true;
		}
		if (error) {
			doc.put("error", true);
		}
		if (throttle) {
			doc.put("throttle", true);
		}
		if (fault) {
			doc.put("fault", true);
		}
	}

}
