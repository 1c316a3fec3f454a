package com.anycompany.shop.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import com.anycompany.shop.launcher.stack.LocalShop;
import com.anycompany.shop.launcher.stack.Tracer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.xray.XRayClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The OpenTelemetry services sample by the rules xray-local serves, as the SDK services
 * do against X-Ray: the agent's sampler is the contrib {@code AwsXrayRemoteSampler}
 * (extension {@code otel-xray-sampling}). The shop starts once, on the agent, with a rule
 * for the product pages that samples all of them; {@code UpdateSamplingRule} (the AWS SDK
 * for Java, against xray-local) then sets it to a quarter, and the share of product pages
 * that leave a trace follows.
 * <p>
 * The rule exists from the start and only its rate changes, because a changed rate
 * reaches a sampler with its next {@code GetSamplingTargets} (about every 10 s) while a
 * new rule waits for the next rules poll (every 5 minutes), for the agent's sampler as
 * for the SDK's. (Here the agent re-reads the rules every 10 s as well, see below, so
 * either poll may bring the new rate.) The SDK half is proven the same way, on the SDK
 * shop, by
 * {@link XrayLiveIT#aSamplingRuleChangedThroughTheApiStopsAndRestartsTheProductPagesTraces()};
 * it is not repeated here, to save a second shop start.
 */
class SamplingRulesIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	/**
	 * Requests per measurement: at a quarter, 0 or half of them sampled is < 0.1% likely.
	 */
	private static final int REQUESTS = 40;

	/**
	 * Requests per probe while waiting for the change: 0.75^20 < 0.4% of an empty one.
	 */
	private static final int PROBE = 20;

	// no reservoir: the fixed rate alone decides, so a quarter is a quarter
	private static final String PRODUCT_PAGES_AT_FULL_RATE = """
			[{"RuleName": "ProductPages", "Priority": 1, "FixedRate": 1.0, "ReservoirSize": 0,
			  "ServiceName": "frontend", "ServiceType": "*", "Host": "*", "HTTPMethod": "GET",
			  "URLPath": "/product/*"},
			 {"RuleName": "Default", "Priority": 10000, "FixedRate": 1.0, "ReservoirSize": 0}]
			""";

	@TempDir
	Path rulesDir;

	@Test
	void theAgentFollowsARuleChangedThroughTheApi() throws Exception {
		Path rules = this.rulesDir.resolve("rules.json");
		Files.writeString(rules, PRODUCT_PAGES_AT_FULL_RATE);
		try (LocalShop shop = LocalShop.builder()
			.projectDir(ProjectDir.get())
			.logsDir(Path.of("target", "sampling-logs").toAbsolutePath())
			.freePorts()
			.tracer(Tracer.OTEL)
			.environment("XRAY_LOCAL_SAMPLING_RULES", rules.toString())
			// the launcher's 10 s rules poll (Tracer) makes a first poll that xray-local
			// missed at start count for seconds, not the contrib's default 5 minutes
			.startTimeout(Duration.ofMinutes(6))
			.start(); XRayClient xray = xray(shop.consoleUrl())) {
			long started = System.nanoTime();
			StorefrontSession shopper = new StorefrontSession(shop.storefrontUrl());
			assertThat(shopper.get("/").status()).isEqualTo(200);
			// until the agent's sampler has the rules: every product page sampled
			await("product pages sampled at the rule's FixedRate 1").atMost(Duration.ofSeconds(60))
				.pollDelay(Duration.ZERO)
				.pollInterval(Duration.ofSeconds(1))
				.until(() -> share(shopper, xray, "P-0004", PROBE) >= 0.9);
			double before = share(shopper, xray, "P-0001", REQUESTS);
			assertThat(before).as("every product page sampled at FixedRate 1").isGreaterThanOrEqualTo(0.9);

			xray.updateSamplingRule((r) -> r.samplingRuleUpdate((u) -> u.ruleName("ProductPages").fixedRate(0.25)));
			Instant changed = Instant.now();
			// the agent's sampler learns the rate with its next GetSamplingTargets; with
			// always_on (or the sampler not polling) this never comes and the test fails
			await("product pages sampled at less than half").atMost(Duration.ofSeconds(60))
				.pollDelay(Duration.ZERO)
				.pollInterval(Duration.ofSeconds(1))
				.until(() -> share(shopper, xray, "P-0003", PROBE) < 0.5);
			Duration followed = Duration.between(changed, Instant.now());
			double after = share(shopper, xray, "P-0002", REQUESTS);

			JsonNode sampling = status(shop).path("sampling");
			System.out.printf(
					"agent's sampled share of product pages: %.2f, then %.2f (%d pages each) %d s after"
							+ " UpdateSamplingRule; test body %d s%n",
					before, after, REQUESTS, followed.toSeconds(),
					Duration.ofNanos(System.nanoTime() - started).toSeconds());

			assertThat(after).as("product pages at a quarter").isGreaterThan(0.0).isLessThan(0.5);
			// the agent's sampler asked xray-local for its rules and reported its counts
			assertThat(sampling.path("rulePolls").asLong()).isPositive();
			assertThat(sampling.at("/reported/ProductPages/requests").asLong()).isPositive();
		}
	}

	/** Pages of one product, then the part of them that left a trace in xray-local. */
	private static double share(StorefrontSession shopper, XRayClient xray, String product, int requests)
			throws Exception {
		Instant start = Instant.now();
		for (int i = 0; i < requests; i++) {
			assertThat(shopper.get("/product/" + product).status()).isEqualTo(200);
		}
		// the agent exports in one-second batches; what is sampled is stored in a moment
		Thread.sleep(3000);
		long traces = xray
			.getTraceSummariesPaginator((r) -> r.startTime(start)
				.endTime(Instant.now().plusSeconds(60))
				.filterExpression("annotation.ProductID = \"" + product + "\" AND service(\"frontend\")"))
			.traceSummaries()
			.stream()
			.count();
		return (double) traces / requests;
	}

	private static JsonNode status(LocalShop shop) throws IOException, InterruptedException {
		HttpResponse<String> response = HTTP.send(
				HttpRequest.newBuilder(shop.consoleUrl().resolve("/status")).timeout(Duration.ofSeconds(10)).build(),
				HttpResponse.BodyHandlers.ofString());
		return JSON.readTree(response.body());
	}

	private static XRayClient xray(URI console) {
		return XRayClient.builder()
			.endpointOverride(console)
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
			.httpClient(UrlConnectionHttpClient.create())
			.build();
	}

}
