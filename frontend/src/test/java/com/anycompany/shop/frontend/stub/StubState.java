package com.anycompany.shop.frontend.stub;

import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.anycompany.shop.constraints.Quantity;

/**
 * The contracts' answers, with carts and orders kept in memory.
 */
final class StubState {

	record Reply(int status, Map<String, String> headers, byte[] body) {
	}

	private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

	private final Map<String, Map<String, Integer>> carts = new ConcurrentHashMap<>();

	private final Map<String, String> orders = new ConcurrentHashMap<>();

	private volatile Map<String, Integer> seed = Map.of();

	void seed(Map<String, Integer> lines) {
		this.seed = new LinkedHashMap<>(lines);
	}

	void reset() {
		this.carts.clear();
		this.orders.clear();
		this.seed = Map.of();
	}

	Reply answer(String method, String path, String query, String body, String ifNoneMatch) {
		String[] parts = path.substring("/api/v1/".length()).split("/");
		String what = method + " " + parts[0];
		return switch (what) {
			case "GET products" -> json(200, StubCatalog.productsJson(param(query, "category")));
			case "GET categories" -> json(200, StubCatalog.categoriesJson());
			case "GET product" -> StubCatalog.find(parts[1])
				.map((item) -> json(200, item.json()))
				.orElse(problem(404, "No product " + parts[1]));
			case "GET recommender" -> StubCatalog.find(parts[1]).isPresent()
					? json(200, StubCatalog.recommendationsJson(parts[1])) : problem(404, "No product");
			case "GET cart" -> json(200, cartJson(parts[1]));
			case "POST cart" -> addToCart(body);
			case "DELETE cart" -> removeFromCart(parts);
			case "POST order" -> placeOrder(body);
			case "GET order" ->
				this.orders.containsKey(parts[1]) ? json(200, this.orders.get(parts[1])) : problem(404, "No order");
			case "GET image" -> image(parts[1], param(query, "width"), ifNoneMatch);
			default -> problem(404, "No such endpoint");
		};
	}

	private Map<String, Integer> cart(String cartId) {
		return this.carts.computeIfAbsent(cartId, (id) -> new LinkedHashMap<>(this.seed));
	}

	private synchronized String cartJson(String cartId) {
		List<String> items = new ArrayList<>();
		cart(cartId).forEach((id, qty) -> items.add("{\"productId\":\"" + id + "\",\"quantity\":" + qty + "}"));
		return "{\"cartId\":\"" + cartId + "\",\"items\":[" + String.join(",", items) + "]}";
	}

	private synchronized Reply addToCart(String body) {
		String cartId = text(body, "cartId");
		String productId = text(body, "productId");
		int quantity = Integer.parseInt(number(body, "quantity"));
		if (StubCatalog.find(productId).isEmpty()) {
			return problem(404, "No product " + productId);
		}
		int line = cart(cartId).getOrDefault(productId, 0) + quantity;
		if (quantity < 1 || line > Quantity.MAX) {
			return problem(400, "A line holds at most " + Quantity.MAX);
		}
		cart(cartId).put(productId, line);
		return json(200, cartJson(cartId));
	}

	private synchronized Reply removeFromCart(String[] parts) {
		if (parts.length == 4) {
			cart(parts[1]).remove(parts[3]);
			return json(200, cartJson(parts[1]));
		}
		this.carts.put(parts[1], new LinkedHashMap<>());
		return new Reply(204, Map.of(), new byte[0]);
	}

	private synchronized Reply placeOrder(String body) {
		String key = text(body, "idempotencyKey");
		String orderId = "O-" + sha256(key).substring(0, 16);
		if (this.orders.containsKey(orderId)) {
			return json(200, this.orders.get(orderId));
		}
		String cartId = text(body, "cartId");
		Map<String, Integer> cart = cart(cartId);
		if (cart.isEmpty()) {
			return problem(409, "The cart is empty");
		}
		List<String> lines = new ArrayList<>();
		BigDecimal total = BigDecimal.ZERO;
		for (Map.Entry<String, Integer> entry : cart.entrySet()) {
			StubCatalog.Item item = StubCatalog.find(entry.getKey()).orElseThrow();
			BigDecimal lineTotal = new BigDecimal(item.price()).multiply(BigDecimal.valueOf(entry.getValue()));
			total = total.add(lineTotal);
			lines.add("{\"productId\":\"" + item.id() + "\",\"name\":\"" + item.name().replace("\"", "\\\"")
					+ "\",\"unitPrice\":" + item.price() + ",\"quantity\":" + entry.getValue() + ",\"lineTotal\":"
					+ lineTotal + "}");
		}
		String order = "{\"orderId\":\"" + orderId + "\",\"idempotencyKey\":\"" + key + "\",\"cartId\":\"" + cartId
				+ "\",\"customer\":{\"name\":\"" + text(body, "name") + "\",\"email\":\"" + text(body, "email")
				+ "\"},\"shipping\":{\"street\":\"" + text(body, "street") + "\",\"city\":\"" + text(body, "city")
				+ "\",\"postalCode\":\"" + text(body, "postalCode") + "\",\"country\":\"" + text(body, "country")
				+ "\"},\"lines\":[" + String.join(",", lines) + "],\"total\":" + total
				+ ",\"currency\":\"USD\",\"status\":\"PLACED\",\"createdAt\":\"2026-11-25T10:00:00Z\"}";
		this.orders.put(orderId, order);
		this.carts.put(cartId, new LinkedHashMap<>());
		return json(201, order);
	}

	private static Reply image(String name, String width, String ifNoneMatch) {
		int w = (width != null) ? Integer.parseInt(width) : 800;
		String etag = "\"" + name + "-" + w + "\"";
		Map<String, String> headers = Map.of("Cache-Control", "public, max-age=86400", "ETag", etag);
		if (etag.equals(ifNoneMatch)) {
			return new Reply(304, headers, new byte[0]);
		}
		return StubImages.png(name, w).map((png) -> {
			Map<String, String> all = new LinkedHashMap<>(headers);
			all.put("Content-Type", "image/png");
			return new Reply(200, all, png);
		}).orElse(problem(404, "No image " + name));
	}

	static Reply problem(int status, String detail) {
		String body = "{\"type\":\"about:blank\",\"title\":\"Stub\",\"status\":" + status + ",\"detail\":\"" + detail
				+ "\"}";
		return new Reply(status, Map.of("Content-Type", "application/problem+json"),
				body.getBytes(StandardCharsets.UTF_8));
	}

	private static Reply json(int status, String body) {
		return new Reply(status, JSON, body.getBytes(StandardCharsets.UTF_8));
	}

	private static String param(String query, String name) {
		if (query == null) {
			return null;
		}
		Matcher m = Pattern.compile("(?:^|&)" + name + "=([^&]*)").matcher(query);
		return m.find() ? URLDecoder.decode(m.group(1), StandardCharsets.UTF_8) : null;
	}

	private static String text(String json, String field) {
		Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json);
		return m.find() ? m.group(1) : "";
	}

	private static String number(String json, String field) {
		Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*(-?\\d+)").matcher(json);
		return m.find() ? m.group(1) : "0";
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
