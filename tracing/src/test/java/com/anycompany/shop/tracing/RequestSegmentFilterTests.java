package com.anycompany.shop.tracing;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.amazonaws.xray.AWSXRayRecorder;
import com.amazonaws.xray.AWSXRayRecorderBuilder;
import com.amazonaws.xray.config.DaemonConfiguration;
import com.amazonaws.xray.jakarta.servlet.AWSXRayServletFilter;
import com.amazonaws.xray.strategy.jakarta.SegmentNamingStrategy;
import com.amazonaws.xray.strategy.sampling.LocalizedSamplingStrategy;
import com.amazonaws.xray.strategy.sampling.SamplingRequest;
import com.amazonaws.xray.strategy.sampling.SamplingResponse;
import com.amazonaws.xray.strategy.sampling.SamplingStrategy;
import com.anycompany.shop.testsupport.XRayDaemonStub;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The request filter against the SDK's {@code AWSXRayServletFilter}: the same requests
 * through both, the datagrams read from a real UDP socket and compared field by field.
 * Where the two differ on purpose, the test says so.
 */
class RequestSegmentFilterTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final String TRACE_ID = "1-5759e988-bd862e3fe1be46a994272793";

	@RegisterExtension
	static XRayDaemonStub daemon = new XRayDaemonStub();

	private final CountingSampling sampling = new CountingSampling();

	private final SegmentEmitter emitter = emitter();

	private final AWSXRayRecorder recorder = AWSXRayRecorderBuilder.standard()
		.withEmitter(this.emitter)
		.withSamplingStrategy(this.sampling)
		.build();

	private final Filter sdk = new AWSXRayServletFilter(SegmentNamingStrategy.fixed("shop-test"), this.recorder);

	private final Filter ours = new RequestSegmentFilter(this.recorder, "shop-test",
			new ShopTracingProperties().getExcludedPaths());

	@AfterEach
	void close() throws InterruptedException {
		this.emitter.close();
		daemon.clear();
	}

	@ParameterizedTest(name = "{0} {1} -> {2}")
	@CsvSource(delimiter = '|', textBlock = """
			# trace header                                                     | path               | status
			                                                                   | /product/P-0001    | 200
			Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1 | /cart          | 200
			Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=? | /cart          | 201
			Root=1-5759e988-bd862e3fe1be46a994272793                          | /cart/items        | 404
			Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1                | /api/orders        | 429
			Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1;Lineage=a:1    | /api/orders        | 503
			Sampled=1                                                          | /products          | 302
			""")
	void writesWhatTheSdkFilterWrites(String traceHeader, String path, int status) throws Exception {
		Served bySdk = serve(this.sdk, request(traceHeader, path), okChain(status));
		Served byUs = serve(this.ours, request(traceHeader, path), okChain(status));

		assertThat(byUs.responseHeader).isEqualTo(bySdk.responseHeader.replace(bySdk.traceId(), byUs.traceId()));
		assertThat(comparable(byUs.segment, traceHeader)).isEqualTo(comparable(bySdk.segment, traceHeader));
		assertThat(byUs.segment.path("http").path("response").path("status").asInt()).isEqualTo(status);
		assertThat(byUs.segment.path("http").path("request").path("url").asString())
			.isEqualTo("http://shop.example:8080" + path);
		if (traceHeader != null && traceHeader.startsWith("Root=")) {
			assertThat(byUs.traceId()).isEqualTo(TRACE_ID);
		}
	}

	@Test
	void theFirstForwardedAddressIsTheClients() throws Exception {
		MockHttpServletRequest request = request(null, "/");
		request.addHeader("X-Forwarded-For", " 203.0.113.7 , 10.0.0.1");
		Served bySdk = serve(this.sdk, request, okChain(200));
		MockHttpServletRequest again = request(null, "/");
		again.addHeader("X-Forwarded-For", " 203.0.113.7 , 10.0.0.1");
		Served byUs = serve(this.ours, again, okChain(200));

		assertThat(byUs.segment.path("http").path("request").path("client_ip").asString()).isEqualTo("203.0.113.7");
		assertThat(byUs.segment.path("http").path("request").path("x_forwarded_for").asBoolean()).isTrue();
		assertThat(comparable(byUs.segment, null)).isEqualTo(comparable(bySdk.segment, null));
	}

	@Test
	void aCallersDecisionIsFollowedWithoutAskingTheRules() throws Exception {
		serve(this.ours, request("Root=" + TRACE_ID + ";Sampled=1", "/cart"), okChain(200));
		assertThat(this.sampling.asked).hasValue(0);
		serveUnsent(this.ours, request("Root=" + TRACE_ID + ";Sampled=0", "/cart"));
		assertThat(this.sampling.asked).hasValue(0);
		serve(this.ours, request(null, "/cart"), okChain(200));
		assertThat(this.sampling.asked).hasValue(1);

		// the SDK asks the rules even when the caller has decided: the difference
		serve(this.sdk, request("Root=" + TRACE_ID + ";Sampled=1", "/cart"), okChain(200));
		assertThat(this.sampling.asked).hasValue(2);
	}

	@Test
	void aRequestTheCallerLeftOutSendsNothingAndAnswersTheTraceId() throws Exception {
		String bySdk = serveUnsent(this.sdk, request("Root=" + TRACE_ID + ";Sampled=0", "/cart"));
		String byUs = serveUnsent(this.ours, request("Root=" + TRACE_ID + ";Sampled=0", "/cart"));
		assertThat(byUs).isEqualTo(bySdk).startsWith("Root=" + TRACE_ID);
	}

	@Test
	void aRequestTheRulesLeaveOutSendsNothing() throws Exception {
		this.sampling.sample = false;
		String bySdk = serveUnsent(this.sdk, request(null, "/"));
		String byUs = serveUnsent(this.ours, request(null, "/"));
		assertThat(byUs).isEqualTo(bySdk);
		String askedBySdk = serveUnsent(this.sdk, request("Sampled=?", "/"));
		String askedByUs = serveUnsent(this.ours, request("Sampled=?", "/"));
		assertThat(askedByUs).isEqualTo(askedBySdk).endsWith(";Sampled=0");
	}

	@Test
	void anExceptionThatEscapesIsAFaultWithTheStatusTheContainerAnswers() throws Exception {
		FilterChain failing = (request, response) -> {
			throw new IllegalStateException("the catalog is on fire");
		};
		MockHttpServletResponse response = new MockHttpServletResponse();
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> this.ours.doFilter(request(null, "/product/P-0001"), response, failing));
		JsonNode segment = daemon.awaitSegment((s) -> true, WAIT);

		assertThat(segment.path("fault").asBoolean()).isTrue();
		assertThat(segment.has("error")).isFalse();
		assertThat(segment.path("http").path("response").path("status").asInt()).isEqualTo(500);
		assertThat(segment.path("cause").path("exceptions").get(0).path("message").asString())
			.isEqualTo("the catalog is on fire");
	}

	@Test
	void anAsynchronousRequestEndsWhenTheContainerCompletesIt() throws Exception {
		MockHttpServletRequest request = request(null, "/orders/stream");
		request.setAsyncSupported(true);
		MockHttpServletResponse response = new MockHttpServletResponse();
		List<AsyncContext> started = new ArrayList<>();
		this.ours.doFilter(request, response, (req, res) -> started.add(req.startAsync()));
		assertThat(this.recorder.getTraceEntity()).as("the thread lets go of the segment").isNull();

		response.setStatus(503);
		started.get(0).complete();
		JsonNode segment = daemon.awaitSegment((s) -> true, WAIT);
		assertThat(segment.path("http").path("response").path("status").asInt()).isEqualTo(503);
		assertThat(segment.path("fault").asBoolean()).isTrue();
	}

	@ParameterizedTest
	@CsvSource({ "/actuator/health, false", "/actuator/health/readiness, false", "/css/shop.css, false",
			"/webjars/htmx/htmx.min.js, false", "/favicon.ico, false", "/error, false",
			// what the patterns see decoded and without matrix parameters is matched too
			"/%61ctuator/health, false", "/actuator;v=1/health, false", "/, true", "/products, true",
			"/product/P-0001, true", "/cart/order, true", "/errors, true", "/favicon.ico.png, true", "/actuatorx, true",
			"/api/v1/product/P-0001, true" })
	void tracesEveryPathButTheExcludedOnes(String path, boolean traced) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
		MockFilterChain chain = new MockFilterChain();
		this.ours.doFilter(request, new MockHttpServletResponse(), chain);
		assertThat(chain.getRequest()).isSameAs(request);
		sendMarker();
		List<String> sent = daemon.segments().stream().map((s) -> s.path("name").asString()).toList();
		assertThat(sent).isEqualTo(traced ? List.of("shop-test", "marker") : List.of("marker"));
	}

	private Served serve(Filter filter, MockHttpServletRequest request, FilterChain chain) throws Exception {
		daemon.clear();
		MockHttpServletResponse response = new MockHttpServletResponse();
		filter.doFilter(request, response, chain);
		assertThat(this.recorder.getTraceEntity()).as("the request's segment has ended").isNull();
		return new Served(daemon.awaitSegment((s) -> true, WAIT), response.getHeader("X-Amzn-Trace-Id"));
	}

	/** Serves a request that must send nothing; returns the trace header it answered. */
	private String serveUnsent(Filter filter, MockHttpServletRequest request) throws Exception {
		daemon.clear();
		MockHttpServletResponse response = new MockHttpServletResponse();
		filter.doFilter(request, response, okChain(200));
		sendMarker();
		assertThat(daemon.segments()).extracting((s) -> s.path("name").asString()).containsExactly("marker");
		return response.getHeader("X-Amzn-Trace-Id");
	}

	/** The emitter keeps its order: once the marker is in, anything sent before it is. */
	private void sendMarker() {
		this.recorder.beginSegment("marker");
		this.recorder.endSegment();
		daemon.awaitSegment((s) -> s.path("name").asString().equals("marker"), WAIT);
	}

	private static MockHttpServletRequest request(String traceHeader, String path) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
		request.setServerName("shop.example");
		request.setServerPort(8080);
		request.setQueryString("ref=home");
		request.setRemoteAddr("10.1.2.3");
		request.addHeader("Host", "shop.example:8080");
		request.addHeader("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Zoë's browser");
		if (traceHeader != null) {
			request.addHeader("X-Amzn-Trace-Id", traceHeader);
		}
		return request;
	}

	private static FilterChain okChain(int status) {
		return (request, response) -> {
			HttpServletResponse http = (HttpServletResponse) response;
			http.setStatus(status);
			http.setContentLength(11);
			http.getWriter().write("hello world");
		};
	}

	/** Without what differs by nature between two requests: ids and times. */
	private static JsonNode comparable(JsonNode segment, String traceHeader) {
		ObjectNode copy = (ObjectNode) segment.deepCopy();
		copy.remove(List.of("id", "start_time", "end_time"));
		if (traceHeader == null || !traceHeader.startsWith("Root=")) {
			copy.remove("trace_id");
		}
		return copy;
	}

	private static SegmentEmitter emitter() {
		try {
			DaemonConfiguration address = new DaemonConfiguration();
			address.setDaemonAddress(daemon.address());
			return new SegmentEmitter(address.getAddressForEmitter(), 1000);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record Served(JsonNode segment, String responseHeader) {

		String traceId() {
			return this.segment.path("trace_id").asString();
		}

	}

	/** Samples everything (or nothing) and counts how often it was asked. */
	private static final class CountingSampling implements SamplingStrategy {

		private final SamplingStrategy rules = new LocalizedSamplingStrategy();

		final AtomicInteger asked = new AtomicInteger();

		volatile boolean sample = true;

		@Override
		public SamplingResponse shouldTrace(SamplingRequest request) {
			this.asked.incrementAndGet();
			return new SamplingResponse(this.sample);
		}

		@Override
		public boolean isForcedSamplingSupported() {
			return this.rules.isForcedSamplingSupported();
		}

	}

}
