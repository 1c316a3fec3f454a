package com.anycompany.shop.tracing;

import java.net.URI;
import java.util.Map;

import com.amazonaws.xray.AWSXRayRecorder;
import com.amazonaws.xray.entities.TraceID;
import com.amazonaws.xray.interceptors.TracingInterceptor;
import software.amazon.awssdk.awscore.AwsExecutionAttribute;
import software.amazon.awssdk.awscore.DefaultAwsResponseMetadata;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.InterceptorContext;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpFullResponse;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * What tracing a DynamoDB call costs the calling thread: the X-Ray SDK's
 * {@code TracingInterceptor} against {@link AwsSdkTracingInterceptor}, side by side in
 * one JVM, in alternating rounds after a warm-up. Each call runs the hooks the SDK runs
 * for one GetItem attempt (before execution, modify HTTP request, before transmission,
 * after execution) with the request, HTTP messages and response of a real call, inside a
 * segment of its own: sampled (the segment is ended and handed to a no-op emitter) and
 * unsampled (a no-op segment, as the default rule leaves most requests). A row with the
 * segment and the hooks but an interceptor that does nothing is the floor both share.
 * Prints CPU nanoseconds and allocated bytes per call, and the ratio of the interceptors'
 * own share. A benchmark that prints figures, not a test: run it with
 * {@code scripts/benchmark-tracing-hooks.sh aws-interceptor}.
 * <p>
 * Arguments: seconds of warm-up (default 5), rounds (7), milliseconds per round (500).
 */
public final class AwsSdkInterceptorBenchmark {

	private static long sink;

	private AwsSdkInterceptorBenchmark() {
	}

	public static void main(String[] args) {
		int warmUpSeconds = Benchmarks.argument(args, 0, 5);
		int rounds = Benchmarks.argument(args, 1, 7);
		int roundMillis = Benchmarks.argument(args, 2, 500);

		AWSXRayRecorder recorder = Benchmarks.recorderSendingNothing().withFastIdGenerator().build();
		GetItemCall call = new GetItemCall();
		ExecutionInterceptor sdk = new TracingInterceptor(recorder, null, null);
		ExecutionInterceptor ours = new AwsSdkTracingInterceptor(recorder);
		ExecutionInterceptor untraced = new ExecutionInterceptor() {
		};
		TraceID unsampledTrace = TraceID.create(recorder);
		// what any tracer must do per call: a header on the outgoing request
		ExecutionInterceptor onlyHeader = new ExecutionInterceptor() {
			@Override
			public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
				return context.httpRequest().toBuilder().putHeader("X-Amzn-Trace-Id", "Root=" + unsampledTrace).build();
			}
		};

