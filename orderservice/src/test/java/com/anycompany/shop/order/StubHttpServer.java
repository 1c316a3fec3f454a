package com.anycompany.shop.order;

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
 * per method and path, and a record of what was asked (with the trace header).
 */
final class StubHttpServer implements AutoCloseable {

	private final HttpServer server;

	private final ExecutorService executor = Executors.newCachedThreadPool();

	private final Map<String, Answer> answers = new ConcurrentHashMap<>();

	private final List<Received> received = new CopyOnWriteArrayList<>();

	StubHttpServer() {
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		this.server.createContext("/", this::handle);
		this.server.setExecutor(this.executor);
		this.server.start();
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/** Answers {@code method path} with a status and (unless null) a JSON body. */
	void answer(String method, String path, int status, String json) {
		answer(method, path, status, json, Duration.ZERO);
	}

	/** Like {@link #answer(String, String, int, String)}, after a delay. */
	void answer(String method, String path, int status, String json, Duration delay) {
		this.answers.put(method + " " + path, new Answer(status, json, delay));
	}

	List<Received> received() {
		return List.copyOf(this.received);
	}

	/** A loopback URL nobody listens on: connections are refused. */
	static String refusingUrl() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return "http://127.0.0.1:" + socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void handle(HttpExchange exchange) throws IOException {
		String key = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
		this.received.add(new Received(key, exchange.getRequestHeaders().getFirst("X-Amzn-Trace-Id")));
		Answer answer = this.answers.getOrDefault(key,
				new Answer(404,
						"{\"title\":\"Not Found\",\"status\":404,\"detail\":\"stub has no answer for " + key + "\"}",
						Duration.ZERO));
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

	/** A request the stub received: {@code "GET /path"} and its X-Amzn-Trace-Id. */
	record Received(String request, String traceHeader) {

	}

	private record Answer(int status, String json, Duration delay) {

	}

}
