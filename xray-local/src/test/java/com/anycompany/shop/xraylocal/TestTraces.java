package com.anycompany.shop.xraylocal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import com.anycompany.shop.xraylocal.ingest.Rejection;
import com.anycompany.shop.xraylocal.ingest.SegmentParser;
import com.anycompany.shop.xraylocal.store.Doc;
import com.anycompany.shop.xraylocal.store.TraceFacts;
import com.anycompany.shop.xraylocal.store.TraceStore;

/**
 * Shop-shaped traces for tests: the storefront calling the services, the services calling
 * DynamoDB, the way the project's services are instrumented.
 */
public final class TestTraces {

	private TestTraces() {
	}

	/**
	 * frontend -> orderservice -> (cartservice -> Carts, catalogservice ->
	 * ProductCatalog, Orders).
	 */
	public static List<Json> order(String traceId, double start) {
		Json toOrder = Json.subsegment("orderservice", start + 0.005, 0.1)
			.namespace("remote")
			.http("POST", "http://localhost:8083/api/v1/order", 200);
		Json frontend = Json.segment("frontend", traceId, start, 0.12)
			.http("POST", "http://localhost:8080/cart/order", 200)
			.annotation("UserID", "user-1")
			.sub(toOrder);
		Json toCart = Json.subsegment("cartservice", start + 0.01, 0.02)
			.namespace("remote")
			.http("GET", "http://localhost:8082/api/v1/cart/c1", 200);
		Json toCatalog = Json.subsegment("catalogservice", start + 0.035, 0.02)
			.namespace("remote")
			.http("GET", "http://localhost:8081/api/v1/product/P-0002", 200);
		Json order = Json.segment("orderservice", traceId, start + 0.006, 0.095)
			.parent(toOrder.id())
			.http("POST", "http://localhost:8083/api/v1/order", 200)
			.annotation("OrderID", "O-1")
			.sub(toCart, toCatalog, Json.subsegment("DynamoDb", start + 0.06, 0.01).dynamo("Orders", "PutItem"));
		Json cart = Json.segment("cartservice", traceId, start + 0.011, 0.018)
			.parent(toCart.id())
			.http("GET", "http://localhost:8082/api/v1/cart/c1", 200)
			.sub(Json.subsegment("DynamoDb", start + 0.012, 0.006).dynamo("Carts", "GetItem"));
		Json catalog = Json.segment("catalogservice", traceId, start + 0.036, 0.018)
			.parent(toCatalog.id())
			.http("GET", "http://localhost:8081/api/v1/product/P-0002", 200)
			.sub(Json.subsegment("DynamoDb", start + 0.037, 0.007).dynamo("ProductCatalog", "GetItem"));
		return List.of(frontend, order, cart, catalog);
	}

	/**
	 * frontend -> catalogservice -> ProductCatalog, and frontend -> recommenderservice: a
	 * 503 with no segment from the recommender when {@code recommenderDown}.
	 */
	public static List<Json> product(String traceId, double start, String productId, boolean recommenderDown) {
		Json toCatalog = Json.subsegment("catalogservice", start + 0.005, 0.03)
			.namespace("remote")
			.http("GET", "http://localhost:8081/api/v1/product/" + productId, 200);
		Json toRecommender = Json.subsegment("recommenderservice", start + 0.04, 0.05)
			.namespace("remote")
			.http("GET", "http://localhost:8084/api/v1/recommender/" + productId, recommenderDown ? 503 : 200);
		Json frontend = Json.segment("frontend", traceId, start, 0.1)
			.http("GET", "http://localhost:8080/product/" + productId, 200)
			.annotation("ProductID", productId)
			.sub(toCatalog, toRecommender);
		Json catalog = Json.segment("catalogservice", traceId, start + 0.006, 0.025)
			.parent(toCatalog.id())
			.http("GET", "http://localhost:8081/api/v1/product/" + productId, 200)
			.sub(Json.subsegment("DynamoDb", start + 0.01, 0.01).dynamo("ProductCatalog", "GetItem"));
		List<Json> documents = new ArrayList<>(List.of(frontend, catalog));
		if (!recommenderDown) {
			documents.add(Json.segment("recommenderservice", traceId, start + 0.041, 0.045)
				.parent(toRecommender.id())
				.http("GET", "http://localhost:8084/api/v1/recommender/" + productId, 200));
		}
		return documents;
	}

	/** One trace's facts, straight from its documents. */
	public static TraceFacts facts(List<Json> documents) {
		TraceStore store = new TraceStore(new TraceStore.Limits(10, 1000, 10_000_000, 1000, 3_600_000),
				Clock.systemUTC());
		String traceId = null;
		SegmentParser parser = new SegmentParser();
		for (Json document : documents) {
			try {
				Doc doc = parser.parseDocument(document.json());
				store.add(doc);
				traceId = doc.traceId();
			}
			catch (Rejection ex) {
				throw new IllegalStateException(ex);
			}
		}
		return store.get(traceId).facts();
	}

}
