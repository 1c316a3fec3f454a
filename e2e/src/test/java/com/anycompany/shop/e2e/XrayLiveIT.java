package com.anycompany.shop.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import com.anycompany.shop.e2e.StorefrontSession.Page;
import com.anycompany.shop.launcher.control.FaultInjection;
import com.anycompany.shop.launcher.stack.LocalShop;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.xray.XRayClient;
import software.amazon.awssdk.services.xray.model.InsightState;
import software.amazon.awssdk.services.xray.model.InsightSummary;
import software.amazon.awssdk.services.xray.model.SamplingStatisticSummary;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * xray-local's live features against the real shop, started once, as {@code ./shop up}
 * starts it, with shoppers browsing all along and xray-local's periods shortened to 10 s
 * (XRAY_LOCAL_INSIGHTS_PERIOD): a sampling rule changed through the API reaches the
 * running services through the sampling protocol they poll; a chaos event opens an
 * insight naming the service at fault and an alarm on a group goes off, and both come
 * back after the reset.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class XrayLiveIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@TempDir
	static Path dir;

	private static LocalShop shop;

	private static XRayClient xray;

	private static FaultInjection faults;

	private static final AtomicBoolean browsing = new AtomicBoolean(true);

	/** Every product page the shoppers asked for: when, and its trace id. */
	private static final List<Request> productPages = new CopyOnWriteArrayList<>();

	private static final List<Thread> shoppers = new ArrayList<>();

	record Request(Instant at, String traceId) {
	}

	@BeforeAll
	static void startShop() throws Exception {
		Path rules = dir.resolve("sampling-rules.json");
		Files.writeString(rules, """
				{"SamplingRules": [
				  {"RuleName": "product-pages", "Priority": 10, "FixedRate": 1.0, "ReservoirSize": 1,
				   "ServiceName": "frontend", "HTTPMethod": "GET", "URLPath": "/product/*"},
				  {"RuleName": "Default", "Priority": 10000, "FixedRate": 1.0, "ReservoirSize": 1}]}
				""");
		shop = LocalShop.builder()
			.projectDir(ProjectDir.get())
			.logsDir(Path.of("target", "xray-live-logs").toAbsolutePath())
			.freePorts()
			.environment("XRAY_LOCAL_SAMPLING_RULES", rules.toString())
			.environment("XRAY_LOCAL_INSIGHTS_PERIOD", "10s")
			.environment("XRAY_LOCAL_INSIGHTS_HISTORY", "6")
			.startTimeout(Duration.ofMinutes(4))
			.start();
		xray = XRayClient.builder()
			.endpointOverride(shop.consoleUrl())
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
			.httpClient(UrlConnectionHttpClient.create())
			.build();
		faults = new FaultInjection(shop.ports(), shop.chaosToken());
		xray.createGroup((r) -> r.groupName("checkout")
			.filterExpression("service(\"orderservice\")")
			.insightsConfiguration((c) -> c.insightsEnabled(true)));
		post("/local/alarms", """
				{"AlarmName": "checkout-faults", "GroupName": "checkout", "MetricName": "FaultRate",
				 "ComparisonOperator": "GreaterThanThreshold", "Threshold": 0.2, "EvaluationPeriods": 1}
				""");
		// two shoppers browsing product pages, one placing orders
		for (int i = 0; i < 2; i++) {
			shoppers.add(start(XrayLiveIT::browse));
		}
		shoppers.add(start(XrayLiveIT::order));
	}

	@AfterAll
	static void stopShop() throws InterruptedException {
		browsing.set(false);
		for (Thread shopper : shoppers) {
			shopper.join(40_000);
		}
		if (xray != null) {
			xray.close();
		}
		if (shop != null) {
			shop.close();
		}
	}

	@Test
	@Order(1)
	void aSamplingRuleChangedThroughTheApiStopsAndRestartsTheProductPagesTraces() throws Exception {
		until("product page traces arrive", Duration.ofSeconds(60),
				() -> tracedShare(Instant.now().minusSeconds(8)) > 0.5);

		Instant changed = Instant.now();
		xray.updateSamplingRule(
				(r) -> r.samplingRuleUpdate((u) -> u.ruleName("product-pages").fixedRate(0.0).reservoirSize(0)));
		// the SDKs learn it with their next GetSamplingTargets, every 9 to 12 s
		Instant stopped = until("product page traces stop", Duration.ofSeconds(40),
				() -> tracedShare(Instant.now().minusSeconds(6)) == 0.0);
		assertThat(Duration.between(changed, stopped)).isLessThan(Duration.ofSeconds(40));
		report("product page traces stopped after UpdateSamplingRule", changed, stopped);
		Thread.sleep(6000);
		List<Request> after = since(stopped);
		assertThat(after).as("product pages asked for after the change").hasSizeGreaterThan(5);
		assertThat(traced(after)).as("none of them traced").isEmpty();
		// the rest of the shop is still traced
		assertThat(xray
			.getTraceSummaries(
					(r) -> r.startTime(stopped).endTime(Instant.now()).filterExpression("http.url CONTAINS \"/cart\""))
			.traceSummaries()).isNotEmpty();
		SamplingStatisticSummary statistics = xray.getSamplingStatisticSummaries((r) -> {
		})
			.samplingStatisticSummaries()
			.stream()
			.filter((s) -> s.ruleName().equals("product-pages"))
			.findFirst()
			.orElseThrow();
		assertThat(statistics.requestCount()).isGreaterThan(statistics.sampledCount());

		xray.updateSamplingRule(
				(r) -> r.samplingRuleUpdate((u) -> u.ruleName("product-pages").fixedRate(1.0).reservoirSize(1)));
		Instant restored = Instant.now();
		Instant back = until("product page traces come back", Duration.ofSeconds(40),
				() -> tracedShare(Instant.now().minusSeconds(6)) > 0.5);
		report("product page traces came back after UpdateSamplingRule", restored, back);
	}

	@Test
	@Order(2)
	void aChaosEventOpensAnInsightAndSetsOffAnAlarmAndBothComeBack() throws Exception {
		// a minute of healthy traffic makes the expected band
		Thread.sleep(20_000);
		Instant chaos = Instant.now();
		faults.set("recommenderservice", Map.of("errorRate", 0.5));
		faults.set("orderservice", Map.of("errorRate", 0.5));
		try {
			InsightSummary opened = await("an insight names recommenderservice", Duration.ofMinutes(2),
					() -> insight(chaos, InsightState.ACTIVE));
			report("insight opened (period 10 s)", chaos, Instant.now());
			assertThat(opened.groupName()).isEqualTo("Default");
			assertThat(opened.rootCauseServiceRequestImpactStatistics().faultCount()).isPositive();
			assertThat(opened.summary()).contains("recommenderservice");
			assertThat(xray.getInsightEvents((r) -> r.insightId(opened.insightId())).insightEvents()).isNotEmpty();
			assertThat(xray
				.getInsightImpactGraph(
						(r) -> r.insightId(opened.insightId()).startTime(chaos.minusSeconds(60)).endTime(Instant.now()))
				.services()).extracting((s) -> s.name()).contains("frontend", "recommenderservice");
			report("checkout alarm in ALARM", chaos,
					until("the checkout alarm goes off", Duration.ofMinutes(1), () -> "ALARM".equals(alarmState())));
		}
		finally {
			faults.reset("recommenderservice");
			faults.reset("orderservice");
		}
		Instant reset = Instant.now();
		InsightSummary closed = await("the insight closes", Duration.ofMinutes(1),
				() -> insight(chaos, InsightState.CLOSED));
		report("insight closed after the reset", reset, Instant.now());
		assertThat(closed.endTime()).isAfter(closed.startTime());
		report("checkout alarm OK after the reset", reset,
				until("the checkout alarm is OK again", Duration.ofMinutes(1), () -> "OK".equals(alarmState())));
		JsonNode history = get("/local/alarms").path("MetricAlarms").get(0).path("History");
		assertThat(history.findValuesAsString("NewState")).containsSubsequence("ALARM", "OK");
	}

	/** How long something took, for the build log (the figures the README quotes). */
	private static void report(String what, Instant from, Instant to) {
		System.out.printf("XrayLiveIT: %s in %.1f s%n", what, Duration.between(from, to).toMillis() / 1000.0);
	}

	private static InsightSummary insight(Instant since, InsightState state) {
		return xray.getInsightSummaries((r) -> r.startTime(since.minusSeconds(60)).endTime(Instant.now()).states(state))
			.insightSummaries()
			.stream()
			.filter((i) -> i.rootCauseServiceId().name().equals("recommenderservice"))
			.findFirst()
			.orElse(null);
	}

	private static String alarmState() throws Exception {
		return get("/local/alarms").path("MetricAlarms").get(0).path("StateValue").asString();
	}

	/** The share of product pages asked for since {@code since} that were traced. */
	private static double tracedShare(Instant since) {
		List<Request> asked = since(since).stream()
			.filter((r) -> r.at().isBefore(Instant.now().minusSeconds(2)))
			.toList();
		if (asked.size() < 3) {
			return -1;
		}
		return (double) traced(asked).size() / asked.size();
	}

	private static List<Request> since(Instant since) {
		return productPages.stream().filter((r) -> r.at().isAfter(since)).toList();
	}

	private static List<String> traced(List<Request> requests) {
		List<String> ids = requests.stream().map(Request::traceId).toList();
		List<String> found = new ArrayList<>();
		for (int i = 0; i < ids.size(); i += 5) {
			List<String> batch = ids.subList(i, Math.min(i + 5, ids.size()));
			xray.batchGetTraces((r) -> r.traceIds(batch)).traces().forEach((t) -> found.add(t.id()));
		}
		return found;
	}

	private static void browse() {
		StorefrontSession shopper = new StorefrontSession(shop.storefrontUrl());
		int i = 0;
		while (browsing.get()) {
			try {
				String path = "/product/P-000" + (1 + (i++ % 9));
				Instant at = Instant.now();
				Page page = shopper.get(path);
				if (page.traceId() != null) {
					productPages.add(new Request(at, page.traceId()));
				}
				shopper.get("/");
				Thread.sleep(300);
			}
			catch (Exception ex) {
				sleepQuietly();
			}
		}
	}

	private static void order() {
		StorefrontSession shopper = new StorefrontSession(shop.storefrontUrl());
		while (browsing.get()) {
			try {
				Page product = shopper.get("/product/P-0002");
				shopper.post(product, "/cart", Map.of("quantity", "1"));
				Page checkout = shopper.get("/cart/checkout");
				shopper.post(checkout, "/cart/order", Map.of("name", "Ana Silva", "email", "ana@example.test", "street",
						"1 Main St", "city", "Springfield", "postalCode", "12345", "country", "US"));
				Thread.sleep(500);
			}
			catch (Exception ex) {
				sleepQuietly();
			}
		}
	}

	private static void sleepQuietly() {
		try {
			Thread.sleep(500);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static Thread start(Runnable shopper) {
		Thread thread = new Thread(shopper, "shopper");
		thread.setDaemon(true);
		thread.start();
		return thread;
	}

	/** Something to poll; may throw. */
	@FunctionalInterface
	interface Probe<T> {

		T get() throws Exception;

	}

	/** Polls until {@code condition} holds; when it did. */
	private static Instant until(String what, Duration timeout, Probe<Boolean> condition) throws Exception {
		return await(what, timeout, () -> Boolean.TRUE.equals(condition.get()) ? Instant.now() : null);
	}

	/** Polls until {@code probe} answers something; what it answered. */
	private static <T> T await(String what, Duration timeout, Probe<T> probe) throws Exception {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			T value = probe.get();
			if (value != null) {
				return value;
			}
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Timed out after " + timeout + " waiting until " + what);
			}
			Thread.sleep(1000);
		}
	}

	private static JsonNode get(String path) throws Exception {
		HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(shop.consoleUrl().resolve(path)).build(),
				HttpResponse.BodyHandlers.ofString());
		return JSON.readTree(response.body());
	}

	private static void post(String path, String body) throws Exception {
		HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(shop.consoleUrl().resolve(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
	}

}
