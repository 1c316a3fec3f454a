package com.anycompany.shop.tracing;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.amazonaws.xray.AWSXRayRecorder;
import com.amazonaws.xray.entities.Entity;
import com.amazonaws.xray.entities.Segment;
import com.amazonaws.xray.entities.Subsegment;

/**
 * What turning a finished segment into its datagram body costs: the SDK's
 * {@code serialize().getBytes(UTF_8)} against {@link SegmentDocumentWriter}, side by side
 * in one JVM, in alternating rounds after a warm-up, on the documents a product page
 * produces (the frontend's segment with two remote calls, the catalog's with a DynamoDB
 * query), and a subsegment sent on its own ({@code streamSerialize()}, as the emitter
 * sends a segment too big for one datagram). Prints nanoseconds and allocated bytes per
 * document and the ratio. A benchmark that prints figures, not a test: run it with
 * {@code scripts/benchmark-segment-json.sh}.
 * <p>
 * Arguments: seconds of warm-up (default 5), rounds (7), milliseconds per round (500).
 */
public final class SegmentDocumentBenchmark {

	private static long sink;

	private SegmentDocumentBenchmark() {
	}

	public static void main(String[] args) {
		int warmUpSeconds = Benchmarks.argument(args, 0, 5);
		int rounds = Benchmarks.argument(args, 1, 7);
		int roundMillis = Benchmarks.argument(args, 2, 500);

		AWSXRayRecorder recorder = Benchmarks.recorderSendingNothing().build();
		Segment frontend = frontend(recorder);
		Segment catalog = catalog(recorder);
		Benchmarks.printJvm();
		SegmentDocumentWriter writer = new SegmentDocumentWriter();
		System.out.printf("documents: frontend segment %d bytes, catalog segment %d bytes%n",
				writer.document(frontend).length, writer.document(catalog).length);
		System.out.printf("%-44s %8s %16s %8s%n", "per document (median of " + rounds + " rounds)", "ns",
				"allocated bytes", "ratio");
		compare("product page: frontend and catalog segments", List.of(frontend, catalog), warmUpSeconds, rounds,
				roundMillis);
		// what the emitter sends for a segment too big for one datagram, one by one
		compare("a DynamoDB subsegment on its own", List.of(catalog.getSubsegments().get(0)), warmUpSeconds, rounds,
				roundMillis);
	}

	private static void compare(String title, List<Entity> documents, int warmUpSeconds, int rounds, int roundMillis) {
		SegmentDocumentWriter writer = new SegmentDocumentWriter();
		for (Entity document : documents) {
			if (!Arrays.equals(writer.document(document), sdk(document))) {
				throw new IllegalStateException("not the SDK's document: " + new String(sdk(document)));
			}
		}
		Runnable sdk = () -> {
			for (Entity document : documents) {
				sink += sdk(document).length;
			}
		};
		Runnable ours = () -> {
			for (Entity document : documents) {
				sink += writer.write(document);
			}
		};
		long warmUpEnd = System.nanoTime() + warmUpSeconds * 1_000_000_000L;
		while (System.nanoTime() < warmUpEnd) {
			measure(sdk, documents.size(), 50);
			measure(ours, documents.size(), 50);
		}
		double[] sdkNanos = new double[rounds];
		double[] ourNanos = new double[rounds];
		double sdkBytes = 0;
		double ourBytes = 0;
		for (int round = 0; round < rounds; round++) {
			double[] s = measure(sdk, documents.size(), roundMillis);
			double[] o = measure(ours, documents.size(), roundMillis);
			sdkNanos[round] = s[0];
			ourNanos[round] = o[0];
			sdkBytes = s[1];
			ourBytes = o[1];
		}
		double sdkMedian = median(sdkNanos);
		double ourMedian = median(ourNanos);
		System.out.println(title + ":");
		System.out.printf("  %-42s %8.0f %16.0f%n", "SDK (stream)serialize().getBytes(UTF_8)", sdkMedian, sdkBytes);
		System.out.printf("  %-42s %8.0f %16.0f %7.1fx%n", "SegmentDocumentWriter.write", ourMedian, ourBytes,
				sdkMedian / ourMedian);
		System.out.printf("  rounds, ns: SDK %s, writer %s (fallbacks %d)%n", Arrays.toString(round(sdkNanos)),
				Arrays.toString(round(ourNanos)), writer.fallbacks());
	}

