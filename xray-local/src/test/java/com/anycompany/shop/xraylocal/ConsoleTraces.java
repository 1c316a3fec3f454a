package com.anycompany.shop.xraylocal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Traces for the console's browser tests: a shopper's journey through the six services
 * and three tables, and a synthetic graph of 30 services and 60 calls.
 */
final class ConsoleTraces {

	private ConsoleTraces() {
	}

	/**
	 * One page of a journey, chosen by {@code step}: the home page, a product page (with
	 * recommendations and an image; the recommender answers 503 when down), the cart, or
	 * an order (as {@link TestTraces#order}).
	 */
	static List<Json> journeyPage(int step, double start, boolean recommenderDown) {
		String traceId = traceId(start);
		return switch (step % 4) {
			case 0 -> home(traceId, start);
			case 1 -> product(traceId, start, "P-000" + (step % 9 + 1), recommenderDown);
			case 2 -> cart(traceId, start);
			default -> TestTraces.order(traceId, start);
		};
	}

	private static List<Json> home(String traceId, double start) {
		Json toCatalog = remote("catalogservice", start + 0.002, 0.03, "GET", "http://localhost:8081/api/v1/products",
				200);
		Json frontend = Json.segment("frontend", traceId, start, 0.04)
			.http("GET", "http://localhost:8080/", 200)
			.sub(toCatalog);
		Json catalog = Json.segment("catalogservice", traceId, start + 0.003, 0.025)
			.parent(toCatalog.id())
			.http("GET", "http://localhost:8081/api/v1/products", 200)
			.sub(Json.subsegment("DynamoDb", start + 0.004, 0.012).dynamo("ProductCatalog", "Query"));
		return List.of(frontend, catalog);
	}

	private static List<Json> product(String traceId, double start, String productId, boolean recommenderDown) {
		Json toCatalog = remote("catalogservice", start + 0.002, 0.03, "GET",
				"http://localhost:8081/api/v1/product/" + productId, 200);
		Json toRecommender = remote("recommenderservice", start + 0.035, 0.06, "GET",
				"http://localhost:8084/api/v1/recommender/" + productId, recommenderDown ? 503 : 200);
		Json toImage = remote("imageservice", start + 0.1, 0.02, "GET",
				"http://localhost:8085/api/v1/image/" + productId + ".png", 200);
		Json frontend = Json.segment("frontend", traceId, start, 0.13)
			.http("GET", "http://localhost:8080/product/" + productId, 200)
			.annotation("ProductID", productId)
			.sub(toCatalog, toRecommender, toImage);
		List<Json> documents = new ArrayList<>();
		documents.add(frontend);
		documents.add(Json.segment("catalogservice", traceId, start + 0.003, 0.025)
			.parent(toCatalog.id())
			.http("GET", "http://localhost:8081/api/v1/product/" + productId, 200)
			.sub(Json.subsegment("DynamoDb", start + 0.005, 0.01).dynamo("ProductCatalog", "GetItem")));
		if (!recommenderDown) {
			Json recommenderToCatalog = remote("catalogservice", start + 0.04, 0.03, "GET",
					"http://localhost:8081/api/v1/products?category=kitchen", 200);
			documents.add(Json.segment("recommenderservice", traceId, start + 0.036, 0.055)
				.parent(toRecommender.id())
				.http("GET", "http://localhost:8084/api/v1/recommender/" + productId, 200)
				.sub(recommenderToCatalog));
			documents.add(Json.segment("catalogservice", traceId, start + 0.041, 0.025)
				.parent(recommenderToCatalog.id())
				.http("GET", "http://localhost:8081/api/v1/products?category=kitchen", 200)
				.sub(Json.subsegment("DynamoDb", start + 0.042, 0.012).dynamo("ProductCatalog", "Query")));
		}
		documents.add(Json.segment("imageservice", traceId, start + 0.101, 0.018)
			.parent(toImage.id())
			.http("GET", "http://localhost:8085/api/v1/image/" + productId + ".png", 200));
		return documents;
	}

