package com.anycompany.shop.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, byte for byte as written: for requests that HTTP clients
 * refuse to send (a NUL or a backslash in the path, 100 KB of headers, {@code TRACE}),
 * which are exactly what a server must answer well.
 */
public final class RawHttp {

	private RawHttp() {
	}

	/**
	 * Sends {@code request} (the whole request, CRLFs included; it should ask for
	 * {@code Connection: close}) and reads the answer until the server closes.
	 */
	public static Response exchange(String host, int port, byte[] request) throws IOException {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(host, port), 2000);
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			try {
				out.write(request);
				out.flush();
			}
			catch (SocketException reset) {
				// a server may answer and close before reading a large request to its
				// end: what it answered is still there to read
			}
			ByteArrayOutputStream answer = new ByteArrayOutputStream();
			InputStream in = socket.getInputStream();
			byte[] buffer = new byte[8192];
			try {
				for (int n; (n = in.read(buffer)) >= 0;) {
					answer.write(buffer, 0, n);
				}
			}
			catch (SocketException | SocketTimeoutException ex) {
				if (answer.size() == 0) {
					throw ex;
				}
			}
			return Response.parse(answer.toByteArray());
		}
	}

	/** A request with the given request line and headers, no body, closing after it. */
	public static byte[] request(String requestLine, String... headers) {
		StringBuilder text = new StringBuilder(requestLine).append("\r\n");
		for (String header : headers) {
			text.append(header).append("\r\n");
		}
		text.append("Connection: close\r\n\r\n");
		return text.toString().getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * An answer.
	 *
	 * @param status the status code
	 * @param headers header names in lower case, each with its values
	 * @param body the body, chunked encoding removed, as UTF-8
	 */
	public record Response(int status, Map<String, List<String>> headers, String body) {

		/** The first value of a header (any case), or null. */
		public String header(String name) {
			List<String> values = this.headers.get(name.toLowerCase(Locale.ROOT));
			return (values == null || values.isEmpty()) ? null : values.get(0);
		}

		static Response parse(byte[] bytes) {
			String text = new String(bytes, StandardCharsets.ISO_8859_1);
			int end = text.indexOf("\r\n\r\n");
			if (!text.startsWith("HTTP/1.1 ") || end < 0) {
				throw new IllegalStateException(
						"Not an HTTP/1.1 answer: " + text.substring(0, Math.min(200, text.length())));
			}
			String[] lines = text.substring(0, end).split("\r\n");
			int status = Integer.parseInt(lines[0].substring(9, 12));
			Map<String, List<String>> headers = new LinkedHashMap<>();
			for (int i = 1; i < lines.length; i++) {
				int colon = lines[i].indexOf(':');
				headers
					.computeIfAbsent(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
							(name) -> new ArrayList<>())
					.add(lines[i].substring(colon + 1).strip());
			}
			byte[] body = java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length);
			List<String> encoding = headers.getOrDefault("transfer-encoding", List.of());
			if (encoding.stream().anyMatch((value) -> value.equalsIgnoreCase("chunked"))) {
				body = unchunk(body);
			}
			return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
		}

		private static byte[] unchunk(byte[] chunked) {
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			int position = 0;
			while (position < chunked.length) {
				int lineEnd = indexOfCrlf(chunked, position);
				if (lineEnd < 0) {
					break;
				}
				String sizeText = new String(chunked, position, lineEnd - position, StandardCharsets.ISO_8859_1);
				int size = Integer.parseInt(sizeText.split(";")[0].strip(), 16);
				if (size == 0) {
					break;
				}
				body.write(chunked, lineEnd + 2, Math.min(size, chunked.length - lineEnd - 2));
				position = lineEnd + 2 + size + 2;
			}
			return body.toByteArray();
		}

		private static int indexOfCrlf(byte[] bytes, int from) {
			for (int i = from; i + 1 < bytes.length; i++) {
				if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
					return i;
				}
			}
			return -1;
		}

	}

}
