package com.anycompany.shop.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.anycompany.shop.launcher.stack.LocalShop;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The proof that the whole thing works together: the local shop started the way
 * {@code ./shop up} starts it, a shopper in a real (headless) Chromium buying two
 * products, then the local X-Ray console in the same browser showing the service map and
 * the order's trace, and a crash of recommenderservice seen from both sides. Screenshots
 * of every step land in {@code e2e/target/screenshots}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@org.junit.jupiter.api.extension.ExtendWith(BrowserJourneyIT.ScreenshotOnFailure.class)
class BrowserJourneyIT {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private static final List<String> SERVICES = LocalShop.SERVICES;

	private static LocalShop shop;

	private static WebDriver browser;

	private static String orderId;

	@BeforeAll
	static void start() throws Exception {
		Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
				"Debian's chromium and chromium-driver are needed (.ci/run installs them)");
		Files.createDirectories(SCREENSHOTS);
		shop = LocalShop.builder()
			.projectDir(ProjectDir.get())
			.logsDir(Path.of("target", "browser-logs").toAbsolutePath())
			.freePorts()
			.startTimeout(Duration.ofMinutes(4))
			.start();
		browser = chromium();
	}

	@AfterAll
	static void stop() {
		try {
			if (browser != null) {
				browser.quit();
			}
		}
		finally {
			if (shop != null) {
				shop.close();
			}
		}
	}

	@Test
	@Order(1)
	void aShopperBuysTwoProducts() {
		open(shop.storefrontUrl() + "/");
		visible("[data-test=hero]");
		shot("01-home");

		visible("[data-test=products-link]").click();
		waitFor((d) -> d.findElements(By.cssSelector("[data-test=product-card]")).size() == 24);
		shot("02-products");

		addToCart("P-0001", "Copper Kettle", "03-product-with-recommendations");
		addToCart("P-0013", "Trail Backpack", null);

		open(shop.storefrontUrl() + "/cart");
		waitFor((d) -> d.findElements(By.cssSelector("[data-test=cart-line]")).size() == 2);
		shot("04-cart");

		visible("[data-test=checkout-link]").click();
		visible("[data-test=checkout-form]");
		Map<String, String> details = Map.of("checkout-name", "Ana Silva", "checkout-email", "ana@example.test",
				"checkout-street", "1 Main St", "checkout-city", "Springfield", "checkout-postal-code", "12345",
				"checkout-country", "US");
		details.forEach((field, value) -> {
			WebElement input = visible("[data-test=" + field + "]");
			if ("select".equals(input.getTagName())) {
				new org.openqa.selenium.support.ui.Select(input).selectByValue(value);
			}
			else {
				input.clear();
				input.sendKeys(value);
			}
		});
		shot("05-checkout");
		visible("[data-test=place-order]").click();

		orderId = visible("[data-test=order-id]").getText().trim();
		assertThat(orderId).startsWith("O-");
		shot("06-confirmation");
	}

	@Test
	@Order(2)
	void theConsoleShowsEveryServiceAndDynamoDbOnTheMap() {
		open(shop.consoleUrl() + "/#/map");
		waitFor((d) -> nodes().keySet().containsAll(SERVICES) && nodes().containsValue("AWS::DynamoDB::Table")
				&& edges().containsAll(List.of("frontend->catalogservice", "frontend->cartservice",
						"frontend->orderservice", "frontend->recommenderservice", "frontend->imageservice",
						"cartservice->catalogservice", "orderservice->cartservice", "orderservice->catalogservice",
						"recommenderservice->catalogservice", "catalogservice->ProductCatalog", "cartservice->Carts",
						"orderservice->Orders", "client->frontend")));
		assertThat(browser.findElement(By.id("map")).getAttribute("data-ready")).isEqualTo("true");
		shot("07-service-map");
	}

	@Test
	@Order(3)
	void theOrderTraceHasTheWholeTimeline() {
		open(shop.consoleUrl() + "/#/traces?filter=" + encode("service(\"orderservice\")"));
		// the POST that placed the order (not the GET of its confirmation page)
		By orderRow = By.xpath("//table[@id='trace-table']//tr[td[3][normalize-space()='POST']"
				+ " and td[contains(., '/cart/order')] and contains(@data-services, 'orderservice')]");
		waitFor((d) -> !d.findElements(orderRow).isEmpty());
		shot("08-traces-filtered");
		browser.findElement(orderRow).click();

		waitFor((d) -> timelineNames()
			.containsAll(List.of("frontend", "orderservice", "cartservice", "catalogservice", "DynamoDb")));
		assertThat(browser.findElements(By.cssSelector("#timeline .tl-row[data-aws-service=DynamoDB]"))).isNotEmpty();
		shot("09-order-trace-timeline");
	}

	@Test
	@Order(4)
	void aCrashedRecommenderIsAFaultOnItsEdgeThatRecovers() throws InterruptedException {
		shop.kill("recommenderservice");
		// the product page still renders, without its recommendations
		open(shop.storefrontUrl() + "/product/P-0002");
		assertThat(visible("[data-test=product-name]").getText()).contains("Cast Iron Skillet");
		assertThat(browser.findElements(By.cssSelector("[data-test=recommendations] [data-test=product-card]")))
			.isEmpty();
		shot("10-product-without-recommender");

		open(shop.consoleUrl() + "/#/map");
		waitFor((d) -> edgeCount("frontend->recommenderservice", "faults") > 0);
		shot("11-map-recommender-fault");

		shop.awaitHealthy(Duration.ofMinutes(3));
		int okBefore = edgeCount("frontend->recommenderservice", "ok");
		open(shop.storefrontUrl() + "/product/P-0003");
		visible("[data-test=recommendations] [data-test=product-card]");

		open(shop.consoleUrl() + "/#/traces?filter=" + encode("annotation.ProductID = \"P-0003\""));
		By newest = By.cssSelector("#trace-table tbody tr");
		waitFor((d) -> !d.findElements(newest).isEmpty());
		assertThat(browser.findElement(newest).getAttribute("data-health")).isEqualTo("ok");
		open(shop.consoleUrl() + "/#/map");
		waitFor((d) -> edgeCount("frontend->recommenderservice", "ok") > okBefore);
		shot("12-map-recommender-recovered");
	}

	private static void addToCart(String productId, String name, String screenshot) {
		open(shop.storefrontUrl() + "/product/" + productId);
		assertThat(visible("[data-test=product-name]").getText()).contains(name);
		assertThat(browser.findElements(By.cssSelector("[data-test=recommendations] [data-test=product-card]")))
			.isNotEmpty();
		if (screenshot != null) {
			shot(screenshot);
		}
		visible("[data-test=add-to-cart]").click();
		assertThat(visible("[data-test=flash]").getText()).contains(name);
	}

	/** Map nodes listed beside the graph: name to type. */
	private static Map<String, String> nodes() {
		return rows("#node-table tbody tr").stream()
			.collect(Collectors.toMap((row) -> row.get("node"), (row) -> row.get("nodeType"), (a, b) -> a));
	}

	private static List<String> edges() {
		return rows("#edge-table tbody tr").stream().map((row) -> row.get("from") + "->" + row.get("to")).toList();
	}

	private static int edgeCount(String edge, String counter) {
		return rows("#edge-table tbody tr").stream()
			.filter((row) -> edge.equals(row.get("from") + "->" + row.get("to")))
			.mapToInt((row) -> Integer.parseInt(row.get(counter)))
			.sum();
	}

	/**
	 * The data attributes of the matching rows, read in one script call: the console
	 * redraws its tables while it refreshes, so element handles kept across calls can go
	 * stale.
	 */
	@SuppressWarnings("unchecked")
	private static List<Map<String, String>> rows(String css) {
		Object rows = ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
				"return [...document.querySelectorAll(arguments[0])].map((row) => Object.assign({}, row.dataset));",
				css);
		return (List<Map<String, String>>) rows;
	}

	private static List<String> timelineNames() {
		return browser.findElements(By.cssSelector("#timeline .tl-row[data-segment-name]"))
			.stream()
			.map((row) -> row.getAttribute("data-segment-name"))
			.toList();
	}

	private static void open(String url) {
		browser.get(url);
	}

	private static WebElement visible(String css) {
		return new WebDriverWait(browser, Duration.ofSeconds(30))
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
	}

	private static void waitFor(java.util.function.Function<WebDriver, Boolean> condition) {
		// the console refreshes itself; reload now and then so a stale view cannot hide
		// progress
		new WebDriverWait(browser, Duration.ofSeconds(60)).pollingEvery(Duration.ofMillis(500))
			.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
			.until(condition::apply);
	}

	private static void shot(String name) {
		try {
			Path file = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
			Files.copy(file, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Whatever the browser shows when a step fails, next to the steps' own screenshots.
	 */
	static class ScreenshotOnFailure implements org.junit.jupiter.api.extension.TestWatcher {

		@Override
		public void testFailed(org.junit.jupiter.api.extension.ExtensionContext context, Throwable cause) {
			if (browser != null) {
				shot("FAILED-" + context.getRequiredTestMethod().getName());
			}
		}

	}

	private static String encode(String filter) {
		return java.net.URLEncoder.encode(filter, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
	}

	private static WebDriver chromium() throws IOException {
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--window-size=1280,900",
				"--user-data-dir=" + Files.createTempDirectory("chromium-profile").toAbsolutePath());
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		return new ChromeDriver(service, options);
	}

}
