package com.anycompany.shop.xraylocal.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;

import com.amazonaws.xray.AWSXRayRecorder;
import com.amazonaws.xray.AWSXRayRecorderBuilder;
import com.amazonaws.xray.emitters.Emitter;
import com.amazonaws.xray.entities.Entity;
import com.amazonaws.xray.entities.Segment;
import com.amazonaws.xray.entities.Subsegment;
import com.amazonaws.xray.entities.TraceID;
import com.amazonaws.xray.strategy.IgnoreErrorContextMissingStrategy;
import com.amazonaws.xray.strategy.sampling.AllSamplingStrategy;

/**
 * The shop's datagrams as the real X-Ray Java SDK writes them (its serializer, its
 * {@code aws.xray} and {@code service} blocks), captured instead of sent, so that the CPU
 * benchmark feeds xray-local what the local shop feeds it: per page a storefront segment
 * with http maps and remote calls, service segments with 1 to 3 subsegments, DynamoDB
 * subsegments with the AWS SDK interceptor's {@code aws} maps.
 */
final class SdkDatagrams implements AutoCloseable {

	private static final String HEADER = "{\"format\": \"json\", \"version\": 1}\n";

	private static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
			+ "Chrome/131.0.0.0 Safari/537.36";

	private final List<byte[]> datagrams = new ArrayList<>();

	private final AWSXRayRecorder recorder = AWSXRayRecorderBuilder.standard().withEmitter(new Emitter() {
		@Override
		public boolean sendSegment(Segment segment) {
			capture(segment.serialize());
			return true;
		}

		@Override
		public boolean sendSubsegment(Subsegment subsegment) {
			capture(subsegment.streamSerialize());
			return true;
		}
	})
		.withSamplingStrategy(new AllSamplingStrategy())
		.withContextMissingStrategy(new IgnoreErrorContextMissingStrategy())
		.build();

	/** Callees record on their own threads, as other processes would. */
	private final ExecutorService callees = Executors.newCachedThreadPool();

	private synchronized void capture(String document) {
		this.datagrams.add((HEADER + document).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * At least {@code count} datagrams: product pages (5 documents: storefront, catalog,
	 * recommender, the recommender's catalog call, cart) and, one page in four, an order
	 * (4 documents).
	 */
	static List<byte[]> record(int count) {
		try (SdkDatagrams shop = new SdkDatagrams()) {
			while (shop.size() < count) {
				if (ThreadLocalRandom.current().nextInt(4) == 0) {
					shop.order();
				}
				else {
					shop.productPage(String.format("P-%04d", ThreadLocalRandom.current().nextInt(40)));
				}
			}
			synchronized (shop) {
				return List.copyOf(shop.datagrams);
			}
		}
	}

	private synchronized int size() {
		return this.datagrams.size();
	}

	private void productPage(String product) {
		Segment page = entry("GET", "http://localhost:8080/product/" + product);
		page.putAnnotation("ProductID", product);
		call("catalogservice", "GET", "http://localhost:8081/api/v1/product/" + product,
				() -> dynamo("ProductCatalog", "GetItem"));
		call("recommenderservice", "GET", "http://localhost:8084/api/v1/recommender/" + product,
				() -> call("catalogservice", "GET", "http://localhost:8081/api/v1/products",
						() -> dynamo("ProductCatalog", "Scan")));
		call("cartservice", "GET", "http://localhost:8082/api/v1/cart/c-1", () -> dynamo("Carts", "GetItem"));
		respond(page, 200);
		this.recorder.endSegment();
	}

	private void order() {
		Segment page = entry("POST", "http://localhost:8080/cart/checkout");
		page.putAnnotation("UserID", "user-1");
		call("orderservice", "POST", "http://localhost:8083/api/v1/order", () -> {
			call("cartservice", "GET", "http://localhost:8082/api/v1/cart/c-1", () -> dynamo("Carts", "GetItem"));
			call("catalogservice", "GET", "http://localhost:8081/api/v1/product/P-0002",
					() -> dynamo("ProductCatalog", "GetItem"));
			dynamo("Orders", "PutItem");
		});
		respond(page, 200);
		this.recorder.endSegment();
	}

	private Segment entry(String method, String url) {
		Segment segment = this.recorder.beginSegment("frontend");
		segment.putHttp("request",
				Map.of("method", method, "url", url, "client_ip", "127.0.0.1", "user_agent", BROWSER));
		return segment;
	}

	/**
	 * A remote call: the caller's subsegment, and the callee's segment doing its work.
	 */
	private void call(String service, String method, String url, Runnable work) {
		Subsegment call = this.recorder.beginSubsegment(service);
		call.setNamespace("remote");
		call.putHttp("request", Map.of("method", method, "url", url));
		TraceID traceId = call.getParentSegment().getTraceId();
		String parentId = call.getId();
		try {
			this.callees.submit(() -> {
				Segment callee = this.recorder.beginSegment(service, traceId, parentId);
				callee.putHttp("request", Map.of("method", method, "url", url, "client_ip", "127.0.0.1", "user_agent",
						"Java-http-client/21"));
				try {
					work.run();
				}
				finally {
					respond(callee, 200);
					this.recorder.endSegment();
				}
			}).get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex.getCause());
		}
		finally {
			respond(call, 200);
			this.recorder.endSubsegment();
		}
	}

	/** What the AWS SDK v2 tracing interceptor records for a DynamoDB call. */
	private void dynamo(String table, String operation) {
		Subsegment call = this.recorder.beginSubsegment("DynamoDb");
		call.setNamespace("aws");
		call.putAws("operation", operation);
		call.putAws("region", "us-east-1");
		call.putAws("request_id", "R" + Long.toHexString(ThreadLocalRandom.current().nextLong()).toUpperCase());
		call.putAws("retries", 0);
		call.putAws("table_name", table);
		call.putHttp("response", Map.of("status", 200, "content_length", 412));
		this.recorder.endSubsegment();
	}

	private static void respond(Entity entity, int status) {
		entity.putHttp("response", Map.of("status", status, "content_length", 2048));
	}

	@Override
	public void close() {
		this.callees.shutdownNow();
	}

}
