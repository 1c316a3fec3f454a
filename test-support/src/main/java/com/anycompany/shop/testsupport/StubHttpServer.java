package com.anycompany.shop.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on a loopback port standing in for another service: canned answers
 * per method and path (or path and query), and a record of what was asked, with the
 * {@code X-Amzn-Trace-Id} header.
 * <p>
 * A request without a canned answer gets a 404 problem. Close the server when done
 * ({@code @AfterAll}/{@code @AfterEach}, or try-with-resources).
 */
public final class StubHttpServer implements AutoCloseable {

	private final HttpServer server;

	private final ExecutorService executor = Executors.newCachedThreadPool();

	private final Map<String, Answer> answers = new ConcurrentHashMap<>();

	private final List<Received> received = new CopyOnWriteArrayList<>();

	public StubHttpServer() {
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot open a loopback HTTP port", ex);
		}
		this.server.createContext("/", this::handle);
		this.server.setExecutor(this.executor);
		this.server.start();
	}

	/** The server's base URL, {@code http://127.0.0.1:<port>}. */
	public String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/**
	 * Answers {@code method path} with a status and (unless null) a JSON body. A path
	 * with a query ({@code /products?category=garden}) answers only that query; one
	 * without answers any query no other answer matches.
	 */
	public void answer(String method, String path, int status, String json) {
		answer(method, path, status, json, Duration.ZERO);
	}

	/** Like {@link #answer(String, String, int, String)}, after a delay. */
	public void answer(String method, String path, int status, String json, Duration delay) {
		this.answers.put(method + " " + path, new Answer(status, json, delay));
	}

	/** What was asked so far, in arrival order. */
	public List<Received> received() {
		return List.copyOf(this.received);
	}

	/** Forgets what was asked (the answers stay). */
	public void clear() {
		this.received.clear();
	}

	/** A loopback URL nobody listens on: connections are refused. */
	public static String refusingUrl() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return "http://127.0.0.1:" + socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void handle(HttpExchange exchange) throws IOException {
		String method = exchange.getRequestMethod();
		String path = exchange.getRequestURI().getPath();
		String query = exchange.getRequestURI().getRawQuery();
		Received request = new Received(method, path, query, exchange.getRequestHeaders().getFirst("X-Amzn-Trace-Id"));
		this.received.add(request);
		Answer answer = this.answers.get(method + " " + request.pathAndQuery());
		if (answer == null) {
			answer = this.answers.getOrDefault(request.request(),
					new Answer(404, "{\"title\":\"Not Found\",\"status\":404,\"detail\":\"stub has no answer for "
							+ request.request() + "\"}", Duration.ZERO));
		}
		try {
			Thread.sleep(answer.delay().toMillis());
			if (answer.json() == null) {
				exchange.sendResponseHeaders(answer.status(), -1);
				return;
			}
			byte[] body = answer.json().getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders()
				.set("Content-Type", (answer.status() < 400) ? "application/json" : "application/problem+json");
			exchange.sendResponseHeaders(answer.status(), body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (IOException clientGaveUp) {
			// the caller timed out and closed the connection
		}
		finally {
			exchange.close();
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	/**
	 * A request the stub received.
	 *
	 * @param method the HTTP method
	 * @param path the path, without the query
	 * @param query the raw query, or null
	 * @param traceHeader its {@code X-Amzn-Trace-Id} header, or null
	 */
	public record Received(String method, String path, String query, String traceHeader) {

		/** {@code "GET /path"}, without the query. */
		public String request() {
			return this.method + " " + this.path;
		}

		/** {@code "/path?query"}, or the path alone when there was no query. */
		public String pathAndQuery() {
			return (this.query != null) ? this.path + "?" + this.query : this.path;
		}

	}

	private record Answer(int status, String json, Duration delay) {

	}

}
