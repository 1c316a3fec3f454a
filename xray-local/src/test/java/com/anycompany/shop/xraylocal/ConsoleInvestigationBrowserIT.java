package com.anycompany.shop.xraylocal;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.anycompany.shop.xraylocal.ingest.UdpReceiver;
import com.anycompany.shop.xraylocal.otlp.OtlpReceiver;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The console's investigation views in a real headless Chromium, without the shop: a
 * 2,000-subsegment trace recorded by the X-Ray SDK (streaming its subsegments over UDP)
 * opens in under a second and scrolls with only the rows in view in the page; the
 * annotation picker offers the most frequent values and filters by one; a trace's own map
 * shows its services and tables, coloured by its fault, and a click on a node finds it in
 * the timeline; two traces picked in the list open side by side; a product page sent as
 * OpenTelemetry spans (OTLP/HTTP, from the OpenTelemetry SDK) with its two calls in
 * parallel has only the slower call on its critical path. Screenshots go to
 * {@code console.screenshots} (default {@code target/screenshots-console}).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "xray.local.udp-port=0" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleInvestigationBrowserIT {

	private static final Path CHROMIUM = Path.of(System.getProperty("shop.chromium", "/usr/bin/chromium"));

	private static final Path CHROMEDRIVER = Path.of(System.getProperty("shop.chromedriver", "/usr/bin/chromedriver"));

	private static final Path SCREENSHOTS = Path
		.of(System.getProperty("console.screenshots", "target/screenshots-console"));

	/**
	 * Subsegments in the large trace: 400 batches of a batch, three steps and a DynamoDB
	 * call.
	 */
	private static final int SUBSEGMENTS = 2000;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	UdpReceiver udp;

	@Autowired
	OtlpReceiver otlp;

	private WebDriver browser;

	private Path profile;

	@BeforeAll
	void startTheBrowser() throws IOException {
		assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
				"Chromium and ChromeDriver are not installed (apt-get install -y chromium chromium-driver);"
						+ " skipping the console browser test");
		Files.createDirectories(SCREENSHOTS);
		this.profile = Files.createTempDirectory("xray-local-chromium");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
				"--window-size=1500,1100", "--user-data-dir=" + this.profile);
		this.browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build(), options);
	}

	@AfterAll
	void stopTheBrowser() throws IOException {
		if (this.browser != null) {
			this.browser.quit();
		}
		if (this.profile != null) {
			org.springframework.util.FileSystemUtils.deleteRecursively(this.profile);
		}
	}

	@Test
	void aTwoThousandSubsegmentTraceFromTheSdkOpensInUnderASecondAndScrolls() throws Exception {
		String traceId;
		try (SdkShop shop = new SdkShop(this.udp.port(), 20)) {
			traceId = shop.request("GET", "http://localhost:8080/report", 200, (frontend) -> {
				for (int batch = 0; batch < SUBSEGMENTS / 5; batch++) {
					shop.recorder().beginSubsegment("batch-" + batch);
					for (int step = 0; step < 3; step++) {
						shop.recorder().beginSubsegment("step-" + step);
						shop.recorder().endSubsegment();
					}
					shop.dynamo("Orders", "Query", false);
					shop.recorder().endSubsegment();
					if (batch % 20 == 0) {
						// a breath for the UDP socket: the SDK sends each streamed piece
						// at once
						SdkShop.sleep(2);
					}
				}
			});
		}
		// every streamed piece arrived and was stitched back into the segment
		org.awaitility.Awaitility.await()
			.atMost(Duration.ofSeconds(20))
			.until(() -> subsegments(traceId) == SUBSEGMENTS);

		open("/#/traces");
		await("#view-traces[data-state='ready']");
		JavascriptExecutor js = (JavascriptExecutor) this.browser;
		// from the click's hash change to the timeline drawn and painted, timed in the
		// page
		Number millis = (Number) js.executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				const t0 = performance.now();
				location.hash = '#/trace/' + arguments[0];
				const check = () => {
				  const view = document.querySelector('#view-trace');
				  if (view.dataset.state === 'ready' && view.dataset.traceId === arguments[0]) {
				    requestAnimationFrame(() => done(performance.now() - t0));
				  } else {
				    setTimeout(check, 5);
				  }
				};
				check();
				""", traceId);
		System.out.printf("2,000-subsegment trace opened in %.0f ms%n", millis.doubleValue());
		assertThat(millis.doubleValue()).isLessThan(1000);
		WebElement timeline = this.browser.findElement(By.id("timeline"));
		assertThat(timeline.getAttribute("data-virtual")).isEqualTo("true");
		// 1 segment, 2,000 subsegments, 400 inferred DynamoDB table rows
		assertThat(timeline.getAttribute("data-rows")).isEqualTo("2401");
		assertThat(this.browser.findElements(By.cssSelector("#timeline .tl-body .tl-row"))).hasSizeLessThan(120);
		screenshot("large-trace-top.png");

		// scrolled to the end in steps, each step drawn within a frame
		@SuppressWarnings("unchecked")
		List<Number> frames = (List<Number>) js.executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				const body = document.querySelector('#timeline .tl-body');
				const times = [];
				let step = 0;
				const next = () => {
				  const t0 = performance.now();
				  body.scrollTop = (body.scrollHeight - body.clientHeight) * (step + 1) / 20;
				  requestAnimationFrame(() => requestAnimationFrame(() => {
				    times.push(performance.now() - t0);
				    if (++step < 20) next(); else done(times);
				  }));
				};
				next();
				""");
		System.out.println("scroll steps (ms, two frames each): " + frames);
		await("#timeline .tl-row[data-index='2400']");
		assertThat(this.browser.findElements(By.cssSelector("#timeline .tl-body .tl-row"))).hasSizeLessThan(120);
		assertThat(this.browser.findElement(By.cssSelector("#timeline .tl-row[data-index='2400']")).isDisplayed())
			.isTrue();
		screenshot("large-trace-bottom.png");
	}

	@Test
	void theAnnotationPickerOffersTheMostFrequentValuesAndFiltersByOne() throws Exception {
		double now = System.currentTimeMillis() / 1000.0;
		List<String> documents = new ArrayList<>();
		// P-0100 on one page, P-0101 on two, ... P-0111 on twelve
		for (int product = 0; product < 12; product++) {
			for (int i = 0; i <= product; i++) {
				TestTraces.product(Json.newTraceId(), now - 30 + i, String.format("P-01%02d", product), false)
					.forEach((d) -> documents.add(d.json()));
			}
		}
		put(documents);

		open("/#/traces?filter=" + java.net.URLEncoder.encode("http.url CONTAINS \"/product/P-01\"",
				java.nio.charset.StandardCharsets.UTF_8));
		await("#annotation-key[data-keys*='ProductID']");
		new Select(this.browser.findElement(By.id("annotation-key"))).selectByValue("ProductID");
		WebElement values = await("#annotation-value[data-values]");
		assertThat(values.getAttribute("data-values"))
			.isEqualTo("P-0111,P-0110,P-0109,P-0108,P-0107,P-0106,P-0105,P-0104,P-0103,P-0102");
		screenshot("annotation-picker.png");
		new Select(values).selectByVisibleText("P-0109 (10)");
		waiting().until((d) -> d.getCurrentUrl().contains("ProductID"));
		waiting().until((d) -> "10".equals(d.findElement(By.id("view-traces")).getAttribute("data-count")));
		assertThat(this.browser.findElement(By.id("filter-input")).getAttribute("value"))
			.isEqualTo("(http.url CONTAINS \"/product/P-01\") AND annotation.ProductID = \"P-0109\"");

		// two of the list picked: compared
		List<String> ids = attributes("#trace-table input[data-pick]", "data-pick").subList(0, 2);
		for (String id : ids) {
			this.browser.findElement(By.cssSelector("#trace-table input[data-pick='" + id + "']")).click();
		}
		this.browser.findElement(By.id("compare-selected")).click();
		await("#view-compare[data-state='ready']");
		assertThat(attributes("#compare-heads [data-side]", "data-trace-id")).containsExactlyElementsOf(ids);
		assertThat(attributes("#compare-table tbody tr", "data-status")).isNotEmpty().allMatch("both"::equals);
	}

	@Test
	void aTracesOwnMapShowsItsServicesAndTablesAndFindsThemInTheTimeline() throws Exception {
		double now = System.currentTimeMillis() / 1000.0;
		String order = Json.newTraceId();
		String failing = Json.newTraceId();
		List<String> documents = new ArrayList<>();
		TestTraces.order(order, now - 20).forEach((d) -> documents.add(d.json()));
		TestTraces.product(failing, now - 19, "P-0200", true).forEach((d) -> documents.add(d.json()));
		put(documents);

		open("/#/trace/" + order);
		await("#view-trace[data-state='ready'][data-trace-id='" + order + "']");
		await("#trace-map svg .tm-node");
		assertThat(nodes()).containsEntry("frontend", "ok")
			.containsEntry("orderservice", "ok")
			.containsEntry("cartservice", "ok")
			.containsEntry("catalogservice", "ok")
			.containsEntry("Orders", "ok")
			.containsEntry("Carts", "ok")
			.containsEntry("ProductCatalog", "ok");
		assertThat(attributes("#trace-map .tm-edge", "data-edge")).contains("client->frontend",
				"frontend->orderservice", "orderservice->cartservice", "orderservice->catalogservice",
				"orderservice->Orders", "cartservice->Carts", "catalogservice->ProductCatalog");
		this.browser.findElement(By.cssSelector("#trace-map .tm-node[data-node='Carts']")).click();
		waiting()
			.until((d) -> "Carts".equals(d.findElement(By.id("segment-details")).getAttribute("data-segment-name")));
		assertThat(this.browser.findElement(By.cssSelector("#timeline .tl-row.selected")).getAttribute("data-kind"))
			.isEqualTo("inferred");
		screenshot("trace-map-order.png");

		// the recommender answered 503: red on this trace's map
		open("/#/trace/" + failing);
		await("#view-trace[data-state='ready'][data-trace-id='" + failing + "']");
		await("#trace-map svg .tm-node");
		assertThat(nodes()).containsEntry("recommenderservice", "fault").containsEntry("catalogservice", "ok");
		assertThat(attributes("#trace-map .tm-edge[data-health='fault']", "data-edge"))
			.containsExactly("frontend->recommenderservice");
		screenshot("trace-map-fault.png");
	}

	@Test
	void otlpSpansWithAParallelFanOutHaveOnlyTheSlowerCallOnTheCriticalPath() throws Exception {
		long t = System.currentTimeMillis() * 1_000_000L - 5_000_000_000L;
		long ms = 1_000_000L;
		List<SdkTracerProvider> providers = new ArrayList<>();
		try {
			Tracer frontend = tracer("frontend", providers);
			Tracer catalog = tracer("catalogservice", providers);
			Tracer recommender = tracer("recommenderservice", providers);
			Span page = server(frontend, null, "GET /product/{id}", "/product/P-0300", t, 200);
			Span toCatalog = client(frontend, page, "catalogservice", "http://127.0.0.1:8081/api/v1/product/P-0300",
					t + 10 * ms);
			Span toRecommender = client(frontend, page, "recommenderservice",
					"http://127.0.0.1:8084/api/v1/recommender/P-0300", t + 10 * ms);
			server(catalog, toCatalog, "GET /api/v1/product/{id}", "/api/v1/product/P-0300", t + 12 * ms, 200)
				.end(t + 38 * ms, java.util.concurrent.TimeUnit.NANOSECONDS);
			server(recommender, toRecommender, "GET /api/v1/recommender/{id}", "/api/v1/recommender/P-0300",
					t + 12 * ms, 200)
				.end(t + 88 * ms, java.util.concurrent.TimeUnit.NANOSECONDS);
			toCatalog.end(t + 40 * ms, java.util.concurrent.TimeUnit.NANOSECONDS);
			toRecommender.end(t + 90 * ms, java.util.concurrent.TimeUnit.NANOSECONDS);
			page.end(t + 100 * ms, java.util.concurrent.TimeUnit.NANOSECONDS);
			String hex = page.getSpanContext().getTraceId();
			String traceId = "1-" + hex.substring(0, 8) + "-" + hex.substring(8);
			org.awaitility.Awaitility.await()
				.atMost(Duration.ofSeconds(10))
				.until(() -> post("/Traces", "{\"TraceIds\":[\"" + traceId + "\"]}").contains("recommenderservice"));

			open("/#/trace/" + traceId);
			await("#view-trace[data-state='ready'][data-trace-id='" + traceId + "'] #critical-path .cp-step");
			await("#trace-map svg .tm-node");
			assertThat(nodes()).containsKeys("frontend", "catalogservice", "recommenderservice");
			assertThat(this.browser.findElement(By.id("critical-path")).getAttribute("data-top"))
				.isEqualTo("recommenderservice");
			assertThat(callCritical("recommenderservice")).isEqualTo("true");
			assertThat(callCritical("catalogservice")).isNull();
			screenshot("otlp-parallel-critical-path.png");
		}
		finally {
			providers.forEach(SdkTracerProvider::close);
		}
	}

	private String callCritical(String callee) {
		return this.browser.findElement(
				By.cssSelector("#timeline .tl-row[data-kind='subsegment'][data-service='frontend'][data-segment-name='"
						+ callee + "']"))
			.getAttribute("data-critical");
	}

	private Tracer tracer(String service, List<SdkTracerProvider> providers) {
		SdkTracerProvider provider = SdkTracerProvider.builder()
			.setResource(Resource.getDefault()
				.merge(Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), service))))
			.addSpanProcessor(SimpleSpanProcessor.create(OtlpHttpSpanExporter.builder()
				.setEndpoint("http://127.0.0.1:" + this.otlp.port() + "/v1/traces")
				.build()))
			.build();
		providers.add(provider);
		return provider.get("console-investigation-test");
	}

	private static Span server(Tracer tracer, Span parent, String name, String path, long start, long status) {
		return tracer.spanBuilder(name)
			.setParent((parent != null) ? Context.root().with(parent) : Context.root())
			.setSpanKind(SpanKind.SERVER)
			.setStartTimestamp(start, java.util.concurrent.TimeUnit.NANOSECONDS)
			.setAttribute("http.request.method", "GET")
			.setAttribute("url.path", path)
			.setAttribute("http.response.status_code", status)
			.startSpan();
	}

	private static Span client(Tracer tracer, Span parent, String callee, String url, long start) {
		return tracer.spanBuilder("GET")
			.setParent(Context.root().with(parent))
			.setSpanKind(SpanKind.CLIENT)
			.setStartTimestamp(start, java.util.concurrent.TimeUnit.NANOSECONDS)
			.setAttribute("peer.service", callee)
			.setAttribute("http.request.method", "GET")
			.setAttribute("url.full", url)
			.setAttribute("http.response.status_code", 200L)
			.startSpan();
	}

	private Map<String, String> nodes() {
		Map<String, String> nodes = new java.util.TreeMap<>();
		for (WebElement node : this.browser.findElements(By.cssSelector("#trace-map .tm-node:not(.client)"))) {
			nodes.put(node.getAttribute("data-node"), node.getAttribute("data-health"));
		}
		return nodes;
	}

	private int subsegments(String traceId) throws Exception {
		JsonNode traces = JSON.readTree(post("/Traces", "{\"TraceIds\":[\"" + traceId + "\"]}")).path("Traces");
		int count = 0;
		for (JsonNode segment : traces.path(0).path("Segments")) {
			count += count(JSON.readTree(segment.path("Document").asString()).path("subsegments"));
		}
		return count;
	}

	private static int count(JsonNode subsegments) {
		int n = 0;
		for (JsonNode s : subsegments) {
			n += 1 + count(s.path("subsegments"));
		}
		return n;
	}

	private void put(List<String> documents) throws Exception {
		String answer = post("/TraceSegments", JSON.writeValueAsString(Map.of("TraceSegmentDocuments", documents)));
		assertThat(answer).isEqualTo("{\"UnprocessedTraceSegments\":[]}");
	}

	private String post(String path, String body) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString())
			.body();
	}

	private void open(String path) {
		this.browser.get("http://127.0.0.1:" + this.port + path);
	}

	private WebDriverWait waiting() {
		return new WebDriverWait(this.browser, Duration.ofSeconds(20));
	}

	private WebElement await(String css) {
		try {
			return waiting().until((d) -> {
				List<WebElement> found = d.findElements(By.cssSelector(css));
				return found.isEmpty() ? null : found.get(0);
			});
		}
		catch (RuntimeException ex) {
			try {
				screenshot("failure.png");
				Files.writeString(SCREENSHOTS.resolve("failure.html"), this.browser.getPageSource());
			}
			catch (IOException | RuntimeException ignored) {
				ex.addSuppressed(ignored);
			}
			throw ex;
		}
	}

	private List<String> attributes(String css, String attribute) {
		return this.browser.findElements(By.cssSelector(css)).stream().map((e) -> e.getAttribute(attribute)).toList();
	}

	private void screenshot(String name) throws IOException {
		File shot = ((TakesScreenshot) this.browser).getScreenshotAs(OutputType.FILE);
		Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
	}

}
