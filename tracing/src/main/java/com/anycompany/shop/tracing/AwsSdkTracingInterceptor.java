package com.anycompany.shop.tracing;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import com.amazonaws.xray.AWSXRayRecorder;
import com.amazonaws.xray.entities.Cause;
import com.amazonaws.xray.entities.Entity;
import com.amazonaws.xray.entities.NoOpSegment;
import com.amazonaws.xray.entities.Subsegment;
import com.amazonaws.xray.entities.ThrowableDescription;
import com.amazonaws.xray.entities.TraceHeader;
import software.amazon.awssdk.awscore.AwsExecutionAttribute;
import software.amazon.awssdk.awscore.AwsResponse;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.regions.Region;

/**
 * An {@code aws} subsegment per AWS SDK v2 call, with what the X-Ray SDK's
 * {@code TracingInterceptor} writes (name = the SDK's service name, operation, region,
 * the whitelisted parameters under the same names, request ids, retries, HTTP status and
 * length, the exception with the same flags), and the same {@code X-Amzn-Trace-Id}
 * header, for less work per call:
 * <ul>
 * <li>the parameter whitelist is worked out at start-up ({@link AwsParameterWhitelist}),
 * so a sampled call only reads its fields;</li>
 * <li>a call under a no-op segment (a request the sampling rule left out, background
 * work: most calls under the default rule) records nothing and only gets the header the
 * SDK sends there, {@code Root=<trace id>};</li>
 * <li>retries are counted in the call's own state and written once, and the trace header
 * is built once per call, not per attempt.</li>
 * </ul>
 * Subsegments are begun and ended through the recorder, so its context-missing strategy,
 * listeners and emitter apply as before. The call's state travels in the execution
 * attributes, because the SDK may run the later hooks on other threads.
 */
public class AwsSdkTracingInterceptor implements ExecutionInterceptor {

	private static final ExecutionAttribute<Call> CALL = new ExecutionAttribute<>("AnyCompany Shop X-Ray AWS call");

	private static final String UNKNOWN_REQUEST_ID = "UNKNOWN";

	private final AWSXRayRecorder recorder;

	private final AwsParameterWhitelist whitelist;

	public AwsSdkTracingInterceptor(AWSXRayRecorder recorder) {
		this(recorder, AwsParameterWhitelist.sdkDefault());
	}

	AwsSdkTracingInterceptor(AWSXRayRecorder recorder, AwsParameterWhitelist whitelist) {
		this.recorder = recorder;
		this.whitelist = whitelist;
	}

