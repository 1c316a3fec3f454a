package com.anycompany.shop.e2e;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.anycompany.shop.e2e.StorefrontSession.Page;
import com.anycompany.shop.launcher.stack.LocalShop;
import com.anycompany.shop.launcher.stack.Tracer;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.xray.XRayClient;
import software.amazon.awssdk.services.xray.model.GetServiceGraphResponse;
import software.amazon.awssdk.services.xray.model.Service;
import software.amazon.awssdk.services.xray.model.TraceSummary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The same storefront journey three times, through the launcher as {@code ./shop up} runs
 * it: traced by the X-Ray SDK ({@code --tracer xray}), by the OpenTelemetry Java agent
 * ({@code --tracer otel}) and by Spring Boot's own OpenTelemetry support
 * ({@code --tracer boot}), the last two sending OTLP to xray-local. The three service
 * maps, read through the X-Ray API, must have the same nodes (DynamoDB tables included)
 * and the same edges.
 */
class OpenTelemetryMapIT {

	/** The nodes of the journey's map, named as the X-Ray console names them. */
	private static final Set<String> JOURNEY_NODES = Set.of("client", "frontend", "catalogservice", "cartservice",
			"orderservice", "recommenderservice", "ProductCatalog (AWS::DynamoDB::Table)",
			"Carts (AWS::DynamoDB::Table)", "Orders (AWS::DynamoDB::Table)");

	@Test
	void theJourneyDrawsTheSameMapWithTheSdkTheAgentAndBootsOwnOpenTelemetry() throws Exception {
		ServiceMap sdk = journey(Tracer.XRAY);
		ServiceMap agent = journey(Tracer.OTEL);
		ServiceMap boot = journey(Tracer.BOOT);

		assertThat(sdk.nodes()).containsAll(JOURNEY_NODES);
		assertThat(boot.nodes()).isEqualTo(sdk.nodes());
		assertThat(boot.edges()).isEqualTo(sdk.edges());
		assertThat(agent.nodes()).isEqualTo(sdk.nodes());
		assertThat(agent.edges()).isEqualTo(sdk.edges());
		assertThat(sdk.edges()).contains("client -> frontend", "frontend -> cartservice", "frontend -> orderservice",
				"cartservice -> catalogservice", "catalogservice -> ProductCatalog", "cartservice -> Carts",
				"orderservice -> Orders");
		// where they differ: the agent's segments say which SDK wrote them...
		assertThat(agent.sdkNames()).containsExactly("opentelemetry for java");
		assertThat(boot.sdkNames()).containsExactly("opentelemetry for java");
		assertThat(sdk.sdkNames()).isNotEmpty().allSatisfy((name) -> assertThat(name).startsWith("X-Ray for Java"));
		// the services' searchable annotations (TraceAnnotations) are segment annotations
		// with the SDK and span attributes listed in aws.xray.annotations with the agent:
		// annotation.ProductID finds the product's traces in every mode
		assertThat(sdk.productTraces()).isPositive();
		assertThat(agent.productTraces()).isPositive();
		assertThat(boot.productTraces()).isPositive();
	}

