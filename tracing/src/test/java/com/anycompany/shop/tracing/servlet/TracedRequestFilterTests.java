package com.anycompany.shop.tracing.servlet;

import java.io.IOException;
import java.net.SocketException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.amazonaws.xray.AWSXRayRecorder;
import com.amazonaws.xray.AWSXRayRecorderBuilder;
import com.amazonaws.xray.config.DaemonConfiguration;
import com.amazonaws.xray.emitters.UDPEmitter;
import com.amazonaws.xray.entities.Entity;
import com.amazonaws.xray.jakarta.servlet.AWSXRayServletFilter;
import com.amazonaws.xray.strategy.jakarta.SegmentNamingStrategy;
import com.amazonaws.xray.strategy.sampling.SamplingRequest;
import com.amazonaws.xray.strategy.sampling.SamplingResponse;
import com.amazonaws.xray.strategy.sampling.SamplingStrategy;
import com.anycompany.shop.testsupport.XRayDaemonStub;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The corrections {@link TracedRequestFilter} makes around the SDK's
 * {@code AWSXRayServletFilter}, read from the datagrams the SDK's {@code UDPEmitter}
 * sends to a real UDP socket. Each test fails with the SDK's filter alone.
 */
class TracedRequestFilterTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final String TRACE_ID = "1-5759e988-bd862e3fe1be46a994272793";

	@RegisterExtension
	static XRayDaemonStub daemon = new XRayDaemonStub();

	/** The service's rules: a reservoir of one request, then nothing. */
	private final ReservoirOfOne rules = new ReservoirOfOne();

	private final AWSXRayRecorder recorder = AWSXRayRecorderBuilder.standard()
		.withEmitter(udpEmitter())
		.withSamplingStrategy(new CallerDecisionSampling(this.rules))
		.build();

	private final TracedRequestFilter filter = new TracedRequestFilter(
			new AWSXRayServletFilter(SegmentNamingStrategy.fixed("shop-test"), this.recorder), this.recorder,
			List.of("/actuator/**", "/css/**"));

	@AfterEach
	void clear() {
		daemon.clear();
	}

	/**
	 * The caller's {@code Sampled=1} is followed without asking the rules: the rules'
	 * reservoir is still there for the next request that arrives undecided, and only that
	 * request's segment names the rule.
	 */
	@Test
	void aCallersSampledIsFollowedWithoutSpendingTheRulesReservoir() throws Exception {
		serve(request("/cart", "Root=" + TRACE_ID + ";Parent=53995c3f42cd8ad8;Sampled=1"), 200);
		serve(request("/product/P-0001", null), 200);

		JsonNode followed = daemon.awaitSegment((s) -> url(s).endsWith("/cart"), WAIT);
		assertThat(followed.path("trace_id").asString()).isEqualTo(TRACE_ID);
		assertThat(followed.path("parent_id").asString()).isEqualTo("53995c3f42cd8ad8");
		assertThat(followed.path("aws").path("xray").has("rule_name")).isFalse();
		JsonNode decided = daemon.awaitSegment((s) -> url(s).endsWith("/product/P-0001"), WAIT);
		assertThat(decided.path("aws").path("xray").path("rule_name").asString()).isEqualTo("reservoir");
		assertThat(this.rules.asked).hasValue(1);
	}

	/** The caller's {@code Sampled=0}: nothing sent, the rules not asked. */
	@Test
	void aCallersNotSampledIsFollowedWithoutAskingTheRules() throws Exception {
		MockHttpServletResponse response = serve(request("/cart", "Root=" + TRACE_ID + ";Sampled=0"), 200);
		assertThat(response.getHeader("X-Amzn-Trace-Id")).isEqualTo("Root=" + TRACE_ID + ";");
		assertThat(this.rules.asked).hasValue(0);

		serve(request("/after", null), 200);
		daemon.awaitSegment((s) -> url(s).endsWith("/after"), WAIT);
		assertThat(daemon.documents()).noneMatch((d) -> TRACE_ID.equals(d.path("trace_id").asString()));
	}

	/**
	 * An exception nothing handled: the container answers 500, and so does the segment
	 * (the SDK's filter alone writes the 200 the response still held).
	 */
	@Test
	void anExceptionThatEscapesEveryHandlerIsAFaultWithStatus500() {
		MockHttpServletRequest request = request("/unhandled", null);
		MockHttpServletResponse response = new MockHttpServletResponse();
		assertThatExceptionOfType(ServletException.class)
			.isThrownBy(() -> this.filter.doFilter(request, response, (req, res) -> {
				throw new ServletException("Request processing failed", new IllegalStateException("boom"));
			}));

		JsonNode segment = daemon.awaitSegment((s) -> url(s).endsWith("/unhandled"), WAIT);
		assertThat(segment.path("http").path("response").path("status").asInt()).isEqualTo(500);
		assertThat(segment.path("fault").asBoolean()).isTrue();
		assertThat(segment.path("error").asBoolean(false)).isFalse();
		assertThat(segment.path("cause").path("exceptions").get(0).path("message").asString())
			.isEqualTo("Request processing failed");
		assertThat(response.getStatus()).isEqualTo(500);
	}

	/** An answer already on its way keeps its status; the segment is still a fault. */
	@Test
	void anExceptionAfterTheAnswerBeganKeepsItsStatus() {
		MockHttpServletRequest request = request("/streaming", null);
		MockHttpServletResponse response = new MockHttpServletResponse();
		assertThatExceptionOfType(IOException.class)
			.isThrownBy(() -> this.filter.doFilter(request, response, (req, res) -> {
				res.getOutputStream().write('x');
				res.flushBuffer();
				throw new IOException("connection reset");
			}));

		JsonNode segment = daemon.awaitSegment((s) -> url(s).endsWith("/streaming"), WAIT);
		assertThat(segment.path("http").path("response").path("status").asInt()).isEqualTo(200);
		assertThat(segment.path("fault").asBoolean()).isTrue();
	}

	/**
	 * Health probes and static assets get no segment, and their work runs inside a no-op
	 * segment, so it is not reported as lost context.
	 */
	@Test
	void excludedPathsAreUntracedOnPurpose() throws Exception {
		AtomicReference<Entity> during = new AtomicReference<>();
		for (String path : List.of("/actuator/health", "/css/shop.css", "/actuator;jsessionid=1/health")) {
			MockHttpServletRequest request = request(path, null);
			this.filter.doFilter(request, new MockHttpServletResponse(),
					(req, res) -> during.set(this.recorder.getTraceEntity()));
			assertThat(during.get()).as(path).isNotNull();
			assertThat(during.get().getParentSegment().isRecording()).as(path).isFalse();
			assertThat(this.recorder.getTraceEntity()).isNull();
		}
		serve(request("/after", null), 200);
		daemon.awaitSegment((s) -> url(s).endsWith("/after"), WAIT);
		assertThat(daemon.segments()).noneMatch((s) -> url(s).contains("/actuator") || url(s).contains("/css"));
		assertThat(this.rules.asked).hasValue(1);
	}

	private MockHttpServletResponse serve(MockHttpServletRequest request, int status)
			throws ServletException, IOException {
		MockHttpServletResponse response = new MockHttpServletResponse();
		FilterChain answer = (req, res) -> response.setStatus(status);
		this.filter.doFilter(request, response, answer);
		return response;
	}

	private static MockHttpServletRequest request(String path, String traceHeader) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
		request.setServerName("shop.example");
		if (traceHeader != null) {
			request.addHeader("X-Amzn-Trace-Id", traceHeader);
		}
		return request;
	}

	private static String url(JsonNode segment) {
		return segment.path("http").path("request").path("url").asString();
	}

	private static UDPEmitter udpEmitter() {
		DaemonConfiguration daemonConfiguration = new DaemonConfiguration();
		daemonConfiguration.setDaemonAddress(daemon.address());
		try {
			return new UDPEmitter(daemonConfiguration);
		}
		catch (SocketException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Samples the first request it is asked about, then none; counts the questions. */
	static final class ReservoirOfOne implements SamplingStrategy {

		final AtomicInteger asked = new AtomicInteger();

		@Override
		public SamplingResponse shouldTrace(SamplingRequest request) {
			return new SamplingResponse(this.asked.incrementAndGet() == 1, "reservoir");
		}

		@Override
		public boolean isForcedSamplingSupported() {
			return false;
		}

	}

}
