package com.anycompany.shop.loadgen;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A storefront as small as the load generator needs: the real one's paths and forms
 * (hidden CSRF token bound to the session cookie, hidden idempotency key on checkout,
 * post-redirect-get), counting what it was asked and rejecting what a browser would not
 * send.
 */
final class StubStorefront implements AutoCloseable {

	static {
		// answer without waiting for the client's delayed ACK (40 ms per response
		// otherwise)
		System.setProperty("sun.net.httpserver.nodelay", "true");
	}

	private final HttpServer server;

	private final Map<String, Session> sessions = new ConcurrentHashMap<>();

	private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

	private final Map<String, Integer> failures = new ConcurrentHashMap<>();

	StubStorefront() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
		this.server.setExecutor(Executors.newFixedThreadPool(8));
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	URI url() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort());
	}

	/** Answers every request to this route (e.g. {@code GET /cart}) with this status. */
	void fail(String route, int status) {
		this.failures.put(route, status);
	}

	/** How often a route was asked, e.g. {@code POST /cart}, {@code GET /order}. */
	long count(String route) {
		AtomicLong count = this.counts.get(route);
		return (count != null) ? count.get() : 0;
	}

	long total() {
		return this.counts.values().stream().mapToLong(AtomicLong::get).sum();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String path = exchange.getRequestURI().getPath();
			String method = exchange.getRequestMethod();
			String route = method + " " + route(path, exchange.getRequestURI().getQuery());
			this.counts.computeIfAbsent(route, (key) -> new AtomicLong()).incrementAndGet();
			Integer failure = this.failures.get(route);
			if (failure != null) {
				send(exchange, failure, "<html><body>failed</body></html>");
				return;
			}
			if (method.equals("HEAD")) {
				exchange.sendResponseHeaders(200, -1);
				return;
			}
			Session session = session(exchange);
			if (method.equals("POST")) {
				Map<String, String> form = form(exchange.getRequestBody());
				if (!session.csrf.equals(form.get("_csrf"))) {
					this.counts.computeIfAbsent("rejected", (key) -> new AtomicLong()).incrementAndGet();
					send(exchange, 403, "<html><body>CSRF token missing or wrong</body></html>");
					return;
				}
				post(exchange, path, form, session);
				return;
			}
			get(exchange, path, session);
		}
	}

	private static String route(String path, String query) {
		if (path.startsWith("/product/P-9")) {
			return "/product/unknown";
		}
		if (path.startsWith("/product/")) {
			return "/product";
		}
		if (path.startsWith("/images/")) {
			return "/images";
		}
		if (path.startsWith("/order/")) {
			return "/order";
		}
		if (path.equals("/cart") && query != null && query.contains("added")) {
			return "/cart?added";
		}
		return path;
	}

	private void get(HttpExchange exchange, String path, Session session) throws IOException {
		if (path.equals("/")) {
			send(exchange, 200, page("<a href=\"/product/P-0001\">Kettle</a> <a href=\"/product/P-0002\">Skillet</a>"
					+ "<img src=\"/images/banner-home?width=1200&amp;x=1\">"));
		}
		else if (path.startsWith("/images/")) {
			if ("\"v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
				exchange.getResponseHeaders().add("ETag", "\"v1\"");
				exchange.sendResponseHeaders(304, -1);
				return;
			}
			exchange.getResponseHeaders().add("ETag", "\"v1\"");
			send(exchange, 200, "PNG");
		}
		else if (path.startsWith("/product/P-9")) {
			send(exchange, 404, page("<h1>Not found</h1>"));
		}
		else if (path.startsWith("/product/")) {
			String id = path.substring("/product/".length());
			send(exchange, 200, page("<img class=\"hero\" src=\"/images/product-" + id.toLowerCase()
					+ "?width=800\" alt=\"\">" + "<form class=\"add-to-cart\" method=\"post\" action=\"/cart\" "
					+ "data-test=\"add-to-cart-form\" novalidate><input type=\"hidden\" name=\"productId\" value=\""
					+ id
					+ "\"><input class=\"form-control\" id=\"quantity\" name=\"quantity\" type=\"number\" min=\"1\" value=\"\">"
					+ "<button type=\"submit\">Add to cart</button>" + csrf(session) + "</form>"));
		}
		else if (path.equals("/cart")) {
			send(exchange, 200, page("<h1>Your cart</h1><p>" + session.items + " items</p>"));
		}
		else if (path.equals("/cart/checkout")) {
			if (session.items == 0) {
				redirect(exchange, "/cart");
				return;
			}
			send(exchange, 200,
					page("<form method=\"post\" action=\"/cart/order\" data-test=\"checkout-form\" novalidate>"
							+ "<input type=\"hidden\" name=\"idempotencyKey\" value=\"" + UUID.randomUUID() + "\">"
							+ "<input class=\"form-control\" type=\"text\" id=\"name\" name=\"name\" value=\"\">"
							+ "<input class=\"form-control\" type=\"email\" id=\"email\" name=\"email\" value=\"\">"
							+ "<input type=\"text\" id=\"street\" name=\"street\" value=\"\">"
							+ "<input type=\"text\" id=\"city\" name=\"city\" value=\"\">"
							+ "<input type=\"text\" id=\"postalCode\" name=\"postalCode\" value=\"\">"
							+ "<input type=\"text\" id=\"country\" name=\"country\" value=\"\">" + csrf(session)
							+ "<button type=\"submit\">Place order</button></form>"));
		}
		else if (path.startsWith("/order/")) {
			send(exchange, 200,
					page("<code class=\"order-id\" data-test=\"order-id\">" + path.substring(7) + "</code>"));
		}
		else {
			send(exchange, 404, page("nothing here"));
		}
	}

	private void post(HttpExchange exchange, String path, Map<String, String> form, Session session)
			throws IOException {
		if (path.equals("/cart")) {
			int quantity = Integer.parseInt(form.getOrDefault("quantity", "0"));
			if (form.get("productId") == null || quantity < 1 || quantity > 99) {
				send(exchange, 400, page("bad quantity"));
				return;
			}
			session.items += quantity;
			redirect(exchange, "/cart?added=" + form.get("productId"));
		}
		else if (path.equals("/cart/order")) {
			for (String field : new String[] { "idempotencyKey", "name", "email", "street", "city", "postalCode",
					"country" }) {
				if (form.getOrDefault(field, "").isBlank() || session.items == 0) {
					send(exchange, 400, page("missing " + field));
					return;
				}
			}
			session.items = 0;
			redirect(exchange, "/order/O-" + form.get("idempotencyKey").replace("-", "").substring(0, 16));
		}
		else {
			send(exchange, 404, page("nothing here"));
		}
	}

	private Session session(HttpExchange exchange) {
		String cookie = exchange.getRequestHeaders().getFirst("Cookie");
		if (cookie != null && cookie.startsWith("SESSION=")) {
			Session known = this.sessions.get(cookie.substring("SESSION=".length()));
			if (known != null) {
				return known;
			}
		}
		String id = UUID.randomUUID().toString();
		Session session = new Session();
		this.sessions.put(id, session);
		exchange.getResponseHeaders().add("Set-Cookie", "SESSION=" + id + "; Path=/; HttpOnly");
		return session;
	}

	int sessions() {
		return this.sessions.size();
	}

	private static String csrf(Session session) {
		return "<input type=\"hidden\" name=\"_csrf\" value=\"" + session.csrf + "\"/>";
	}

	private static String page(String body) {
		return "<!DOCTYPE html><html><head><title>Stub shop</title></head><body>" + body + "</body></html>";
	}

	private static void redirect(HttpExchange exchange, String location) throws IOException {
		exchange.getResponseHeaders().add("Location", location);
		exchange.sendResponseHeaders(302, -1);
	}

	private static void send(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "text/html;charset=UTF-8");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
	}

	private static Map<String, String> form(InputStream body) throws IOException {
		Map<String, String> form = new HashMap<>();
		String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
		for (String pair : text.split("&")) {
			int equals = pair.indexOf('=');
			if (equals > 0) {
				form.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
						URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
			}
		}
		return form;
	}

	@Override
	public void close() {
		this.server.stop(0);
		((java.util.concurrent.ExecutorService) this.server.getExecutor()).shutdownNow();
	}

	private static final class Session {

		private final String csrf = UUID.randomUUID().toString();

		private volatile int items;

	}

}
