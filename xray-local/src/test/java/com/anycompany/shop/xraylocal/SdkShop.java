package com.anycompany.shop.xraylocal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import com.amazonaws.xray.AWSXRayRecorder;
import com.amazonaws.xray.AWSXRayRecorderBuilder;
import com.amazonaws.xray.config.DaemonConfiguration;
import com.amazonaws.xray.emitters.Emitter;
import com.amazonaws.xray.entities.Entity;
import com.amazonaws.xray.entities.Segment;
import com.amazonaws.xray.entities.Subsegment;
import com.amazonaws.xray.entities.TraceID;
import com.amazonaws.xray.strategy.DefaultStreamingStrategy;
import com.amazonaws.xray.strategy.IgnoreErrorContextMissingStrategy;
import com.amazonaws.xray.strategy.sampling.AllSamplingStrategy;

/**
 * The shop's services as the real X-Ray Java SDK records them, sending to xray-local over
 * UDP. Each callee's segment is recorded on its own thread, as a separate process would,
 * joined to the caller by trace id and parent id, exactly what the trace header carries.
 */
public final class SdkShop implements AutoCloseable {

	private final AWSXRayRecorder recorder;

	private final ExecutorService services = Executors.newCachedThreadPool();

	/**
	 * @param udpPort where xray-local listens
	 * @param streamAbove subsegments a segment may hold before the SDK streams finished
	 * ones on their own
	 */
	public SdkShop(int udpPort, int streamAbove) {
		DaemonConfiguration daemon = new DaemonConfiguration();
		daemon.setUDPAddress("127.0.0.1:" + udpPort);
		try {
			this.recorder = AWSXRayRecorderBuilder.standard()
				.withEmitter(Emitter.create(daemon))
				.withSamplingStrategy(new AllSamplingStrategy())
				.withStreamingStrategy(new DefaultStreamingStrategy(streamAbove))
				.withContextMissingStrategy(new IgnoreErrorContextMissingStrategy())
				.build();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public AWSXRayRecorder recorder() {
		return this.recorder;
	}

	/** A request to the storefront; returns its trace id. */
	public String request(String method, String url, int status, Consumer<Segment> work) {
		Segment segment = this.recorder.beginSegment("frontend");
		segment.putHttp("request", Map.of("method", method, "url", url));
		try {
			work.accept(segment);
		}
		finally {
			respond(segment, status);
			this.recorder.endSegment();
		}
		return segment.getTraceId().toString();
	}

	/**
	 * A call to another service: a {@code remote} subsegment here, and, unless
	 * {@code calleeWork} is null (the callee is down), the callee's own segment.
	 */
	public void call(String service, String method, String url, int status, Consumer<Segment> calleeWork) {
		Subsegment call = this.recorder.beginSubsegment(service);
		call.setNamespace("remote");
		call.putHttp("request", Map.of("method", method, "url", url));
		TraceID traceId = call.getParentSegment().getTraceId();
		String parentId = call.getId();
		try {
			if (calleeWork != null) {
				this.services.submit(() -> {
					Segment callee = this.recorder.beginSegment(service, traceId, parentId);
					callee.putHttp("request", Map.of("method", method, "url", url));
					try {
						calleeWork.accept(callee);
					}
					finally {
						respond(callee, status);
						this.recorder.endSegment();
					}
				}).get();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex.getCause());
		}
		finally {
			if (calleeWork == null && status >= 500) {
				// what the HTTP client throws when the callee is not there
				call.addException(new java.net.ConnectException("Connection refused: " + service));
			}
			respond(call, status);
			this.recorder.endSubsegment();
		}
	}

	/** A DynamoDB call as the SDK v2 interceptor records it. */
	public void dynamo(String table, String operation, boolean throttled) {
		Subsegment call = this.recorder.beginSubsegment("DynamoDb");
		call.setNamespace("aws");
		call.putAws("table_name", table);
		call.putAws("operation", operation);
		call.putAws("request_id", "req-" + System.nanoTime());
		call.putAws("retries", 0);
		if (throttled) {
			call.setThrottle(true);
			call.setError(true);
			call.putHttp("response", Map.of("status", 400));
		}
		this.recorder.endSubsegment();
	}

	private static void respond(Entity entity, int status) {
		entity.putHttp("response", Map.of("status", status, "content_length", 512));
		if (status >= 500) {
			entity.setFault(true);
		}
		else if (status == 429) {
			entity.setThrottle(true);
			entity.setError(true);
		}
		else if (status >= 400) {
			entity.setError(true);
		}
	}

	public static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		this.services.shutdownNow();
	}

}
