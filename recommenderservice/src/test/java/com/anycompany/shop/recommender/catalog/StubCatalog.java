package com.anycompany.shop.recommender.catalog;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * A catalog service on a loopback port that speaks the catalog's contract over real HTTP
 * and remembers what it was asked (path and query, trace header).
 */
public final class StubCatalog implements AutoCloseable {

	public static final List<Product> PRODUCTS = List.of(product("P-0001", "Copper Kettle", "kitchen", "34.90"),
			product("P-0002", "Cast Iron Skillet", "kitchen", "49.00"),
			product("P-0003", "Bamboo Cutting Board", "kitchen", "24.50"),
			product("P-0004", "Ceramic Pour-Over Set", "kitchen", "39.00"),
			product("P-0005", "Chef's Knife", "kitchen", "89.00"), product("P-0006", "Linen Apron", "kitchen", "29.00"),
			product("P-0007", "Terracotta Planter", "garden", "19.90"),
			product("P-0008", "Watering Can", "garden", "27.50"));

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** What was asked, in order. */
	public record Call(String pathAndQuery, String traceHeader) {
	}

	private final HttpServer server;

	private final List<Call> calls = new CopyOnWriteArrayList<>();

	public StubCatalog() {
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/api/v1/", this::handle);
		this.server.start();
	}

	public String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	public List<Call> calls() {
		return List.copyOf(this.calls);
	}

	public void clear() {
		this.calls.clear();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	private void handle(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		String query = exchange.getRequestURI().getQuery();
		this.calls.add(new Call(path + ((query != null) ? "?" + query : ""),
				exchange.getRequestHeaders().getFirst("X-Amzn-Trace-Id")));
		if (path.equals("/api/v1/products")) {
			String category = (query != null && query.startsWith("category=")) ? query.substring(9) : null;
			respond(exchange, 200,
					JSON.writeValueAsString(PRODUCTS.stream()
						.filter((p) -> category == null || Objects.equals(category, p.category()))
						.toList()));
			return;
		}
		if (path.startsWith("/api/v1/product/")) {
			String id = path.substring("/api/v1/product/".length());
			if (id.equals("P-0500")) {
				respond(exchange, 500, "{\"status\":500}");
				return;
			}
			PRODUCTS.stream()
				.filter((p) -> p.id().equals(id))
				.findFirst()
				.ifPresentOrElse((p) -> respond(exchange, 200, JSON.writeValueAsString(p)),
						() -> respond(exchange, 404, JSON.writeValueAsString(
								Map.of("title", "Not Found", "status", 404, "detail", "No product " + id))));
			return;
		}
		respond(exchange, 404, "{}");
	}

	private static void respond(HttpExchange exchange, int status, String body) {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		try (exchange; OutputStream out = exchange.getResponseBody()) {
			exchange.getResponseHeaders()
				.set("Content-Type", (status < 400) ? "application/json" : "application/problem+json");
			exchange.sendResponseHeaders(status, bytes.length);
			out.write(bytes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Product product(String id, String name, String category, String price) {
		return new Product(id, name, name + ", for tests", category, new BigDecimal(price), "USD",
				"product-" + id.toLowerCase(java.util.Locale.ROOT), List.of(category));
	}

}
