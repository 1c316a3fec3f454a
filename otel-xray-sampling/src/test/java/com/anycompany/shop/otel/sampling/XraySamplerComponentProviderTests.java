package com.anycompany.shop.otel.sampling;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.incubator.config.DeclarativeConfigProperties;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceId;
import io.opentelemetry.common.ComponentLoader;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.autoconfigure.spi.internal.DefaultConfigProperties;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingDecision;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The {@code xray} sampler of the agent's declarative configuration against a stand-in
 * for the daemon's sampling port on loopback: it asks the endpoint it is given for the
 * rules, and decides by them on spans written with the stable HTTP conventions (as the
 * agent writes them), a rule's service name matched against the configured one.
 */
class XraySamplerComponentProviderTests {

	/** Product pages of the frontend never sampled; everything else always. */
	private static final String RULES = """
			{"SamplingRuleRecords": [
			 {"SamplingRule": {"RuleName": "ProductPages", "RuleARN": "arn:aws:xray:us-east-1:000000000000:sampling-rule/ProductPages",
			  "ResourceARN": "*", "Priority": 1, "FixedRate": 0.0, "ReservoirSize": 0, "ServiceName": "frontend",
			  "ServiceType": "*", "Host": "*", "HTTPMethod": "GET", "URLPath": "/product/*", "Version": 1, "Attributes": {}},
			  "CreatedAt": 1.7e9, "ModifiedAt": 1.7e9},
			 {"SamplingRule": {"RuleName": "Default", "RuleARN": "arn:aws:xray:us-east-1:000000000000:sampling-rule/Default",
			  "ResourceARN": "*", "Priority": 10000, "FixedRate": 1.0, "ReservoirSize": 0, "ServiceName": "*",
			  "ServiceType": "*", "Host": "*", "HTTPMethod": "*", "URLPath": "*", "Version": 1, "Attributes": {}},
			  "CreatedAt": 1.7e9, "ModifiedAt": 1.7e9}]}
			""";

	private HttpServer daemon;

	private final List<String> calls = new CopyOnWriteArrayList<>();

	@BeforeEach
	void startDaemon() throws IOException {
		this.daemon = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
		this.daemon.createContext("/GetSamplingRules", (exchange) -> answer(exchange, RULES));
		this.daemon.createContext("/SamplingTargets", (exchange) -> answer(exchange,
				"{\"SamplingTargetDocuments\": [], \"LastRuleModification\": 1.7e9, \"UnprocessedStatistics\": []}"));
		this.daemon.start();
	}

	@AfterEach
	void stopDaemon() {
		this.daemon.stop(0);
	}

	@Test
	void samplesByTheRulesOfTheEndpointItIsGiven() {
		Sampler sampler = new XraySamplerComponentProvider().create(config(Map.of("endpoint",
				"http://127.0.0.1:" + this.daemon.getAddress().getPort(), "service_name", "frontend")));
		await().atMost(Duration.ofSeconds(10)).until(() -> this.calls.contains("/GetSamplingRules"));
		// the rules are in use once a product page is dropped
		await().atMost(Duration.ofSeconds(10)).until(() -> decide(sampler, "/product/P-0001") == SamplingDecision.DROP);
		for (int i = 0; i < 20; i++) {
			assertThat(decide(sampler, "/product/P-000" + (i % 10))).isEqualTo(SamplingDecision.DROP);
			assertThat(decide(sampler, "/cart")).isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
		}
	}

	@Test
	void otelTracesSamplerXrayGetsTheSameSampler() {
		Sampler sampler = new XraySamplerProvider().createSampler(DefaultConfigProperties.createFromMap(
				Map.of("otel.traces.sampler.arg", "endpoint=http://127.0.0.1:" + this.daemon.getAddress().getPort(),
						"otel.service.name", "frontend")));
		await().atMost(Duration.ofSeconds(10)).until(() -> decide(sampler, "/product/P-0001") == SamplingDecision.DROP);
		assertThat(decide(sampler, "/cart")).isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
	}

