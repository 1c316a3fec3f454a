package com.anycompany.shop.e2e;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bad input of the matrix: values for text fields, path segments and query
 * parameters, JSON values of every wrong kind, and requests built byte for byte.
 */
final class BadInput {

	/** Over the services' request body limit (64 KB). */
	static final int HUGE = 70_000;

	/** Text a shopper or a client could send where an id, a name or a number belongs. */
	static final Map<String, String> TEXT = texts();

	/**
	 * JSON values of every kind where a field of another kind (or the same kind, badly
	 * shaped) belongs; each is the JSON text itself.
	 */
	static final Map<String, String> JSON_VALUES = jsonValues();

	/** Whole bodies that are not the JSON object an endpoint reads. */
	static final Map<String, String> JSON_BODIES = Map.of("malformed", "{\"cartId\":", "empty", "", "array", "[]",
			"string", "\"x\"", "null", "null", "number", "42", "not json", "cartId=c1&quantity=1", "NaN",
			"{\"quantity\":NaN}", "nested deep", "[".repeat(3000) + "]".repeat(3000));

	/** Content types a JSON endpoint does not read. */
	static final List<String> WRONG_CONTENT_TYPES = List.of("text/plain", "application/xml",
			"application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json; charset=bogus",
			"");

	/**
	 * Requests Tomcat itself rejects or answers, whatever the endpoint: name to request
	 * line and headers, and the status each must get.
	 */
	static final Map<String, Object[]> SERVER_LEVEL = serverLevel();

	private BadInput() {
	}

	private static Map<String, String> texts() {
		Map<String, String> texts = new LinkedHashMap<>();
		texts.put("markup", "<b>x</b>");
		texts.put("script", "<script>alert(1)</script>");
		texts.put("dot-dot", "../..");
		texts.put("NUL", "a\u0000b");
		texts.put("CRLF", "a\r\nX-Injected: 1");
		texts.put("emoji", "\uD83D\uDE00\uD83D\uDED2");
		texts.put("right-to-left override", "\u202Eabc");
		texts.put("65 chars", "a".repeat(65));
		texts.put("10 KB", "a".repeat(10_000));
		texts.put("empty", "");
		texts.put("blank", "   ");
		texts.put("fraction", "1.5");
		texts.put("negative", "-1");
		texts.put("huge number", "99999999999999999999");
		texts.put("boolean", "true");
		texts.put("percent", "%zz");
		texts.put("SQL", "'; DROP TABLE Orders; --");
		texts.put("unknown id", "P-9999");
		return texts;
	}

	private static Map<String, String> jsonValues() {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("fraction", "1.5");
		values.put("true", "true");
		values.put("whole number", "12");
		values.put("negative", "-1");
		values.put("huge number", "123456789012345678901234567890");
		values.put("exponent", "1e400");
		values.put("numeric string", "\"1\"");
		values.put("null", "null");
		values.put("object", "{\"a\":1}");
		values.put("array", "[1,2]");
		values.put("empty string", "\"\"");
		values.put("blank string", "\"   \"");
		values.put("markup", "\"<b>x</b>\"");
		values.put("dot-dot", "\"../..\"");
		values.put("NUL", "\"a\\u0000b\"");
		values.put("CRLF", "\"a\\r\\nX-Injected: 1\"");
		values.put("emoji", "\"\uD83D\uDE00\"");
		values.put("lone surrogate", "\"\\uD83D\"");
		values.put("65 chars", "\"" + "a".repeat(65) + "\"");
		values.put("10 KB", "\"" + "a".repeat(10_000) + "\"");
		values.put("unknown id", "\"P-9999\"");
		return values;
	}

	private static Map<String, Object[]> serverLevel() {
		Map<String, Object[]> requests = new LinkedHashMap<>();
		requests.put("encoded slash", new Object[] { "GET /a%2Fb HTTP/1.1", new String[0], 400 });
		requests.put("encoded NUL", new Object[] { "GET /a%00b HTTP/1.1", new String[0], 400 });
		requests.put("backslash", new Object[] { "GET /a\\b HTTP/1.1", new String[0], 400 });
		requests.put("dot-dot above the root", new Object[] { "GET /../../etc/passwd HTTP/1.1", new String[0], 400 });
		requests.put("9 KB URL", new Object[] { "GET /?q=" + "a".repeat(9000) + " HTTP/1.1", new String[0], 414 });
		requests.put("100 KB of headers",
				new Object[] { "GET / HTTP/1.1", new String[] { "X-Big: " + "a".repeat(100_000) }, 431 });
		requests.put("100 KB cookie",
				new Object[] { "GET / HTTP/1.1", new String[] { "Cookie: a=" + "b".repeat(100_000) }, 431 });
		requests.put("not HTTP", new Object[] { "HELLO", new String[0], 400 });
		requests.put("TRACE", new Object[] { "TRACE / HTTP/1.1", new String[0], 405 });
		requests.put("TRACE asking for JSON",
				new Object[] { "TRACE / HTTP/1.1", new String[] { "Accept: application/json" }, 405 });
		return requests;
	}

	/** Percent-encodes a path segment or parameter value (UTF-8, space as %20). */
	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	/**
	 * A whole HTTP/1.1 request, closing after it.
	 * @param contentType null for none
	 */
	static byte[] request(String method, String target, String contentType, byte[] body, String... headers) {
		List<String> lines = new ArrayList<>();
		lines.add(method + " " + target + " HTTP/1.1");
		lines.add("Host: 127.0.0.1");
		lines.addAll(List.of(headers));
		if (contentType != null) {
			lines.add("Content-Type: " + contentType);
		}
		if (body != null) {
			lines.add("Content-Length: " + body.length);
		}
		lines.add("Connection: close");
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		bytes.writeBytes((String.join("\r\n", lines) + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		if (body != null) {
			bytes.writeBytes(body);
		}
		return bytes.toByteArray();
	}

	/** A request whose body is sent in chunks, with no length given up front. */
	static byte[] chunked(String method, String target, String contentType, byte[] body, String... headers) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
		for (String header : headers) {
			head.append(header).append("\r\n");
		}
		head.append("Content-Type: ")
			.append(contentType)
			.append("\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n");
		bytes.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
		for (int offset = 0; offset < body.length; offset += 8192) {
			int length = Math.min(8192, body.length - offset);
			bytes.writeBytes((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
			bytes.write(body, offset, length);
			bytes.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
		}
		bytes.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
		return bytes.toByteArray();
	}

	static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