	@Override
	public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
		if (attributes.getAttribute(CALL) != null) {
			// a second instance on the same client: the first one traces the call
			return;
		}
		Entity current = this.recorder.getTraceEntity();
		if (current != null && current.getParentSegment() instanceof NoOpSegment unsampled) {
			attributes.putAttribute(CALL, new Call(this, null, "Root=" + unsampled.getTraceId()));
			return;
		}
		String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
		// with no context the recorder's context-missing strategy has its say here
		Subsegment subsegment = this.recorder.beginSubsegment(service);
		try {
			boolean recorded = !(subsegment.getParentSegment() instanceof NoOpSegment);
			// stored first: should anything below fail, the failure hook still ends it
			attributes.putAttribute(CALL, new Call(this, recorded ? subsegment : null, traceHeader(subsegment)));
			if (!recorded) {
				return;
			}
			String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
			subsegment.setNamespace("aws");
			subsegment.putAws("operation", operation);
			Region region = attributes.getAttribute(AwsExecutionAttribute.AWS_REGION);
			if (region != null) {
				subsegment.putAws("region", region.id());
			}
			this.whitelist.recordRequest(service, operation, context.request(), subsegment);
		}
		finally {
			// the call may end on another thread: the caller's next call is a sibling
			this.recorder.setTraceEntity(current);
		}
	}

	@Override
	public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
		Call call = ownCall(attributes);
		if (call == null || call.traceHeader == null) {
			return context.httpRequest();
		}
		return context.httpRequest().toBuilder().putHeader(TraceHeader.HEADER_KEY, call.traceHeader).build();
	}

	@Override
	public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
		Call call = ownCall(attributes);
		if (call != null) {
			call.attempts++;
		}
	}

	@Override
	public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
		Subsegment subsegment = endingSubsegment(attributes);
		if (subsegment == null) {
			return;
		}
		recordAnswer(subsegment, requestId(context.response()), context.httpResponse());
		this.whitelist.recordResponse(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME),
				attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), context.response(), subsegment);
		this.recorder.endSubsegment(subsegment);
	}

	@Override
	public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
		Subsegment subsegment = endingSubsegment(attributes);
		if (subsegment == null) {
			return;
		}
		Throwable exception = context.exception();
		Optional<SdkHttpResponse> httpResponse = context.httpResponse();
		// addException marks a fault; the status below corrects it for a client error
		subsegment.addException(exception);
		int status = -1;
		String requestId = null;
		if (exception instanceof SdkServiceException service) {
			status = service.statusCode();
			requestId = service.requestId();
			Cause cause = subsegment.getCause();
			cause.setMessage(exception.getMessage());
			for (ThrowableDescription description : cause.getExceptions()) {
				if (description.getThrowable() == exception) {
					description.setRemote(true);
				}
			}
			if (service.isThrottlingException()) {
				subsegment.setThrottle(true);
				subsegment.setError(true);
			}
		}
		else if (httpResponse.isPresent()) {
			status = httpResponse.get().statusCode();
		}
		if (status >= 400 && status < 500) {
			subsegment.setFault(false);
			XRayStatus.applyStatus(subsegment, status);
		}
		else if (status >= 500) {
			subsegment.setFault(true);
		}
		if (requestId == null || UNKNOWN_REQUEST_ID.equals(requestId)) {
			requestId = context.response().map(AwsSdkTracingInterceptor::requestId).orElse(null);
		}
		recordAnswer(subsegment, requestId, httpResponse.orElse(null));
		this.recorder.endSubsegment(subsegment);
	}

	/** The subsegment of a call this interceptor records, its retries written. */
	private Subsegment endingSubsegment(ExecutionAttributes attributes) {
		Call call = ownCall(attributes);
		if (call == null || call.subsegment == null) {
			return null;
		}
		call.recordRetries();
		return call.subsegment;
	}

	private Call ownCall(ExecutionAttributes attributes) {
		Call call = attributes.getAttribute(CALL);
		return (call != null && call.owner == this) ? call : null;
	}

	/**
	 * What the SDK sends: only the root under a no-op segment, so sampling is not taken
	 * away; else the subsegment as parent, in {@code TraceHeader}'s format (written here
	 * to spare a header object and its map per call).
	 */
	private static String traceHeader(Subsegment subsegment) {
		if (!subsegment.shouldPropagate()) {
			return null;
		}
		if (subsegment.getParentSegment() instanceof NoOpSegment) {
			return "Root=" + subsegment.getTraceId();
		}
		String id = subsegment.getId();
		if (id == null || id.isEmpty()) {
			return TraceHeader.fromEntity(subsegment).toString();
		}
		return "Root=" + subsegment.getTraceId() + ";Parent=" + id
				+ (subsegment.isSampled() ? ";Sampled=1" : ";Sampled=0");
	}

	private static String requestId(SdkResponse response) {
		return (response instanceof AwsResponse aws) ? aws.responseMetadata().requestId() : null;
	}

	/**
	 * Request ids and the HTTP answer, as the SDK records them on success and failure.
	 */
	private static void recordAnswer(Subsegment subsegment, String requestId, SdkHttpResponse http) {
		if ((requestId == null || UNKNOWN_REQUEST_ID.equals(requestId)) && http != null) {
			requestId = http.firstMatchingHeader("x-amz-request-id")
				.or(() -> http.firstMatchingHeader("x-amzn-RequestId"))
				.orElse(null);
		}
		if (requestId != null && !UNKNOWN_REQUEST_ID.equals(requestId)) {
			subsegment.putAws("request_id", requestId);
		}
		if (http == null) {
			return;
		}
		http.firstMatchingHeader("x-amz-id-2").ifPresent((id2) -> subsegment.putAws("id_2", id2));
		// a HashMap as the SDK's, so the document's bytes are the same too
		Map<String, Object> response = new HashMap<>();
		response.put("status", http.statusCode());
		Optional<String> contentLength = http.firstMatchingHeader("Content-Length");
		if (contentLength.isPresent()) {
			try {
				response.put("content_length", Long.parseLong(contentLength.get()));
			}
			catch (NumberFormatException ignored) {
				// the SDK leaves an unreadable length out too
			}
		}
		subsegment.putHttp("response", response);
	}

	/** One call's state, from {@code beforeExecution} to its end. */
	private static final class Call {

		final AwsSdkTracingInterceptor owner;

		/** Null when nothing is recorded (a no-op segment, or no trace context). */
		final Subsegment subsegment;

		/** Null when the SDK would send none. */
		final String traceHeader;

		int attempts;

		Call(AwsSdkTracingInterceptor owner, Subsegment subsegment, String traceHeader) {
			this.owner = owner;
			this.subsegment = subsegment;
			this.traceHeader = traceHeader;
		}

		/** The SDK counts retries from the second attempt on; none before any attempt. */
		void recordRetries() {
			if (this.attempts > 0) {
				this.subsegment.putAws("retries", this.attempts - 1);
			}
		}

	}

}
