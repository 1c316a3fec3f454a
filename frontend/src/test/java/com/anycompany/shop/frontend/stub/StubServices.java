package com.anycompany.shop.frontend.stub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The five services the storefront calls, stubbed per the contracts on one loopback JDK
 * HTTP server with in-memory state: catalog, carts, orders, recommendations and images.
 * Records every request (with its X-Amzn-Trace-Id) and can play any service as down.
 * <p>
 * Standalone, for looking at the shop without the real services:
 * {@code java -cp <test classpath> com.anycompany.shop.frontend.stub.StubServices 8181}.
 */
public final class StubServices implements AutoCloseable {

	/** A request as the stub received it. */
	public record Received(String service, String method, String path, String traceHeader, String body) {
	}

	private final HttpServer server;

	private final ExecutorService executor = Executors.newFixedThreadPool(8);

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private final Set<String> down = ConcurrentHashMap.newKeySet();

	final StubState state = new StubState();

	private StubServices(int port) {
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/", this::handle);
		this.server.setExecutor(this.executor);
		this.server.start();
	}

	public static StubServices start() {
		return new StubServices(0);
	}

	public static void main(String[] args) {
		StubServices stub = new StubServices((args.length > 0) ? Integer.parseInt(args[0]) : 8181);
		System.out.println("Stub services on " + stub.url());
	}

	public String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	public List<Received> received() {
		return List.copyOf(this.received);
	}

	public List<Received> received(String service) {
		return this.received.stream().filter((r) -> r.service().equals(service)).toList();
	}

	/** Plays a service as down: every call gets a 503 problem. */
	public void down(String service) {
		this.down.add(service);
	}

	/** A cart with these lines for every cart id the stub has not seen yet. */
	public void seedCarts(Map<String, Integer> lines) {
		this.state.seed(lines);
	}

	public void reset() {
		this.received.clear();
		this.down.clear();
		this.state.reset();
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			URI uri = exchange.getRequestURI();
			String path = uri.getPath();
			String service = service(path);
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			this.received.add(new Received(service, exchange.getRequestMethod(), path,
					exchange.getRequestHeaders().getFirst("X-Amzn-Trace-Id"), body));
			StubState.Reply reply = this.down.contains(service) ? StubState.problem(503, "Down for the test")
					: this.state.answer(exchange.getRequestMethod(), path, uri.getRawQuery(), body,
							exchange.getRequestHeaders().getFirst("If-None-Match"));
			reply.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
			if (reply.body().length == 0) {
				exchange.sendResponseHeaders(reply.status(), -1);
			}
			else {
				exchange.sendResponseHeaders(reply.status(), reply.body().length);
				exchange.getResponseBody().write(reply.body());
			}
		}
	}

	static String service(String path) {
		if (path.startsWith("/api/v1/cart")) {
			return "cartservice";
		}
		if (path.startsWith("/api/v1/order")) {
			return "orderservice";
		}
		if (path.startsWith("/api/v1/recommender")) {
			return "recommenderservice";
		}
		if (path.startsWith("/api/v1/image")) {
			return "imageservice";
		}
		return "catalogservice";
	}

}
