package com.anycompany.shop.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
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

/**
 * Both tracers sample by the rules xray-local serves, as both do against X-Ray: the X-Ray
 * SDK through its centralized sampling, the OpenTelemetry agent through the contrib
 * {@code AwsXrayRemoteSampler} (extension {@code otel-xray-sampling}). The shop starts
 * through the launcher once per tracer with a rules file that samples every request; a
 * storefront page is sampled every time. Then the file gets a rule for the product pages
 * at a quarter (no reservoir), xray-local serves it (it re-reads a changed file), and the
 * share of product pages that leave a trace follows, for the SDK services and for the
 * OpenTelemetry ones alike. The agent's sampler talks to xray-local on loopback: its
 * polls are counted there.
 */
class SamplingRulesIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	/**
	 * Requests per measurement: at a quarter, 0 or half of them sampled is < 0.1% likely.
	 */
	private static final int REQUESTS = 40;

	private static final String EVERYTHING = """
			[{"RuleName": "Default", "Priority": 10000, "FixedRate": 1.0, "ReservoirSize": 0}]
			""";

	private static final String PRODUCT_PAGES_AT_A_QUARTER = """
			[{"RuleName": "ProductPages", "Priority": 1, "FixedRate": 0.25, "ReservoirSize": 0,
			  "ServiceName": "frontend", "ServiceType": "*", "Host": "*", "HTTPMethod": "GET",
			  "URLPath": "/product/*"},
			 {"RuleName": "Default", "Priority": 10000, "FixedRate": 1.0, "ReservoirSize": 0}]
			""";

	@TempDir
	Path rulesDir;

	@Test
	void bothTracersFollowARuleChangedInXrayLocal() throws Exception {
		Shares sdk = shares(Tracer.XRAY);
		Shares agent = shares(Tracer.OTEL);
		System.out.printf(
				"sampled share of product pages, before -> after the rule change: SDK %.2f -> %.2f,"
						+ " agent %.2f -> %.2f (%d pages each)%n",
				sdk.before(), sdk.after(), agent.before(), agent.after(), REQUESTS);

		assertThat(sdk.before()).as("SDK, every request sampled").isGreaterThanOrEqualTo(0.9);
		assertThat(agent.before()).as("agent, every request sampled").isGreaterThanOrEqualTo(0.9);
		assertThat(sdk.after()).as("SDK, product pages at a quarter").isGreaterThan(0.0).isLessThan(0.5);
		assertThat(agent.after()).as("agent, product pages at a quarter").isGreaterThan(0.0).isLessThan(0.5);
		// the agent's sampler asked xray-local for its rules and reported its counts
		assertThat(agent.rulePolls()).isPositive();
		assertThat(agent.reportedProductPages()).isPositive();
	}

	/** The share of product pages sampled before and after the rule change. */
	private Shares shares(Tracer tracer) throws Exception {
		Path rules = this.rulesDir.resolve(tracer.name().toLowerCase() + "-rules.json");
		Files.writeString(rules, EVERYTHING);
		try (LocalShop shop = LocalShop.builder()
			.projectDir(ProjectDir.get())
			.logsDir(Path.of("target", "sampling-logs", tracer.name().toLowerCase()).toAbsolutePath())
			.freePorts()
			.tracer(tracer)
			.environment("XRAY_LOCAL_SAMPLING_RULES", rules.toString())
			.startTimeout(Duration.ofMinutes(6))
			.start(); XRayClient xray = xray(shop.consoleUrl())) {
			StorefrontSession shopper = new StorefrontSession(shop.storefrontUrl());
			// the first rules poll happens as the services start; one page makes sure
			assertThat(shopper.get("/").status()).isEqualTo(200);
			double before = share(shopper, xray, "P-0001");

			Files.writeString(rules, PRODUCT_PAGES_AT_A_QUARTER);
			// a later modification time, however coarse the file system's clock
			Files.setLastModifiedTime(rules, FileTime.from(Instant.now().plusSeconds(2)));
			awaitRuleInUse(shop, shopper);
			double after = share(shopper, xray, "P-0002");

			JsonNode sampling = status(shop).path("sampling");
			return new Shares(before, after, sampling.path("rulePolls").asLong(),
					sampling.at("/reported/ProductPages/requests").asLong());
		}
	}

	/**
	 * Until every service has the new rule with its quota: the services report counts for
	 * the rule (so they fetched it), then one more target interval passes (so the
	 * reservoir quota, zero, has arrived and nothing is borrowed).
	 */
	private static void awaitRuleInUse(LocalShop shop, StorefrontSession shopper) throws Exception {
		long deadline = System.nanoTime() + Duration.ofMinutes(6).toNanos();
		while (status(shop).at("/sampling/reported/ProductPages/requests").asLong() == 0) {
			assertThat(System.nanoTime()).as("the services report requests under the new rule").isLessThan(deadline);
			shopper.get("/product/P-0003");
			Thread.sleep(500);
		}
		long quota = System.nanoTime() + Duration.ofSeconds(25).toNanos();
		while (System.nanoTime() < quota) {
			shopper.get("/product/P-0003");
			Thread.sleep(500);
		}
	}

	/** Pages of one product, then the part of them that left a trace in xray-local. */
	private static double share(StorefrontSession shopper, XRayClient xray, String product) throws Exception {
		Instant start = Instant.now().minusSeconds(5);
		for (int i = 0; i < REQUESTS; i++) {
			assertThat(shopper.get("/product/" + product).status()).isEqualTo(200);
		}
		// the agent exports in one-second batches; what is sampled is stored in a moment
		Thread.sleep(5000);
		long traces = xray
			.getTraceSummariesPaginator((r) -> r.startTime(start)
				.endTime(Instant.now().plusSeconds(60))
				.filterExpression("annotation.ProductID = \"" + product + "\" AND service(\"frontend\")"))
			.traceSummaries()
			.stream()
			.count();
		return (double) traces / REQUESTS;
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

	record Shares(double before, double after, long rulePolls, long reportedProductPages) {
	}

}
