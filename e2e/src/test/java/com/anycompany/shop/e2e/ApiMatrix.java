package com.anycompany.shop.e2e;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.anycompany.shop.e2e.Matrix.Format;

import static com.anycompany.shop.e2e.BadInput.encode;
import static com.anycompany.shop.e2e.BadInput.request;
import static com.anycompany.shop.e2e.BadInput.utf8;

/**
 * Every endpoint of the five API services (docs/api.md), fed bad input in every place it
 * takes input: path segments, query parameters, each field of a JSON body (nested ones
 * included), whole bodies, content types, sizes, methods; and what Tomcat answers by
 * itself on each port.
 */
final class ApiMatrix {

	private static final Format FORMAT = Format.PROBLEM_DETAILS;

	private final Matrix matrix;

	private final Map<String, Integer> ports;

	private final String imageName;

	private int keys;

	ApiMatrix(Matrix matrix, Map<String, Integer> ports, String imageName) {
		this.matrix = matrix;
		this.ports = ports;
		this.imageName = imageName;
	}

	void run() {
		pathSegments();
		queryParameters();
		jsonBodies("cartservice", "/api/v1/cart", this::cartBody);
		jsonBodies("orderservice", "/api/v1/order", this::orderBody);
		methods();
		serverLevel();
	}

	/** Each endpoint with an id in its path, the bad value in its place. */
	private void pathSegments() {
		Map<String, String> endpoints = new LinkedHashMap<>();
		endpoints.put("catalogservice", "GET /api/v1/product/{}");
		endpoints.put("cartservice", "GET /api/v1/cart/{}");
		endpoints.put("cartservice ", "DELETE /api/v1/cart/{}");
		endpoints.put("cartservice  ", "DELETE /api/v1/cart/{}/item/P-0001");
		endpoints.put("cartservice   ", "DELETE /api/v1/cart/matrix-cart/item/{}");
		endpoints.put("orderservice", "GET /api/v1/order/{}");
		endpoints.put("recommenderservice", "GET /api/v1/recommender/{}");
		endpoints.put("imageservice", "GET /api/v1/image/{}");
		endpoints.forEach((service, endpoint) -> {
			String[] parts = endpoint.split(" ", 2);
			for (Map.Entry<String, String> bad : BadInput.TEXT.entrySet()) {
				String target = parts[1].replace("{}", encode(bad.getValue()));
				send(service.strip(), parts[0] + " " + parts[1] + " with " + bad.getKey(),
						request(parts[0], target, null, null), 0);
			}
			String huge = parts[1].replace("{}", "a".repeat(BadInput.HUGE));
			send(service.strip(), parts[0] + " " + parts[1] + " with 70 KB", request(parts[0], huge, null, null), 414);
		});
	}

	private void queryParameters() {
		for (Map.Entry<String, String> bad : BadInput.TEXT.entrySet()) {
			send("catalogservice", "GET /api/v1/products?category= " + bad.getKey(),
					request("GET", "/api/v1/products?category=" + encode(bad.getValue()), null, null), 0);
			send("imageservice", "GET /api/v1/image/{name}?width= " + bad.getKey(),
					request("GET", "/api/v1/image/" + this.imageName + "?width=" + encode(bad.getValue()), null, null),
					0);
			send("catalogservice", "GET /api/v1/categories?x= " + bad.getKey(),
					request("GET", "/api/v1/categories?x=" + encode(bad.getValue()), null, null), 0);
		}
		send("catalogservice", "GET /api/v1/products?category=%zz",
				request("GET", "/api/v1/products?category=%zz", null, null), 400);
		send("imageservice", "GET /api/v1/images?width=%zz", request("GET", "/api/v1/images?width=%zz", null, null), 0);
		send("imageservice", "GET /api/v1/image/{name}?width=1&width=2",
				request("GET", "/api/v1/image/" + this.imageName + "?width=1&width=2", null, null), 0);
		for (String width : List.of("1.5", "true", "-1", "0", "1601", "99999999999")) {
			send("imageservice", "GET /api/v1/image/{name}?width=" + width + " is refused",
					request("GET", "/api/v1/image/" + this.imageName + "?width=" + width, null, null), 400);
		}
	}

