package com.anycompany.shop.xraylocal;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The service map's layout as a person sees it, read back from the drawn graph in a real
 * headless Chromium: for the shop's graph and a synthetic one of 30 services and 60
 * calls, at 1280x800 and 1920x1080, no node overlaps a node or a label, edge labels do
 * not overlap, edges go round the nodes they do not join, and the whole graph is in view
 * when the page opens; a refresh with new numbers moves nothing. Then the latency drag on
 * an edge, and Analytics comparing before and during a recommender outage. Screenshots in
 * target/.
 */
// a context of its own (the limit differs from ConsoleBrowserIT's), so neither sees the
// other's traces
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "xray.local.udp-port=0", "xray.local.max-traces=6000" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleMapBrowserIT {

	private static final Path CHROMIUM = Path.of(System.getProperty("shop.chromium", "/usr/bin/chromium"));

	private static final Path CHROMEDRIVER = Path.of(System.getProperty("shop.chromedriver", "/usr/bin/chromedriver"));

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * Every circle, node label and edge label, and every edge's drawn path, in model
	 * coordinates.
	 */
	private static final String LAYOUT_REPORT = """
			const cy = window.xrayLocal.map();
			const only = { includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false, includeUnderlays: false };
			const plain = (b) => ({ x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2 });
			const boxes = [];
			cy.nodes().forEach((n) => {
			  boxes.push({ id: 'node ' + n.id(), owner: n.id(), ...plain(n.boundingBox({ includeLabels: false, includeOverlays: false, includeUnderlays: false })) });
			  const label = n.boundingBox(only);
			  if (n.data('label') && Number.isFinite(label.x1)) boxes.push({ id: 'label of ' + n.id(), owner: n.id(), ...plain(label) });
			});
			cy.edges().forEach((e) => {
			  const label = e.boundingBox(only);
			  if (e.data('label') && Number.isFinite(label.x1)) boxes.push({ id: 'label of edge ' + e.id(), owner: 'edge ' + e.id(), ...plain(label) });
			});
			const hit = (a, b) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
			const overlaps = [];
			for (let i = 0; i < boxes.length; i++)
			  for (let j = i + 1; j < boxes.length; j++)
			    if (boxes[i].owner !== boxes[j].owner && hit(boxes[i], boxes[j])) overlaps.push(boxes[i].id + ' / ' + boxes[j].id);
			const crosses = (p, q, b) => {
			  let t0 = 0, t1 = 1;
			  const dx = q.x - p.x, dy = q.y - p.y;
			  for (const [pp, qq] of [[-dx, p.x - b.x1], [dx, b.x2 - p.x], [-dy, p.y - b.y1], [dy, b.y2 - p.y]]) {
			    if (pp === 0) { if (qq < 0) return false; continue; }
			    const t = qq / pp;
			    if (pp < 0) { if (t > t1) return false; if (t > t0) t0 = t; } else { if (t < t0) return false; if (t < t1) t1 = t; }
			  }
			  return t0 < t1;
			};
			const crossings = [];
			cy.edges().forEach((e) => {
			  const path = [e.sourceEndpoint(), ...(e.segmentPoints() || []), e.targetEndpoint()];
			  for (const b of boxes) {
			    if (b.owner === e.source().id() || b.owner === e.target().id() || b.owner === 'edge ' + e.id()) continue;
			    for (let i = 0; i + 1 < path.length; i++) if (crosses(path[i], path[i + 1], b)) { crossings.push(e.id() + ' over ' + b.id); break; }
			  }
			});
			const all = cy.elements().renderedBoundingBox({ includeOverlays: false, includeUnderlays: false });
			const positions = {};
			cy.nodes().forEach((n) => { positions[n.id()] = Math.round(n.position('x') * 10) / 10 + ',' + Math.round(n.position('y') * 10) / 10; });
			return { overlaps, crossings, boxes: boxes.length, nodes: cy.nodes().length, edges: cy.edges().length,
			  inView: all.x1 >= 0 && all.y1 >= 0 && all.x2 <= cy.width() && all.y2 <= cy.height(),
			  view: [all.x1, all.y1, all.x2, all.y2, cy.width(), cy.height()].map((v) => Math.round(v)).join(' '),
			  zoom: cy.zoom(), positions, layouts: document.getElementById('map').dataset.layouts };
			"""
		.replace("Math::round", "Math.round");

	@LocalServerPort
	int port;

	private ChromeDriver browser;

	private Path profile;

	private double now;

	@BeforeAll
	void feedTracesAndStartTheBrowser() throws Exception {
		assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
				"Chromium and ChromeDriver are not installed (apt-get install -y chromium chromium-driver);"
						+ " skipping the console map browser test");
		this.now = System.currentTimeMillis() / 1000.0;
		// a shop at work: 9 to 5 minutes ago all is well; then the recommender is down
		// for every other product page
		List<Json> documents = new ArrayList<>();
		for (int i = 0; i < 64; i++) {
			documents.addAll(ConsoleTraces.journeyPage(i, this.now - 540 + i * 3.5, false));
		}
		for (int i = 0; i < 64; i++) {
			documents.addAll(ConsoleTraces.journeyPage(i, this.now - 290 + i * 4, i % 8 == 1));
		}
		for (int t = 0; t < 3; t++) {
			documents.addAll(ConsoleTraces.synthetic(this.now - 200 + t * 30, 30, 60, 11));
		}
		put(documents);
		post("/CreateGroup", Map.of("GroupName", "shop", "FilterExpression", "service(\"frontend\")"));
		post("/CreateGroup",
				Map.of("GroupName", "synthetic", "FilterExpression", "annotation.dataset = \"synthetic\""));

		this.profile = Files.createTempDirectory("xray-local-chromium");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
				"--window-size=1920,1080", "--user-data-dir=" + this.profile);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		this.browser = new ChromeDriver(service, options);
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
	@Order(1)
	void theShopsMapHasNoOverlapsAndFitsAtBothSizes() throws IOException {
		for (int[] size : new int[][] { { 1280, 800 }, { 1920, 1080 } }) {
			Map<String, Object> report = openMap("shop", size, 9);
			assertLaidOutCleanly(report, 10, 13);
			screenshot("console-map-shop-" + size[0] + "x" + size[1] + ".png");
			// left to right: clients, the entry service, its callees, the tables
			@SuppressWarnings("unchecked")
			Map<String, String> positions = (Map<String, String>) report.get("positions");
			assertThat(x(positions, "client|frontend")).isLessThan(x(positions, "service|frontend"));
			assertThat(x(positions, "service|frontend")).isLessThan(x(positions, "service|orderservice"));
			assertThat(x(positions, "service|orderservice")).isLessThan(x(positions, "service|cartservice"));
			assertThat(x(positions, "service|catalogservice"))
				.isLessThan(x(positions, "AWS::DynamoDB::Table|ProductCatalog"));
		}
	}

	@Test
	@Order(2)
	void thirtyServicesAndSixtyCallsHaveNoOverlapsAndFitAtBothSizes() throws IOException {
		for (int[] size : new int[][] { { 1280, 800 }, { 1920, 1080 } }) {
			Map<String, Object> report = openMap("synthetic", size, 30);
			assertLaidOutCleanly(report, 31, 61);
			screenshot("console-map-synthetic-" + size[0] + "x" + size[1] + ".png");
		}
	}

	@Test
	@Order(3)
	void aRefreshWithNewNumbersMovesNothingAndZoomPanFitWork() throws Exception {
		Map<String, Object> before = openMap("shop", new int[] { 1280, 800 }, 9);
		// read in one script: live refreshes replace the table rows at any time
		String total = "return document.querySelector(\"#node-table tr[data-node='frontend']\").dataset.total";
		int totalBefore = Integer.parseInt(String.valueOf(js(total)));

		List<Json> more = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			more.addAll(ConsoleTraces.journeyPage(i, System.currentTimeMillis() / 1000.0 - 3 + i * 0.2, false));
		}
		put(more);
		this.browser.findElement(By.id("refresh-button")).click();
		waiting().until((d) -> Integer.parseInt(String.valueOf(js(total))) > totalBefore);
		Map<String, Object> after = layoutReport();
		assertThat(after.get("positions")).isEqualTo(before.get("positions"));
		assertThat(after.get("layouts")).isEqualTo(before.get("layouts"));
		assertThat(after.get("zoom")).isEqualTo(before.get("zoom"));

		double zoom = ((Number) before.get("zoom")).doubleValue();
		this.browser.findElement(By.id("map-zoom-in")).click();
		assertThat(((Number) js("return window.xrayLocal.map().zoom()")).doubleValue()).isGreaterThan(zoom * 1.2);
		WebElement map = this.browser.findElement(By.id("map"));
		String pan = String.valueOf(js("const p = window.xrayLocal.map().pan(); return p.x + ',' + p.y"));
		// drag the background (bottom left, where no node is), in steps as a hand moves
		Actions drag = new Actions(this.browser)
			.moveToElement(map, -map.getSize().getWidth() / 2 + 150, map.getSize().getHeight() / 2 - 12)
			.clickAndHold();
		for (int step = 0; step < 6; step++) {
			drag.moveByOffset(20, -8);
		}
		drag.release().perform();
		assertThat(String.valueOf(js("const p = window.xrayLocal.map().pan(); return p.x + ',' + p.y")))
			.isNotEqualTo(pan);
		this.browser.findElement(By.id("map-fit")).click();
		assertThat(layoutReport().get("inView")).isEqualTo(true);
	}

	@Test
	@Order(4)
	void draggingOverAnEdgesDistributionOpensItsTracesInThatRange() throws IOException {
		openMap("shop", new int[] { 1280, 800 }, 9);
		WebElement edge = this.browser
			.findElement(By.cssSelector("#edge-table tr[data-edge='frontend->recommenderservice']"));
		String calls = edge.getAttribute("data-total");
		edge.click();
		WebElement histogram = await("#map-details [data-detail-edge='frontend->recommenderservice'] ~ svg.histogram");
		assertThat(this.browser.findElements(By.cssSelector("#map-details svg.histogram rect.bar"))).isNotEmpty();
		screenshot("console-map-edge-details.png");
		int width = histogram.getSize().getWidth();
		new Actions(this.browser).moveToElement(histogram, -width / 2 + 2, 0)
			.clickAndHold()
			.moveByOffset(width - 4, 0)
			.release()
			.perform();
		waiting().until((d) -> String.valueOf(((JavascriptExecutor) d).executeScript("return location.hash"))
			.startsWith("#/traces"));
		WebElement filter = await("#filter-input");
		assertThat(filter.getAttribute("value")).matches(
				"edge\\(\"frontend\", \"recommenderservice\"\\) \\{ responsetime >= [0-9.]+ AND responsetime <= [0-9.]+ \\}");
		await("#view-traces[data-state='ready']");
		// the drag covered every bar: the traces are all the calls the edge counted (one
		// a trace)
		assertThat(this.browser.findElement(By.id("view-traces")).getAttribute("data-count")).isEqualTo(calls);
		for (WebElement row : this.browser.findElements(By.cssSelector("#trace-table tr[data-trace-id]"))) {
			assertThat(row.getAttribute("data-services")).contains("frontend");
		}
	}

	@Test
	@Order(5)
	void analyticsComparesBeforeAndDuringTheOutage() throws Exception {
		double outage = this.now - 290;
		HttpResponse<String> recorded = post("/local/chaos/events", Map.of("time", outage - 1, "action", "kill",
				"target", "recommenderservice", "parameters", Map.of(), "source", "ConsoleMapBrowserIT"));
		boolean chaosRecorded = recorded.statusCode() / 100 == 2;

		viewport(1440, 1500);
		String range = "aStart=" + (long) (this.now - 560) + "&aEnd=" + (long) (outage - 5) + "&bStart="
				+ (long) (outage - 5) + "&bEnd=" + (long) (this.now + 5);
		this.browser.get("about:blank");
		this.browser.get(base() + "/#/analytics?group=shop&compare=time&by=url&" + range);
		await("#view-analytics[data-state='ready'][data-sides='2']");
		assertThat(attribute("[data-side='A']", "data-count")).isEqualTo("64");
		assertThat(Integer.parseInt(attribute("[data-side='B']", "data-count"))).isGreaterThanOrEqualTo(64);
		assertThat(Double.parseDouble(attribute("#analytics-deltas tr[data-metric='faultShare']", "data-delta")))
			.isGreaterThan(0);
		assertThat(Double.parseDouble(attribute("#analytics-deltas tr[data-metric='p50']", "data-delta"))).isNotNull();
		// the product pages are where the faults are
		assertThat(this.browser.findElements(By.cssSelector("#analytics-breakdown tr[data-key*='/product/']")))
			.isNotEmpty();
		assertThat(this.browser.findElements(By.cssSelector("[data-side='B'] polyline[data-series='fault']")))
			.isNotEmpty();
		if (chaosRecorded) {
			assertThat(this.browser.findElements(By
				.cssSelector("[data-side='B'] .chaos-marker[data-action='kill'][data-target='recommenderservice']")))
				.isNotEmpty();
		}
		screenshot("console-analytics-compare.png");

		// two filters side by side: product pages (which call the recommender) and orders
		this.browser.get(base() + "/#/analytics?group=shop&compare=filter&filter="
				+ URLEncoder.encode("edge(\"frontend\", \"recommenderservice\")", StandardCharsets.UTF_8) + "&filterB="
				+ URLEncoder.encode("service(\"orderservice\")", StandardCharsets.UTF_8));
		await("#view-analytics[data-state='ready'][data-sides='2']");
		int products = Integer.parseInt(attribute("[data-side='A']", "data-count"));
		int orders = Integer.parseInt(attribute("[data-side='B']", "data-count"));
		assertThat(products).isGreaterThanOrEqualTo(32);
		assertThat(orders).isGreaterThanOrEqualTo(32);
		assertThat(Double.parseDouble(attribute("#analytics-deltas tr[data-metric='faultShare']", "data-delta")))
			.isLessThan(0);

		// the same traces broken down by service, one side only
		this.browser.get(base() + "/#/analytics?group=shop&by=service");
		await("#view-analytics[data-state='ready'][data-sides='1']");
		assertThat(this.browser.findElements(By.cssSelector("#analytics-breakdown tr[data-key='recommenderservice']")))
			.hasSize(1);

		this.browser.get(base() + "/#/chaos");
		await("#view-chaos[data-state='ready']");
		if (chaosRecorded) {
			assertThat(this.browser.findElements(By.cssSelector("#chaos-table tr[data-action='kill']"))).isNotEmpty();
		}
		else {
			assertThat(this.browser.findElement(By.id("chaos-info")).getText()).contains("records no chaos events");
		}
	}

	private Map<String, Object> openMap(String group, int[] size, int nodes) {
		viewport(size[0], size[1]);
		this.browser.get("about:blank");
		this.browser.get(base() + "/#/map?group=" + group);
		waiting().until((d) -> String.valueOf(nodes).equals(d.findElement(By.id("map")).getAttribute("data-node-count"))
				&& "true".equals(d.findElement(By.id("map")).getAttribute("data-ready")));
		return layoutReport();
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> layoutReport() {
		return (Map<String, Object>) js(LAYOUT_REPORT);
	}

	private static void assertLaidOutCleanly(Map<String, Object> report, int nodes, int edges) {
		assertThat(((Number) report.get("nodes")).intValue()).isEqualTo(nodes);
		assertThat(((Number) report.get("edges")).intValue()).isEqualTo(edges);
		// a box for every circle, every node label and every edge label with a number
		assertThat(((Number) report.get("boxes")).intValue()).isEqualTo(2 * nodes + edges);
		assertThat((List<?>) report.get("overlaps")).as("overlapping circles and labels").isEmpty();
		assertThat((List<?>) report.get("crossings")).as("edges over nodes or labels").isEmpty();
		assertThat(report.get("inView")).as("whole graph in view: " + report.get("view")).isEqualTo(true);
	}

	private static double x(Map<String, String> positions, String id) {
		return Double.parseDouble(positions.get(id).split(",")[0]);
	}

	private void viewport(int width, int height) {
		this.browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
	}

	private Object js(String script) {
		return ((JavascriptExecutor) this.browser).executeScript(script);
	}

	private String attribute(String css, String attribute) {
		return this.browser.findElement(By.cssSelector(css)).getAttribute(attribute);
	}

	private String base() {
		return "http://127.0.0.1:" + this.port;
	}

	private WebDriverWait waiting() {
		return new WebDriverWait(this.browser, Duration.ofSeconds(20));
	}

	private WebElement await(String css) {
		try {
			return waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
		}
		catch (RuntimeException ex) {
			try {
				screenshot("console-map-failure.png");
				Files.writeString(Path.of("target", "console-map-failure.html"), this.browser.getPageSource());
			}
			catch (IOException | RuntimeException ignored) {
				ex.addSuppressed(ignored);
			}
			throw ex;
		}
	}

	private void screenshot(String name) throws IOException {
		File shot = ((TakesScreenshot) this.browser).getScreenshotAs(OutputType.FILE);
		Files.copy(shot.toPath(), Path.of("target", name), StandardCopyOption.REPLACE_EXISTING);
	}

	private void put(List<Json> documents) throws Exception {
		for (int from = 0; from < documents.size(); from += 50) {
			List<String> batch = documents.subList(from, Math.min(documents.size(), from + 50))
				.stream()
				.map(Json::json)
				.toList();
			HttpResponse<String> response = post("/TraceSegments", Map.of("TraceSegmentDocuments", batch));
			assertThat(response.body()).isEqualTo("{\"UnprocessedTraceSegments\":[]}");
		}
	}

	private HttpResponse<String> post(String path, Object body) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(base() + path))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

}
