package com.anycompany.shop.tracing;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

import com.amazonaws.xray.AWSXRayRecorder;
import com.amazonaws.xray.jakarta.servlet.AWSXRayServletFilter;
import com.amazonaws.xray.strategy.jakarta.SegmentNamingStrategy;
import com.amazonaws.xray.strategy.sampling.LocalizedSamplingStrategy;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * What the incoming-request side of tracing costs a request thread: the X-Ray SDK's
 * {@code AWSXRayServletFilter} on a recorder with the SDK's own thread context, against
 * {@link RequestSegmentFilter} on a recorder with {@link ThreadSegmentContext}, side by
 * side in one JVM, in alternating rounds after a warm-up. Four kinds of request: one that
 * starts a trace and is sampled, one a caller sampled ({@code Sampled=1}), one a caller
 * left out ({@code Sampled=0}) and one that starts a trace the rules leave out (most
 * requests under the default rule). Sampling rules are the SDK's local ones, read from a
 * file, so the SDK filter's rule matching costs what it costs in a service. Segments go
 * to an emitter that sends nothing: sending is measured elsewhere. Prints CPU nanoseconds
 * and allocated bytes per request and the ratio of the filters' own share (over a filter
 * that only calls the chain). A benchmark that prints figures, not a test: run it with
 * {@code scripts/benchmark-tracing-hooks.sh request-filter}.
 * <p>
 * Arguments: seconds of warm-up (default 5), rounds (7), milliseconds per round (500).
 */
public final class RequestFilterBenchmark {

	private static final String TRACE = "1-5759e988-bd862e3fe1be46a994272793";

	private static long sink;

	private RequestFilterBenchmark() {
	}

	public static void main(String[] args) throws IOException {
		int warmUpSeconds = Benchmarks.argument(args, 0, 5);
		int rounds = Benchmarks.argument(args, 1, 7);
		int roundMillis = Benchmarks.argument(args, 2, 500);
		Benchmarks.printJvm();
		System.out.printf("%-50s %10s %16s %8s%n", "per request (median of " + rounds + " rounds)", "CPU ns",
				"allocated bytes", "ratio");
		FilterChain chain = (request, response) -> sink += response.hashCode();
		for (Case kind : Case.values()) {
			URL rules = rules(kind.rulesSample);
			AWSXRayRecorder sdkRecorder = Benchmarks.recorderSendingNothing()
				.withSamplingStrategy(new LocalizedSamplingStrategy(rules))
				.withSegmentListener(new TraceIdMdcListener())
				.withFastIdGenerator()
				.build();
			AWSXRayRecorder ourRecorder = Benchmarks.recorderSendingNothing()
				.withSamplingStrategy(new LocalizedSamplingStrategy(rules))
				.withSegmentListener(new TraceIdMdcListener())
				.withSegmentContextResolverChain(ThreadSegmentContext.resolverChain())
				.withFastIdGenerator()
				.build();
			Filter sdk = new AWSXRayServletFilter(SegmentNamingStrategy.fixed("catalogservice"), sdkRecorder);
			Filter ours = new RequestSegmentFilter(ourRecorder, "catalogservice",
					new ShopTracingProperties().getExcludedPaths());
			Filter none = (request, response, next) -> next.doFilter(request, response);
			MockHttpServletRequest request = request(kind.traceHeader);
			Runnable floor = () -> serve(none, request, chain);
			Runnable withSdk = () -> serve(sdk, request, chain);
			Runnable withOurs = () -> serve(ours, request, chain);
			double[][] results = Benchmarks.alternate(warmUpSeconds, rounds, roundMillis, floor, withSdk, withOurs);
			double floorNanos = results[0][0];
			double sdkNanos = results[1][0];
			double ourNanos = results[2][0];
			System.out.println(kind.label + ":");
			System.out.printf("  %-48s %10.0f %16.0f%n", "no tracing (the chain and a response)", floorNanos,
					results[0][1]);
			System.out.printf("  %-48s %10.0f %16.0f%n", "+ SDK AWSXRayServletFilter, SDK context", sdkNanos,
					results[1][1]);
			System.out.printf("  %-48s %10.0f %16.0f %7.1fx%n", "+ RequestSegmentFilter, ThreadSegmentContext",
					ourNanos, results[2][1], (sdkNanos - floorNanos) / (ourNanos - floorNanos));
		}
		System.out.println("(sink " + sink + ")");
	}

	private static void serve(Filter filter, MockHttpServletRequest request, FilterChain chain) {
		try {
			filter.doFilter(request, new MockHttpServletResponse(), chain);
		}
		catch (IOException | ServletException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A catalog request as a frontend sends it. */
	private static MockHttpServletRequest request(String traceHeader) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/products/OLJCESPC7Z");
		request.setServerName("catalogservice");
		request.setServerPort(8081);
		request.setRemoteAddr("10.0.3.17");
		request.addHeader("Host", "catalogservice:8081");
		request.addHeader("User-Agent", "Java-http-client/17.0.17");
		request.addHeader("Accept", "application/json");
		request.addHeader("X-Shop-Budget-Ms", "2000");
		if (traceHeader != null) {
			request.addHeader("X-Amzn-Trace-Id", traceHeader);
		}
		return request;
	}

	/** Local sampling rules that sample every request, or none. */
	private static URL rules(boolean sample) throws IOException {
		Path file = Files.createTempFile("sampling-rules", ".json");
		file.toFile().deleteOnExit();
		Files.writeString(file, "{ \"version\": 2, \"rules\": [], \"default\": { \"fixed_target\": %d, \"rate\": %s } }"
			.formatted(sample ? 1 : 0, sample ? "1.0" : "0.0"));
		return file.toUri().toURL();
	}

	/** The kinds of request, with the header they carry and what the rules say. */
	private enum Case {

		ROOT_SAMPLED("starts a trace, sampled", null, true),
		CALLER_SAMPLED("a caller's sampled request (Sampled=1)", "Root=" + TRACE + ";Parent=53995c3f42cd8ad8;Sampled=1",
				true),
		CALLER_LEFT_OUT("a caller's unsampled request (Sampled=0)", "Root=" + TRACE + ";Sampled=0", true),
		ROOT_LEFT_OUT("starts a trace the rules leave out", null, false);

		final String label;

		final String traceHeader;

		final boolean rulesSample;

		Case(String label, String traceHeader, boolean rulesSample) {
			this.label = label;
			this.traceHeader = traceHeader;
			this.rulesSample = rulesSample;
		}

	}

}