	/** Starts the shop with this tracer, walks the storefront, reads the map, stops. */
	private static ServiceMap journey(Tracer tracer) throws Exception {
		Instant start = Instant.now().minusSeconds(5);
		try (LocalShop shop = LocalShop.builder()
			.projectDir(ProjectDir.get())
			.logsDir(Path.of("target", "otel-map-logs", tracer.name().toLowerCase()).toAbsolutePath())
			.freePorts()
			.tracer(tracer)
			.environment("SHOP_TRACING_CENTRALIZED_SAMPLING", "false")
			.startTimeout(Duration.ofMinutes(4))
			.start()) {
			StorefrontSession shopper = new StorefrontSession(shop.storefrontUrl());
			assertThat(shopper.get("/").status()).isEqualTo(200);
			Page product = shopper.get("/product/P-0001");
			assertThat(product.status()).isEqualTo(200);
			assertThat(shopper.post(product, "/cart", Map.of("quantity", "1")).status()).isEqualTo(302);
			Page checkout = shopper.get("/cart/checkout");
			assertThat(checkout.status()).isEqualTo(200);
			Page placed = shopper.post(checkout, "/cart/order", Map.of("name", "Ana Silva", "email", "ana@example.test",
					"street", "1 Main St", "city", "Springfield", "postalCode", "12345", "country", "US"));
			assertThat(placed.status()).isEqualTo(302);

			try (XRayClient xray = xray(shop.consoleUrl())) {
				// the agent exports in batches: wait for the whole journey (if it never
				// comes, the assertions on the map say what is missing)
				try {
					await().atMost(Duration.ofSeconds(30))
						.pollInterval(Duration.ofMillis(500))
						.until(() -> ServiceMap.read(xray, start).nodes().containsAll(JOURNEY_NODES));
				}
				catch (ConditionTimeoutException ex) {
					// the map read below shows what never came
				}
				// then a deliberate pause, not a wait: time for a later batch to show
				// anything that should not be there
				Thread.sleep(3000);
				return ServiceMap.read(xray, start);
			}
		}
	}

	private static XRayClient xray(URI console) {
		return XRayClient.builder()
			.endpointOverride(console)
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
			.httpClient(UrlConnectionHttpClient.create())
			.build();
	}

	/**
	 * A service map as sets of names, so two can be compared: nodes {@code name (type)}
	 * ({@code client} for the clients, the service name for instrumented services), edges
	 * {@code from -> to}; and which SDK wrote the traces' segments.
	 */
	record ServiceMap(Set<String> nodes, Set<String> edges, Set<String> sdkNames, int traces, int productTraces) {

		static ServiceMap read(XRayClient xray, Instant start) {
			Instant end = Instant.now().plusSeconds(60);
			GetServiceGraphResponse graph = xray.getServiceGraph((r) -> r.startTime(start).endTime(end));
			Map<Integer, Service> byReference = graph.services()
				.stream()
				.collect(Collectors.toMap(Service::referenceId, Function.identity()));
			Set<String> nodes = new TreeSet<>();
			Set<String> edges = new TreeSet<>();
			for (Service service : graph.services()) {
				nodes.add(node(service));
				service.edges()
					.forEach((edge) -> edges
						.add(shortName(service) + " -> " + shortName(byReference.get(edge.referenceId()))));
			}
			Set<String> sdks = new TreeSet<>();
			List<TraceSummary> summaries = xray.getTraceSummariesPaginator((r) -> r.startTime(start).endTime(end))
				.traceSummaries()
				.stream()
				.toList();
			int productTraces = xray
				.getTraceSummaries(
						(r) -> r.startTime(start).endTime(end).filterExpression("annotation.ProductID = \"P-0001\""))
				.traceSummaries()
				.size();
			for (TraceSummary summary : summaries) {
				xray.batchGetTraces((r) -> r.traceIds(summary.id()))
					.traces()
					.forEach((trace) -> trace.segments().forEach((segment) -> {
						java.util.regex.Matcher sdk = java.util.regex.Pattern.compile("\"sdk\"\\s*:\\s*\"([^\"]+)\"")
							.matcher(segment.document());
						if (sdk.find()) {
							sdks.add(sdk.group(1));
						}
					}));
			}
			return new ServiceMap(nodes, edges, sdks, summaries.size(), productTraces);
		}

		private static String node(Service service) {
			if ("client".equals(service.type())) {
				return "client";
			}
			return (service.type() == null || service.type().isEmpty()) ? service.name()
					: service.name() + " (" + service.type() + ")";
		}

		private static String shortName(Service service) {
			return "client".equals(service.type()) ? "client" : service.name();
		}

	}

}