	private static List<Json> cart(String traceId, double start) {
		Json toCart = remote("cartservice", start + 0.002, 0.045, "POST", "http://localhost:8082/api/v1/cart", 200);
		Json frontend = Json.segment("frontend", traceId, start, 0.05)
			.http("POST", "http://localhost:8080/cart", 200)
			.sub(toCart);
		Json toCatalog = remote("catalogservice", start + 0.01, 0.02, "GET",
				"http://localhost:8081/api/v1/product/P-0003", 200);
		Json cart = Json.segment("cartservice", traceId, start + 0.003, 0.04)
			.parent(toCart.id())
			.http("POST", "http://localhost:8082/api/v1/cart", 200)
			.sub(toCatalog, Json.subsegment("DynamoDb", start + 0.032, 0.006).dynamo("Carts", "UpdateItem"));
		Json catalog = Json.segment("catalogservice", traceId, start + 0.011, 0.017)
			.parent(toCatalog.id())
			.http("GET", "http://localhost:8081/api/v1/product/P-0003", 200)
			.sub(Json.subsegment("DynamoDb", start + 0.012, 0.008).dynamo("ProductCatalog", "GetItem"));
		return List.of(frontend, cart, catalog);
	}

	private static Json remote(String callee, double start, double duration, String method, String url, int status) {
		return Json.subsegment(callee, start, duration).namespace("remote").http(method, url, status);
	}

	/** Names of the synthetic services: svc-00 (the entry) to svc-29. */
	static String syntheticName(int i) {
		return String.format("svc-%02d", i);
	}

	/**
	 * One trace through {@code services} services in layers of five with {@code calls}
	 * calls between them, every call to a later layer, each service reached (a fixed
	 * seed: the same graph every run). Annotated {@code dataset = "synthetic"}.
	 */
	static List<Json> synthetic(double start, int services, int calls, long seed) {
		Random random = new Random(seed);
		Set<List<Integer>> edges = new LinkedHashSet<>();
		for (int i = 1; i < services; i++) {
			List<Integer> earlier = new ArrayList<>();
			for (int j = 0; j < i; j++) {
				if (layer(j) < layer(i)) {
					earlier.add(j);
				}
			}
			edges.add(List.of(earlier.get(random.nextInt(earlier.size())), i));
		}
		while (edges.size() < calls) {
			int a = random.nextInt(services);
			int b = random.nextInt(services);
			if (layer(a) < layer(b)) {
				edges.add(List.of(a, b));
			}
		}
		String traceId = traceId(start);
		List<List<Json>> callsOf = new ArrayList<>();
		String[] parentOf = new String[services];
		for (int i = 0; i < services; i++) {
			callsOf.add(new ArrayList<>());
		}
		for (List<Integer> edge : edges) {
			int from = edge.get(0);
			int to = edge.get(1);
			Json call = remote(syntheticName(to), start + 0.01 * layer(from), 0.02 + random.nextInt(80) / 1000.0, "GET",
					"http://" + syntheticName(to) + "/work", random.nextInt(20) == 0 ? 500 : 200);
			callsOf.get(from).add(call);
			if (parentOf[to] == null) {
				parentOf[to] = call.id();
			}
		}
		List<Json> documents = new ArrayList<>();
		for (int i = 0; i < services; i++) {
			Json segment = Json.segment(syntheticName(i), traceId, start + 0.01 * layer(i), 0.2)
				.http("GET", "http://" + syntheticName(i) + "/work", 200)
				.sub(callsOf.get(i).toArray(Json[]::new));
			if (parentOf[i] != null) {
				segment.parent(parentOf[i]);
			}
			else {
				segment.annotation("dataset", "synthetic");
			}
			documents.add(segment);
		}
		return documents;
	}

	/** A trace id whose time is the trace's start, as the X-Ray SDKs make them. */
	static String traceId(double start) {
		java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
		return String.format("1-%08x-%08x%08x%08x", (long) start, random.nextInt(), random.nextInt(), random.nextInt());
	}

	private static int layer(int i) {
		return (i == 0) ? 0 : 1 + (i - 1) / 5;
	}

}
