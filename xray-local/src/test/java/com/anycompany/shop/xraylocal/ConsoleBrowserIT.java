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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The console in a real headless Chromium: the map shows the services and DynamoDB tables
 * of the traces fed in, with a fault on the edge to a failing service; a filter finds the
 * order trace; its timeline shows every service and DynamoDB call.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "xray.local.udp-port=0", "xray.local.max-traces=5000" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleBrowserIT {

	private static final Path CHROMIUM = Path.of(System.getProperty("shop.chromium", "/usr/bin/chromium"));

	private static final Path CHROMEDRIVER = Path.of(System.getProperty("shop.chromedriver", "/usr/bin/chromedriver"));

	@LocalServerPort
	int port;

	private WebDriver browser;

	private Path profile;

	private String orderTrace;

	@BeforeAll
	void feedTracesAndStartTheBrowser() throws Exception {
		assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
				"Chromium and ChromeDriver are not installed (apt-get install -y chromium chromium-driver);"
						+ " skipping the console browser test");
		double now = System.currentTimeMillis() / 1000.0;
		List<String> documents = new ArrayList<>();
		this.orderTrace = Json.newTraceId();
		TestTraces.order(this.orderTrace, now - 5).forEach((d) -> documents.add(d.json()));
		for (int i = 0; i < 4; i++) {
			TestTraces.product(Json.newTraceId(), now - 4 + i * 0.5, "P-000" + i, i == 3)
				.forEach((d) -> documents.add(d.json()));
		}
		String body = JsonMapper.builder()
			.build()
			.writeValueAsString(java.util.Map.of("TraceSegmentDocuments", documents));
		HttpResponse<String> put = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(base() + "/TraceSegments"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(put.body()).isEqualTo("{\"UnprocessedTraceSegments\":[]}");

		this.profile = Files.createTempDirectory("xray-local-chromium");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
				"--window-size=1500,1100", "--user-data-dir=" + this.profile);
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
			// what the page looked like, for whoever reads the failure
			try {
				screenshot("console-failure.png");
				Files.writeString(Path.of("target", "console-failure.html"), this.browser.getPageSource());
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
		Files.copy(shot.toPath(), Path.of("target", name), StandardCopyOption.REPLACE_EXISTING);
	}

	@Test
	void theMapShowsTheShopAndTheTimelineShowsTheOrder() throws IOException {
		this.browser.get(base() + "/#/map");
		await("#node-table tr[data-node='frontend']");
		await("#map[data-ready='true']");

		assertThat(attributes("#node-table tr[data-node-kind='service']", "data-node")).containsExactlyInAnyOrder(
				"cartservice", "catalogservice", "frontend", "orderservice", "recommenderservice");
		assertThat(attributes("#node-table tr[data-node-group='DynamoDB']", "data-node"))
			.containsExactlyInAnyOrder("Carts", "Orders", "ProductCatalog");
		assertThat(attributes("#edge-table tbody tr", "data-edge")).containsExactlyInAnyOrder("client->frontend",
				"frontend->catalogservice", "frontend->orderservice", "orderservice->cartservice",
				"orderservice->catalogservice", "orderservice->Orders", "cartservice->Carts",
				"catalogservice->ProductCatalog", "frontend->recommenderservice");
		WebElement toRecommender = this.browser
			.findElement(By.cssSelector("#edge-table tr[data-edge='frontend->recommenderservice']"));
		assertThat(toRecommender.getAttribute("data-faults")).isEqualTo("1");
		assertThat(toRecommender.getAttribute("data-health")).isEqualTo("fault");

		// the same nodes and edges are in the Cytoscape graph that is drawn
		JavascriptExecutor js = (JavascriptExecutor) this.browser;
		@SuppressWarnings("unchecked")
		List<String> drawn = (List<String>) js.executeScript("return window.xrayLocal.map().nodes().map(n => n.id())");
		assertThat(drawn).hasSize(9).contains("service|frontend", "AWS::DynamoDB::Table|Orders", "client|frontend");
		assertThat((Long) js.executeScript("return window.xrayLocal.map().edges().length")).isEqualTo(9L);
		assertThat(this.browser.findElements(By.cssSelector("#map canvas"))).isNotEmpty();

		this.browser.findElement(By.cssSelector("#edge-table tr[data-edge='frontend->recommenderservice']")).click();
		await("#map-details [data-detail-edge='frontend->recommenderservice']");
		assertThat(this.browser.findElements(By.cssSelector("#map-details svg.histogram rect.bar"))).isNotEmpty();
		screenshot("console-map.png");

		this.browser.get(base() + "/#/traces");
		WebElement filter = await("#filter-input");
		filter.sendKeys("service(\"orderservice\")");
		this.browser.findElement(By.cssSelector("#filter-form button[type=submit]")).click();
		waiting().until((d) -> d.findElements(By.cssSelector("#trace-table tr[data-trace-id]")).size() == 1);
		WebElement row = this.browser.findElement(By.cssSelector("#trace-table tr[data-trace-id]"));
		assertThat(row.getAttribute("data-trace-id")).isEqualTo(this.orderTrace);

		row.findElement(By.cssSelector("a")).click();
		await("#timeline .tl-row[data-segment-name='orderservice']");
		assertThat(attributes("#timeline .tl-row[data-kind='segment']", "data-segment-name"))
			.containsExactly("frontend", "orderservice", "cartservice", "catalogservice");
		assertThat(attributes("#timeline .tl-row[data-aws-service='DynamoDB']", "data-segment-name"))
			.contains("DynamoDb", "Carts", "ProductCatalog", "Orders");
		assertThat(attributes("#timeline .tl-row[data-kind='inferred']", "data-segment-name"))
			.containsExactlyInAnyOrder("Carts", "ProductCatalog", "Orders");

		this.browser
			.findElement(By.cssSelector("#timeline .tl-row[data-kind='subsegment'][data-segment-name='DynamoDb']"))
			.click();
		this.browser.findElement(By.cssSelector("#segment-details button[data-tab='resources']")).click();
		assertThat(await("#segment-details .tab-content").getText()).contains("Carts").contains("GetItem");
		screenshot("console-trace.png");

		this.browser.get(base() + "/#/traces");
		WebElement bad = await("#filter-input");
		bad.clear();
		bad.sendKeys("responsetime >");
		this.browser.findElement(By.cssSelector("#filter-form button[type=submit]")).click();
		WebElement error = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("filter-error")));
		assertThat(error.getText()).contains("InvalidRequestException").contains("position 15");
	}

}