	private static byte[] sdk(Entity entity) {
		String json = (entity instanceof Subsegment subsegment) ? subsegment.streamSerialize() : entity.serialize();
		return json.getBytes(StandardCharsets.UTF_8);
	}

	/** Runs the task for about {@code millis}: nanoseconds and bytes per document. */
	private static double[] measure(Runnable task, int documentsPerRun, int millis) {
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		long thread = Thread.currentThread().getId();
		long end = System.nanoTime() + millis * 1_000_000L;
		long runs = 0;
		long allocatedBefore = threads.getThreadAllocatedBytes(thread);
		long start = System.nanoTime();
		long now;
		do {
			for (int i = 0; i < 100; i++) {
				task.run();
			}
			runs += 100;
			now = System.nanoTime();
		}
		while (now < end);
		long allocated = threads.getThreadAllocatedBytes(thread) - allocatedBefore;
		double documents = (double) runs * documentsPerRun;
		return new double[] { (now - start) / documents, allocated / documents };
	}

	private static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

	private static long[] round(double[] values) {
		return Arrays.stream(values).mapToLong(Math::round).toArray();
	}

	/**
	 * The storefront's segment for a product page, as the servlet filter and the REST
	 * clients fill it.
	 */
	private static Segment frontend(AWSXRayRecorder recorder) {
		Segment segment = recorder.beginSegment("frontend");
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("method", "GET");
		request.put("client_ip", "127.0.0.1");
		request.put("url", "http://localhost:8080/product/OLJCESPC7Z");
		request.put("user_agent",
				"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0");
		segment.putHttp("request", request);
		for (String callee : List.of("catalogservice", "recommenderservice")) {
			ShopEntities.productCall(recorder, callee);
		}
		segment.putAnnotation("ProductID", "OLJCESPC7Z");
		Map<String, Object> response = new LinkedHashMap<>();
		response.put("status", 200);
		segment.putHttp("response", response);
		recorder.endSegment();
		return segment;
	}

	/**
	 * The catalog's segment with a DynamoDB query as the SDK's TracingInterceptor fills
	 * it.
	 */
	private static Segment catalog(AWSXRayRecorder recorder) {
		Segment segment = recorder.beginSegment("catalogservice");
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("method", "GET");
		request.put("client_ip", "127.0.0.1");
		request.put("url", "http://localhost:8081/api/v1/product/OLJCESPC7Z");
		request.put("user_agent", "Java-http-client/17.0.15");
		segment.putHttp("request", request);
		Subsegment query = recorder.beginSubsegment("DynamoDb");
		query.setNamespace("aws");
		query.putAws("operation", "GetItem");
		query.putAws("region", "us-east-1");
		query.putAws("request_id", "8BRP4VJ0QAJ6RR2G4I5NEMT3HJVV4KQNSO5AEMVJF66Q9ASUAAJG");
		query.putAws("table_name", "products");
		query.putAws("retries", 0);
		Map<String, Object> queryResponse = new LinkedHashMap<>();
		queryResponse.put("status", 200);
		queryResponse.put("content_length", 734L);
		query.putHttp("response", queryResponse);
		recorder.endSubsegment();
		Map<String, Object> response = new LinkedHashMap<>();
		response.put("status", 200);
		response.put("content_length", 812);
		segment.putHttp("response", response);
		recorder.endSegment();
		return segment;
	}

}