	@Test
	void aRuleForAnotherServiceDoesNotApply() {
		Sampler sampler = new XraySamplerComponentProvider().create(config(Map.of("endpoint",
				"http://127.0.0.1:" + this.daemon.getAddress().getPort(), "service_name", "catalogservice")));
		await().atMost(Duration.ofSeconds(10)).until(() -> this.calls.contains("/GetSamplingRules"));
		// give the rules time to arrive, then: the frontend's rule is not
		// catalogservice's
		await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> true);
		for (int i = 0; i < 20; i++) {
			assertThat(decide(sampler, "/product/P-0001")).isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
		}
	}

	@Test
	void theOldConventionsAreAddedOnlyWhereMissing() {
		Attributes stable = Attributes.of(AttributeKey.stringKey("http.request.method"), "GET",
				AttributeKey.stringKey("url.path"), "/product/P-0001", AttributeKey.stringKey("url.query"), "tab=1",
				AttributeKey.stringKey("server.address"), "shop.example");
		Attributes both = OldHttpConventions.withOldNames(stable);
		assertThat(both.get(AttributeKey.stringKey("http.method"))).isEqualTo("GET");
		assertThat(both.get(AttributeKey.stringKey("http.target"))).isEqualTo("/product/P-0001?tab=1");
		assertThat(both.get(AttributeKey.stringKey("http.host"))).isEqualTo("shop.example");
		Attributes old = Attributes.of(AttributeKey.stringKey("http.request.method"), "GET",
				AttributeKey.stringKey("http.method"), "POST");
		assertThat(OldHttpConventions.withOldNames(old).get(AttributeKey.stringKey("http.method"))).isEqualTo("POST");
		Attributes none = Attributes.of(AttributeKey.stringKey("rpc.system"), "aws-api");
		assertThat(OldHttpConventions.withOldNames(none)).isSameAs(none);
	}

	private static SamplingDecision decide(Sampler sampler, String path) {
		Attributes attributes = Attributes.of(AttributeKey.stringKey("http.request.method"), "GET",
				AttributeKey.stringKey("url.path"), path, AttributeKey.stringKey("url.scheme"), "http",
				AttributeKey.stringKey("server.address"), "localhost");
		return sampler
			.shouldSample(Context.root(), TraceId.fromLongs(1, 2), "GET", SpanKind.SERVER, attributes, List.of())
			.getDecision();
	}

	private void answer(HttpExchange exchange, String body) throws IOException {
		this.calls.add(exchange.getRequestURI().getPath());
		exchange.getRequestBody().readAllBytes();
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(200, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	/** The properties a YAML node would give, from a map. */
	private static DeclarativeConfigProperties config(Map<String, Object> values) {
		return new DeclarativeConfigProperties() {

			@Override
			public String getString(String name) {
				return (values.get(name) instanceof String s) ? s : null;
			}

			@Override
			public Boolean getBoolean(String name) {
				return (values.get(name) instanceof Boolean b) ? b : null;
			}

			@Override
			public Integer getInt(String name) {
				return (values.get(name) instanceof Number n) ? n.intValue() : null;
			}

			@Override
			public Long getLong(String name) {
				return (values.get(name) instanceof Number n) ? n.longValue() : null;
			}

			@Override
			public Double getDouble(String name) {
				return (values.get(name) instanceof Number n) ? n.doubleValue() : null;
			}

			@Override
			public <T> List<T> getScalarList(String name, Class<T> scalarType) {
				return null;
			}

			@Override
			public DeclarativeConfigProperties getStructured(String name) {
				return null;
			}

			@Override
			public List<DeclarativeConfigProperties> getStructuredList(String name) {
				return null;
			}

			@Override
			public Set<String> getPropertyKeys() {
				return values.keySet();
			}

			@Override
			public ComponentLoader getComponentLoader() {
				return ComponentLoader.forClassLoader(getClass().getClassLoader());
			}

		};
	}

}