	/**
	 * A JSON endpoint: each leaf field replaced by every bad JSON value, or left out;
	 * whole bodies that are not an object of the right shape; wrong content types; bodies
	 * over the limit, declared and chunked.
	 */
	private void jsonBodies(String service, String path, java.util.function.Supplier<Map<String, Object>> valid) {
		String endpoint = "POST " + path;
		for (String field : leaves(valid.get(), "")) {
			for (Map.Entry<String, String> bad : BadInput.JSON_VALUES.entrySet()) {
				Map<String, Object> body = valid.get();
				put(body, field, bad.getValue());
				send(service, endpoint + " " + field + "=" + bad.getKey(), json(path, render(body)), 0);
			}
			Map<String, Object> missing = valid.get();
			remove(missing, field);
			send(service, endpoint + " without " + field, json(path, render(missing)), 400);
			Map<String, Object> huge = valid.get();
			put(huge, field, "\"" + "a".repeat(BadInput.HUGE) + "\"");
			send(service, endpoint + " " + field + "=70 KB", json(path, render(huge)), 413);
		}
		Map<String, Object> fraction = valid.get();
		if (fraction.containsKey("quantity")) {
			fraction.put("quantity", "1.5");
			send(service, endpoint + " quantity=1.5 is refused, not rounded", json(path, render(fraction)), 400);
		}
		Map<String, Object> unknownField = valid.get();
		unknownField.put("unknownField", "\"ignored\"");
		send(service, endpoint + " with an unknown field", json(path, render(unknownField)), 0);
		BadInput.JSON_BODIES.forEach((name, body) -> send(service, endpoint + " body " + name, json(path, body), 400));
		for (String type : BadInput.WRONG_CONTENT_TYPES) {
			send(service, endpoint + " as '" + type + "'",
					request("POST", path, type.isEmpty() ? null : type, utf8(render(valid.get()))), 0);
		}
		byte[] large = utf8("{\"a\":\"" + "a".repeat(200_000) + "\"}");
		send(service, endpoint + " 200 KB declared", request("POST", path, "application/json", large), 413);
		send(service, endpoint + " 200 KB chunked", BadInput.chunked("POST", path, "application/json", large), 413);
	}

	private Map<String, Object> cartBody() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("cartId", "\"matrix-cart\"");
		body.put("productId", "\"P-0001\"");
		body.put("quantity", "1");
		return body;
	}

	/** An order for an empty cart: valid, and never stored. */
	private Map<String, Object> orderBody() {
		Map<String, Object> customer = new LinkedHashMap<>();
		customer.put("name", "\"Ana Silva\"");
		customer.put("email", "\"ana@example.test\"");
		Map<String, Object> shipping = new LinkedHashMap<>();
		shipping.put("street", "\"1 Main St\"");
		shipping.put("city", "\"Springfield\"");
		shipping.put("postalCode", "\"12345\"");
		shipping.put("country", "\"US\"");
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("idempotencyKey", "\"matrix-" + (++this.keys) + "\"");
		body.put("cartId", "\"matrix-empty-cart\"");
		body.put("customer", customer);
		body.put("shipping", shipping);
		return body;
	}

	private void methods() {
		Map<String, String> endpoints = Map.of("catalogservice", "/api/v1/products", "cartservice", "/api/v1/cart",
				"orderservice", "/api/v1/order", "recommenderservice", "/api/v1/recommender/P-0001", "imageservice",
				"/api/v1/images");
		endpoints.forEach((service, path) -> {
			for (String method : List.of("TRACE", "PATCH", "PUT")) {
				send(service, method + " " + path, request(method, path, null, null), 405);
			}
			send(service, "FOO " + path, request("FOO", path, null, null), 0);
		});
	}

	private void serverLevel() {
		for (String service : List.of("catalogservice", "cartservice", "orderservice", "recommenderservice",
				"imageservice")) {
			BadInput.SERVER_LEVEL.forEach((name, request) -> {
				String[] headers = (String[]) request[1];
				String[] lines = new String[headers.length + 1];
				lines[0] = "Host: 127.0.0.1";
				System.arraycopy(headers, 0, lines, 1, headers.length);
				send(service, service + " " + name,
						com.anycompany.shop.testsupport.RawHttp.request((String) request[0], lines),
						(Integer) request[2]);
			});
		}
	}

	private void send(String service, String name, byte[] request, int expectedStatus) {
		this.matrix.check(service + ": " + name, this.ports.get(service), request, FORMAT, expectedStatus);
	}

	private static byte[] json(String path, String body) {
		return request("POST", path, "application/json", utf8(body));
	}

	/** The paths of the leaf fields: {@code cartId}, {@code customer.name}. */
	@SuppressWarnings("unchecked")
	private static List<String> leaves(Map<String, Object> body, String prefix) {
		return body.entrySet()
			.stream()
			.flatMap((entry) -> (entry.getValue() instanceof Map<?, ?> nested)
					? leaves((Map<String, Object>) nested, prefix + entry.getKey() + ".").stream()
					: java.util.stream.Stream.of(prefix + entry.getKey()))
			.toList();
	}

	@SuppressWarnings("unchecked")
	private static void put(Map<String, Object> body, String path, String json) {
		int dot = path.indexOf('.');
		if (dot < 0) {
			body.put(path, json);
		}
		else {
			put((Map<String, Object>) body.get(path.substring(0, dot)), path.substring(dot + 1), json);
		}
	}

	@SuppressWarnings("unchecked")
	private static void remove(Map<String, Object> body, String path) {
		int dot = path.indexOf('.');
		if (dot < 0) {
			body.remove(path);
		}
		else {
			remove((Map<String, Object>) body.get(path.substring(0, dot)), path.substring(dot + 1));
		}
	}

	@SuppressWarnings("unchecked")
	private static String render(Map<String, Object> body) {
		return body.entrySet()
			.stream()
			.map((entry) -> "\"" + entry.getKey() + "\":"
					+ ((entry.getValue() instanceof Map<?, ?> nested) ? render((Map<String, Object>) nested)
							: entry.getValue()))
			.collect(Collectors.joining(",", "{", "}"));
	}

}
