package com.anycompany.shop.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Stream;

import com.anycompany.shop.e2e.FormShopper.Answer;
import com.anycompany.shop.launcher.stack.LocalShop;
import org.assertj.core.api.SoftAssertions;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.xray.XRayClient;
import software.amazon.awssdk.services.xray.model.Service;
import software.amazon.awssdk.services.xray.model.Trace;
import software.amazon.awssdk.services.xray.model.TraceSummary;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The shop as people and foreign clients meet it: the six services, xray-local and the
 * local DynamoDB as {@code ./shop up} starts them; shoppers who know the storefront only
 * through its pages and type their own words; the traces read back with the AWS SDK's
 * {@code XRayClient}, the orders with its {@code DynamoDbClient}. Then the same shoppers
 * while services are killed, slowed and made to fail: what a shopper was told must be
 * what is in the Orders table.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ShoppersIT {

	private static final JsonMapper JSON = JsonMapper.shared();

	/** People as they write themselves, and countries as they name them. */
	static final List<Map<String, String>> PEOPLE = List.of(
			person("Zoë O'Brien-Müller", "zoe.obrien@example.test", "Königsallee 12, Hinterhaus, 3. OG links",
					"Düsseldorf", "40212", "Germany"),
			person("José Ángel Pérez-Ruiz", "jose.perez@example.test", "Calle de Alcalá 123, 4º B", "Madrid", "28009",
					"Spain"),
			person("Siobhán Ní Bhriain", "siobhan@example.test", "Apartment 5, The Old Mill, Ballymore Road", "Cork",
					"T12 X8Y2", "Ireland"),
			person("山田 太郎", "taro.yamada@example.test", "1-2-3 Jingumae, Shibuya-ku", "東京", "150-0001", "Japan"),
			person("D'Angelo Ngô", "dangelo@example.test",
					"Avenida Brigadeiro Faria Lima 1811, Conjunto 1104, Torre Norte, Edifício Faria Lima "
							+ "Financial Center, entrada pela Rua Tabapuã, portaria 24 horas",
					"São Paulo", "01452-001", "Brazil"),
			person("Åsa Øberg", "asa@example.test", "Storgata 1", "Oslo", "0155", "Norway"),
			person("Aoife O'Connor", "aoife@example.test", "10 Downing Street", "London", "SW1A 2AA", "United Kingdom"),
			person("Kouadio Yao", "kouadio@example.test", "Boulevard Latrille, Cocody", "Abidjan", "01 BP 1234",
					"Côte d’Ivoire"));

	private static LocalShop shop;

	private static XRayClient xray;

	private static DynamoDbClient dynamoDb;

	private static Instant started;

	@BeforeAll
	static void startShop() throws InterruptedException {
		shop = LocalShop.builder()
			.projectDir(ProjectDir.get())
			.logsDir(Path.of("target", "shoppers-logs").toAbsolutePath())
			.freePorts()
			.startTimeout(Duration.ofMinutes(4))
			.start();
		StaticCredentialsProvider local = StaticCredentialsProvider
			.create(AwsBasicCredentials.create("local", "local"));
		xray = XRayClient.builder()
			.endpointOverride(shop.consoleUrl())
			.region(Region.US_EAST_1)
			.credentialsProvider(local)
			.httpClient(UrlConnectionHttpClient.create())
			.build();
		dynamoDb = DynamoDbClient.builder()
			.endpointOverride(shop.dynamoDbEndpoint())
			.region(Region.US_EAST_1)
			.credentialsProvider(local)
			.httpClient(UrlConnectionHttpClient.create())
			.build();
		started = Instant.now().minusSeconds(5);
	}

	@AfterAll
	static void stopShop() {
		if (shop != null) {
			shop.close();
		}
	}

	@Test
	@Order(1)
	void everyShopperWhoTypesTheirOwnWordsGetsAnOrder() throws Exception {
		for (Map<String, String> person : PEOPLE) {
			FormShopper shopper = new FormShopper(shop.storefrontUrl());
			addToCart(shopper, "P-0004", "2");
			Answer placed = placeOrder(shopper, person);
			Answer confirmation = shopper.follow(placed);
			assertThat(confirmation.status()).as(person.get("Full name")).isEqualTo(200);
			String orderId = confirmation.text("order-id");
			assertThat(orderId).as(person.get("Full name")).startsWith("O-");

			Map<String, AttributeValue> stored = dynamoDb
				.getItem((get) -> get.tableName("Orders").key(Map.of("orderId", AttributeValue.fromS(orderId))))
				.item();
			assertThat(stored.get("customer").m().get("name").s()).isEqualTo(person.get("Full name"));
			assertThat(stored.get("shipping").m().get("street").s()).isEqualTo(person.get("Street and number"));
			assertThat(stored.get("shipping").m().get("country").s()).hasSize(2).isUpperCase();
			// the confirmed cart is spent: the next cart is empty
			assertThat(shopper.open("/cart").count("cart-line")).isZero();
		}
		// what a browser-less client types into the country field is understood too
		FormShopper client = new FormShopper(shop.storefrontUrl());
		addToCart(client, "P-0001", "1");
		Answer checkout = client.open("/cart/checkout");
		Answer typed = client.submit(checkout, "Place order",
				Map.of("Full name", "Ana Silva", "Email", "ana@example.test", "Street and number", "Rua Augusta 274",
						"City", "Lisboa", "Postal code", "1100-053"));
		assertThat(typed.status()).as("no country chosen").isEqualTo(400);
		assertThat(typed.fieldErrors()).containsKey("Country");
		assertThat(typed.document().selectFirst("#street").attr("value")).isEqualTo("Rua Augusta 274");
	}

	@Test
	@Order(2)
	void theMapShowsClientErrorsAsErrorsAndNothingFailed() throws Exception {
		FormShopper shopper = new FormShopper(shop.storefrontUrl());
		assertThat(shopper.open("/product/P-9999").status()).isEqualTo(404);
		assertThat(shopper.open("/products?category=%3Cb%3Ex%3C%2Fb%3E").status()).isEqualTo(400);
		addToCart(shopper, "P-0002", "1");
		Answer rejected = shopper.submit(shopper.open("/cart/checkout"), "Place order",
				Map.of("Full name", "Ana Silva", "Email", "not an email", "Street and number", "1 Main St", "City",
						"Springfield", "Postal code", "12345", "Country", "United States"));
		assertThat(rejected.status()).isEqualTo(400);
		assertThat(rejected.fieldErrors()).containsOnlyKeys("Email");

		Map<String, Service> graph = awaitGraph((services) -> errors(services.get("catalogservice")) >= 2);
		assertThat(graph).containsKeys("frontend", "catalogservice", "cartservice", "orderservice",
				"recommenderservice", "ProductCatalog", "Carts", "Orders");
		graph.values().forEach((service) -> assertThat(faults(service)).as("faults of " + service.name()).isZero());
		assertThat(errors(graph.get("frontend"))).isGreaterThanOrEqualTo(3);
		List<TraceSummary> faulted = summaries("fault");
		assertThat(faulted).isEmpty();
		List<TraceSummary> notFound = summaries("http.status = 404");
		assertThat(notFound).isNotEmpty().allSatisfy((summary) -> {
			assertThat(summary.hasError()).isTrue();
			assertThat(summary.hasFault()).isFalse();
		});
	}

	@Test
	@Order(3)
	void concurrentShoppersLeaveWholeTraces() throws Exception {
		Instant from = Instant.now().minusSeconds(1);
		ExecutorService pool = Executors.newFixedThreadPool(4);
		List<Future<?>> journeys = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			Map<String, String> person = PEOPLE.get(i % PEOPLE.size());
			journeys.add(pool.submit(() -> {
				FormShopper shopper = new FormShopper(shop.storefrontUrl());
				assertThat(shopper.open("/").status()).isEqualTo(200);
				assertThat(shopper.open("/product/P-0007").status()).isEqualTo(200);
				addToCart(shopper, "P-0007", "1");
				addToCart(shopper, "P-0013", "1");
				assertThat(shopper.open("/cart").count("cart-line")).isEqualTo(2);
				assertThat(shopper.follow(placeOrder(shopper, person)).text("order-id")).startsWith("O-");
				return null;
			}));
		}
		for (Future<?> journey : journeys) {
			journey.get();
		}
		pool.shutdown();

		// the segments reach xray-local over UDP just after each answer: wait until every
		// journey's traces are there and whole
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
			List<String> traceIds = xray
				.getTraceSummariesPaginator((request) -> request.startTime(from).endTime(Instant.now().plusSeconds(5)))
				.traceSummaries()
				.stream()
				.map(TraceSummary::id)
				.toList();
			assertThat(traceIds).hasSizeGreaterThanOrEqualTo(8 * 7);
			int remoteCalls = 0;
			for (int start = 0; start < traceIds.size(); start += 5) {
				List<String> batch = traceIds.subList(start, Math.min(start + 5, traceIds.size()));
				for (Trace trace : xray.batchGetTracesPaginator((request) -> request.traceIds(batch)).traces()) {
					remoteCalls += checkWhole(trace);
				}
			}
			assertThat(remoteCalls).isGreaterThan(8 * 10);
		});
	}

	/**
	 * The promises under the faults {@code ./shop chaos} offers: concurrent shoppers
	 * order while cartservice fails 30% of its requests, then answers 1.6 s late, and
	 * orderservice, catalogservice and cartservice are killed (the supervisor restarts
	 * them). Afterwards every order a shopper was told about is stored exactly once, no
	 * idempotency key is shared, no line of a confirmed order shows up in a later cart,
	 * and every stored order was either confirmed or shown after a reload.
	 */
	@Test
	@Order(4)
	void underFaultsWhatAShopperWasToldIsWhatIsStored() throws Exception {
		Duration length = Duration.ofSeconds(Long.getLong("shop.soak.seconds", 75));
		long end = System.nanoTime() + length.toNanos();
		Set<String> confirmedKeys = ConcurrentHashMap.newKeySet();
		Set<String> shownAfterReload = ConcurrentHashMap.newKeySet();
		Set<String> attemptedKeys = ConcurrentHashMap.newKeySet();
		List<Long> orderMillis = new CopyOnWriteArrayList<>();
		List<String> broken = new CopyOnWriteArrayList<>();
		AtomicInteger told = new AtomicInteger();
		AtomicInteger pending = new AtomicInteger();
		AtomicInteger unavailablePages = new AtomicInteger();
		Map<String, int[]> availability = new ConcurrentHashMap<>();
		ExecutorService pool = Executors.newFixedThreadPool(7);
		List<Future<?>> running = new ArrayList<>();
		for (int s = 0; s < 5; s++) {
			Map<String, String> person = PEOPLE.get(s);
			running.add(pool.submit(() -> {
				FormShopper shopper = new FormShopper(shop.storefrontUrl());
				while (System.nanoTime() < end) {
					ThreadLocalRandom random = ThreadLocalRandom.current();
					String product = String.format("P-%04d", 1 + random.nextInt(24));
					Answer added = shopper.submit(shopper.open("/product/" + product), "Add to cart",
							Map.of("Quantity", "1"));
					if (added.status() != 302) {
						unavailablePages.incrementAndGet();
						continue;
					}
					Answer checkout = shopper.open("/cart/checkout");
					if (checkout.status() != 200 || checkout.count("checkout-form") == 0) {
						unavailablePages.incrementAndGet();
						continue;
					}
					String key = checkout.document().selectFirst("input[name=idempotencyKey]").attr("value");
					String confirmedOrder = null;
					// a person submits, and on "not confirmed yet" reloads and tries
					// again
					for (int attempt = 0; attempt < 6 && confirmedOrder == null && System.nanoTime() < end; attempt++) {
						attemptedKeys.add(key);
						Answer placed = shopper.submit(checkout, "Place order", person);
						if (placed.status() == 302 && placed.location().contains("/cart/order/O-")) {
							orderMillis.add(placed.took().toMillis());
							confirmedOrder = placed.location().substring(placed.location().lastIndexOf('/') + 1);
							confirmedKeys.add(key);
							break;
						}
						if (placed.body() != null && placed.body().toLowerCase().contains("failed")) {
							broken.add("told 'failed' for " + key);
						}
						if (placed.count("order-pending") > 0) {
							pending.incrementAndGet();
						}
						// a person's pause before reloading: a deliberate pause, not a
						// wait
						Thread.sleep(500);
						Answer reload = shopper.open("/cart/checkout");
						if (reload.uri().getPath().startsWith("/cart/order/O-")) {
							confirmedOrder = reload.text("order-id");
							shownAfterReload.add(key);
							break;
						}
						if (reload.status() == 200 && reload.count("checkout-form") > 0) {
							checkout = reload;
						}
					}
					if (confirmedOrder != null) {
						told.incrementAndGet();
						Answer nextCart = shopper.open("/cart");
						if (nextCart.status() == 200 && nextCart.count("cart-line") != 0) {
							broken.add("lines of confirmed order " + confirmedOrder + " in the next cart");
						}
					}
				}
				return null;
			}));
		}
		// a person looking at the home and a product page all along
		running.add(pool.submit(() -> {
			FormShopper visitor = new FormShopper(shop.storefrontUrl());
			while (System.nanoTime() < end) {
				for (String page : List.of("/", "/product/P-0003")) {
					int status = visitor.open(page).status();
					int[] counts = availability.computeIfAbsent(page, (key) -> new int[2]);
					synchronized (counts) {
						counts[0]++;
						counts[1] += (status == 200) ? 1 : 0;
					}
				}
				// a person's pause between pages: a deliberate pause, not a wait
				Thread.sleep(200);
			}
			return null;
		}));
		// the faults, one after another, each at its share of the run
		List<String> faults = new CopyOnWriteArrayList<>();
		ScheduledExecutorService faultClock = Executors.newSingleThreadScheduledExecutor();
		running.add(at(faultClock, length, 0.10, () -> {
			chaos("cartservice", "{\"errorRate\": 0.3}");
			faults.add("cartservice errors 30%");
		}));
		running.add(at(faultClock, length, 0.30, () -> {
			chaos("cartservice", "{\"errorRate\": 0, \"latencyMs\": 1600}");
			faults.add("cartservice latency 1600 ms");
		}));
		running.add(at(faultClock, length, 0.50, () -> {
			chaos("cartservice", "{\"latencyMs\": 0}");
			shop.kill("orderservice");
			faults.add("kill orderservice");
		}));
		running.add(at(faultClock, length, 0.65, () -> {
			shop.kill("catalogservice");
			faults.add("kill catalogservice");
		}));
		running.add(at(faultClock, length, 0.80, () -> {
			shop.kill("cartservice");
			faults.add("kill cartservice");
		}));
		for (Future<?> task : running) {
			task.get();
		}
		pool.shutdown();
		faultClock.shutdown();
		shop.awaitHealthy(Duration.ofMinutes(2));

		// the table, read as the AWS SDK reads it
		Map<String, Integer> storedByKey = new HashMap<>();
		dynamoDb.scanPaginator((scan) -> scan.tableName("Orders"))
			.items()
			.forEach((item) -> storedByKey.merge(item.get("idempotencyKey").s(), 1, Integer::sum));
		Set<String> toldKeys = new HashSet<>(confirmedKeys);
		toldKeys.addAll(shownAfterReload);
		long orderP50 = percentile(orderMillis, 50);
		long orderP99 = percentile(orderMillis, 99);
		System.out.printf(
				"Soak %ds: faults %s; %d orders confirmed (%d of them after a reload), %d 'not confirmed yet' answers, "
						+ "%d pages unavailable to shoppers; home %s, product %s available; order p50 %d ms, p99 %d ms%n",
				length.toSeconds(), faults, told.get(), shownAfterReload.size(), pending.get(), unavailablePages.get(),
				share(availability.get("/")), share(availability.get("/product/P-0003")), orderP50, orderP99);

		Set<String> storedNeverShown = new HashSet<>(storedByKey.keySet());
		storedNeverShown.retainAll(attemptedKeys);
		storedNeverShown.removeAll(toldKeys);
		// every broken promise in one report, not just the first
		SoftAssertions.assertSoftly((softly) -> {
			softly.assertThat(broken).as("what shoppers were wrongly shown").isEmpty();
			softly.assertThat(told.get()).as("orders confirmed").isGreaterThanOrEqualTo(10);
			softly.assertThat(faults).as("faults injected").hasSize(5);
			for (String key : toldKeys) {
				softly.assertThat(storedByKey.get(key)).as("orders stored for confirmed key %s", key).isEqualTo(1);
			}
			softly.assertThat(storedByKey)
				.as("orders stored per idempotency key")
				.allSatisfy((key, count) -> assertThat(count).isEqualTo(1));
			softly.assertThat(storedNeverShown).as("stored orders their shopper was never shown").isEmpty();
		});
	}

	/** Schedules a fault at its share of the run's length. */
	private static Future<?> at(ScheduledExecutorService clock, Duration length, double share, Fault fault) {
		return clock.schedule(() -> {
			fault.inject();
			return null;
		}, (long) (length.toMillis() * share), TimeUnit.MILLISECONDS);
	}

	private interface Fault {

		void inject() throws Exception;

	}

	private static void chaos(String service, String body) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(shop.serviceUrl(service).resolve("/actuator/chaos"))
			.header("Content-Type", "application/json")
			.header("X-Chaos-Token", shop.chaosToken())
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as("chaos %s %s: %s", service, body, response.body()).isEqualTo(200);
	}

	private static long percentile(List<Long> values, int percent) {
		if (values.isEmpty()) {
			return -1;
		}
		List<Long> sorted = values.stream().sorted().toList();
		return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
	}

	private static String share(int[] counts) {
		return (counts == null || counts[0] == 0) ? "n/a"
				: String.format("%.1f%% of %d", 100.0 * counts[1] / counts[0], counts[0]);
	}

	/**
	 * Every parent present, every traced call to another service answered by that
	 * service's segment beneath it, and no fault while nothing failed.
	 * @return the number of remote calls checked
	 */
	private static int checkWhole(Trace trace) {
		List<JsonNode> documents = trace.segments()
			.stream()
			.map((segment) -> JSON.readTree(segment.document()))
			.toList();
		Set<String> ids = new HashSet<>();
		Map<String, JsonNode> segmentsByParent = new HashMap<>();
		List<JsonNode> entities = new ArrayList<>();
		for (JsonNode document : documents) {
			walk(document, entities);
			if (document.has("parent_id")) {
				segmentsByParent.put(document.path("parent_id").asString(), document);
			}
		}
		entities.forEach((entity) -> ids.add(entity.path("id").asString()));
		int remoteCalls = 0;
		for (JsonNode document : documents) {
			if (document.has("parent_id")) {
				assertThat(ids).as("parent of %s in %s", document.path("name").asString(), trace.id())
					.contains(document.path("parent_id").asString());
			}
		}
		for (JsonNode entity : entities) {
			assertThat(entity.path("fault").asBoolean(false))
				.as("fault on %s in %s", entity.path("name").asString(), trace.id())
				.isFalse();
			if ("remote".equals(entity.path("namespace").asString())
					&& entity.path("http").path("request").path("traced").asBoolean(false)) {
				remoteCalls++;
				JsonNode callee = segmentsByParent.get(entity.path("id").asString());
				assertThat(callee)
					.as("callee segment under the call to %s in %s", entity.path("name").asString(), trace.id())
					.isNotNull();
				assertThat(callee.path("name").asString()).isEqualTo(entity.path("name").asString());
			}
		}
		return remoteCalls;
	}

	private static void walk(JsonNode entity, List<JsonNode> into) {
		into.add(entity);
		entity.path("subsegments").forEach((child) -> walk(child, into));
	}

	private static void addToCart(FormShopper shopper, String productId, String quantity) throws Exception {
		Answer added = shopper.submit(shopper.open("/product/" + productId), "Add to cart",
				Map.of("Quantity", quantity));
		assertThat(added.status()).as("add %s", productId).isEqualTo(302);
	}

	private static Answer placeOrder(FormShopper shopper, Map<String, String> person) throws Exception {
		Answer checkout = shopper.open("/cart/checkout");
		assertThat(checkout.status()).isEqualTo(200);
		return shopper.submit(checkout, "Place order", person);
	}

	private static Map<String, String> person(String name, String email, String street, String city, String postalCode,
			String country) {
		Map<String, String> typed = new java.util.LinkedHashMap<>();
		typed.put("Full name", name);
		typed.put("Email", email);
		typed.put("Street and number", street);
		typed.put("City", city);
		typed.put("Postal code", postalCode);
		typed.put("Country", country);
		return Collections.unmodifiableMap(typed);
	}

	/**
	 * The service graph once it shows catalogservice and is {@code ready}; if it never
	 * is, the graph as it stands, for the caller's assertions to say what is missing.
	 */
	private static Map<String, Service> awaitGraph(Predicate<Map<String, Service>> ready) {
		try {
			return await().atMost(Duration.ofSeconds(20))
				.pollInterval(Duration.ofMillis(500))
				.until(ShoppersIT::serviceGraph, (graph) -> graph.containsKey("catalogservice") && ready.test(graph));
		}
		catch (ConditionTimeoutException ex) {
			return serviceGraph();
		}
	}

	private static Map<String, Service> serviceGraph() {
		Map<String, Service> byName = new HashMap<>();
		xray.getServiceGraphPaginator((request) -> request.startTime(started).endTime(Instant.now().plusSeconds(5)))
			.services()
			.stream()
			.filter((service) -> !"client".equals(service.type()))
			.forEach((service) -> byName.put(service.name(), service));
		return byName;
	}

	private static List<TraceSummary> summaries(String filter) {
		return xray.getTraceSummariesPaginator(
				(request) -> request.startTime(started).endTime(Instant.now().plusSeconds(5)).filterExpression(filter))
			.traceSummaries()
			.stream()
			.toList();
	}

	private static long faults(Service service) {
		return (service.summaryStatistics() != null && service.summaryStatistics().faultStatistics() != null)
				? service.summaryStatistics().faultStatistics().totalCount() : 0;
	}

	private static long errors(Service service) {
		return (service != null && service.summaryStatistics() != null
				&& service.summaryStatistics().errorStatistics() != null)
						? service.summaryStatistics().errorStatistics().totalCount() : 0;
	}

}