		Benchmarks.printJvm();
		System.out.printf("%-46s %10s %16s %8s%n", "per GetItem call (median of " + rounds + " rounds)", "CPU ns",
				"allocated bytes", "ratio");
		for (boolean sampled : new boolean[] { true, false }) {
			Runnable segmentOnly = () -> inSegment(recorder, sampled, unsampledTrace, () -> call.run(untraced));
			Runnable withSdk = () -> inSegment(recorder, sampled, unsampledTrace, () -> call.run(sdk));
			Runnable withOurs = () -> inSegment(recorder, sampled, unsampledTrace, () -> call.run(ours));
			Runnable headerOnly = () -> inSegment(recorder, sampled, unsampledTrace, () -> call.run(onlyHeader));
			double[][] results = Benchmarks.alternate(warmUpSeconds, rounds, roundMillis, segmentOnly, withSdk,
					withOurs, headerOnly);
			double floorNanos = results[0][0];
			double sdkNanos = results[1][0];
			double ourNanos = results[2][0];
			System.out
				.println(sampled ? "sampled (a segment per call, sent):" : "unsampled (a no-op segment per call):");
			System.out.printf("  %-44s %10.0f %16.0f%n", "the segment and the hooks, no tracing", floorNanos,
					results[0][1]);
			System.out.printf("  %-44s %10.0f %16.0f%n", "+ X-Ray SDK TracingInterceptor", sdkNanos, results[1][1]);
			System.out.printf("  %-44s %10.0f %16.0f %7.1fx%n", "+ AwsSdkTracingInterceptor", ourNanos, results[2][1],
					(sdkNanos - floorNanos) / (ourNanos - floorNanos));
			System.out.printf("  %-44s %10.0f %16.0f%n", "+ only a fixed trace header (the least)", results[3][0],
					results[3][1]);
			System.out.printf("  interceptor's own share, ns: SDK %.0f, ours %.0f (the ratio above)%n",
					sdkNanos - floorNanos, ourNanos - floorNanos);
		}
		System.out.println("(sink " + sink + ")");
	}

	private static void inSegment(AWSXRayRecorder recorder, boolean sampled, TraceID unsampledTrace, Runnable work) {
		if (sampled) {
			recorder.beginSegment("catalogservice");
		}
		else {
			recorder.beginNoOpSegment(unsampledTrace);
		}
		try {
			work.run();
		}
		finally {
			recorder.endSegment();
		}
	}

	/**
	 * One GetItem as the SDK's pipeline shows it to interceptors: the catalog's product
	 * lookup, with the headers a real request carries when {@code modifyHttpRequest} runs
	 * (before signing) and those of a real DynamoDB answer.
	 */
	private static final class GetItemCall {

		private final GetItemRequest request = GetItemRequest.builder()
			.tableName("ProductCatalog")
			.key(Map.of("id", AttributeValue.fromS("OLJCESPC7Z")))
			.build();

		private final SdkHttpFullRequest httpRequest = SdkHttpFullRequest.builder()
			.method(SdkHttpMethod.POST)
			.uri(URI.create("http://127.0.0.1:8000/"))
			.putHeader("Content-Type", "application/x-amz-json-1.0")
			.putHeader("X-Amz-Target", "DynamoDB_20120810.GetItem")
			.putHeader("User-Agent", "aws-sdk-java/2.57.8 md/io#sync md/http#Apache ua/2.1 os/Linux lang/java#17")
			.putHeader("amz-sdk-invocation-id", "5f1c2b7e-2f3a-4d61-9d7e-3c1a9b8e7f10")
			.putHeader("amz-sdk-request", "attempt=1; max=3")
			.putHeader("Content-Length", "76")
			.build();

		private final SdkHttpFullResponse httpResponse = SdkHttpFullResponse.builder()
			.statusCode(200)
			.putHeader("x-amzn-RequestId", "8BRP4VJ0QAJ6RR2G4I5NEMT3HJVV4KQNSO5AEMVJF66Q9ASUAAJG")
			.putHeader("x-amz-crc32", "2745614147")
			.putHeader("Content-Type", "application/x-amz-json-1.0")
			.putHeader("Content-Length", "734")
			.putHeader("Date", "Sun, 29 Nov 2026 04:15:00 GMT")
			.build();

		private final GetItemResponse response = (GetItemResponse) GetItemResponse.builder()
			.item(Map.of("id", AttributeValue.fromS("OLJCESPC7Z"), "name", AttributeValue.fromS("Kettle")))
			.responseMetadata(DefaultAwsResponseMetadata
				.create(Map.of("AWS_REQUEST_ID", "8BRP4VJ0QAJ6RR2G4I5NEMT3HJVV4KQNSO5AEMVJF66Q9ASUAAJG")))
			.build();

		void run(ExecutionInterceptor interceptor) {
			ExecutionAttributes attributes = new ExecutionAttributes();
			attributes.putAttribute(SdkExecutionAttribute.SERVICE_NAME, "DynamoDb");
			attributes.putAttribute(SdkExecutionAttribute.OPERATION_NAME, "GetItem");
			attributes.putAttribute(AwsExecutionAttribute.AWS_REGION, Region.US_EAST_1);
			InterceptorContext context = InterceptorContext.builder()
				.request(this.request)
				.httpRequest(this.httpRequest)
				.build();
			interceptor.beforeExecution(context, attributes);
			context = context.toBuilder().httpRequest(interceptor.modifyHttpRequest(context, attributes)).build();
			interceptor.beforeTransmission(context, attributes);
			context = context.toBuilder().httpResponse(this.httpResponse).response(this.response).build();
			interceptor.afterExecution(context, attributes);
			sink += context.httpRequest().headers().size();
		}

	}

}
