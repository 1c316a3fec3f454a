package com.anycompany.shop.xraylocal.otlp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A span link in the console, in a real headless Chromium: the OpenTelemetry SDK sends a
 * consumer span linked to its producer's (another trace) through OTLP; the consumer's
 * trace view has a "Links" tab naming the producer's trace, and its link opens that
 * trace.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "xray.local.udp-port=0", "xray.local.otlp.port=0" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TraceLinksBrowserIT {

	private static final Path CHROMIUM = Path.of(System.getProperty("shop.chromium", "/usr/bin/chromium"));

	private static final Path CHROMEDRIVER = Path.of(System.getProperty("shop.chromedriver", "/usr/bin/chromedriver"));

	@LocalServerPort
	int port;

	@Autowired
	OtlpReceiver receiver;

	private WebDriver browser;

	private Path profile;

	private SdkTracerProvider provider;

	@BeforeAll
	void startTheBrowser() throws IOException {
		assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
				"Chromium and ChromeDriver are not installed (apt-get install -y chromium chromium-driver)");
		this.provider = SdkTracerProvider.builder()
			.setResource(Resource.getDefault()
				.merge(Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), "orderservice"))))
			.addSpanProcessor(SimpleSpanProcessor.create(OtlpHttpSpanExporter.builder()
				.setEndpoint("http://127.0.0.1:" + this.receiver.port() + "/v1/traces")
				.build()))
			.build();
		this.profile = Files.createTempDirectory("xray-local-chromium");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
				"--window-size=1400,1000", "--user-data-dir=" + this.profile);
		this.browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build(), options);
	}

	@AfterAll
	void stop() throws IOException {
		if (this.browser != null) {
			this.browser.quit();
		}
		if (this.provider != null) {
			this.provider.close();
		}
		if (this.profile != null) {
			org.springframework.util.FileSystemUtils.deleteRecursively(this.profile);
		}
	}

	@Test
	void theTraceViewListsASegmentsLinksAndOpensTheLinkedTrace() {
		Tracer tracer = this.provider.get("trace-links-browser-test");
		Span producer = tracer.spanBuilder("POST /orders").setSpanKind(SpanKind.SERVER).startSpan();
		producer.end();
		SpanContext produced = producer.getSpanContext();
		Span consumer = tracer.spanBuilder("orders process")
			.setSpanKind(SpanKind.SERVER)
			.setNoParent()
			.addLink(produced, Attributes.of(AttributeKey.stringKey("messaging.operation"), "receive"))
			.startSpan();
		consumer.end();
		// both exports answered, so both traces are stored
		assertThat(this.provider.forceFlush().join(10, java.util.concurrent.TimeUnit.SECONDS).isSuccess()).isTrue();
		String producerTrace = xrayId(produced);
		String consumerTrace = xrayId(consumer.getSpanContext());

		this.browser.get("http://127.0.0.1:" + this.port + "/#/trace/" + consumerTrace);
		await("#view-trace[data-state='ready']");
		this.browser.findElement(By.cssSelector("#segment-details button[data-tab='links']")).click();
		WebElement row = await("#segment-details tr[data-link-trace='" + producerTrace + "']");
		assertThat(row.getText()).contains(producerTrace)
			.contains(produced.getSpanId())
			.contains("messaging.operation=receive");

		row.findElement(By.cssSelector("a")).click();
		await("#view-trace[data-state='ready'][data-trace-id='" + producerTrace + "']");
		// the producer's own segment has no links: the tab is there but off
		assertThat(this.browser.findElement(By.cssSelector("#segment-details button[data-tab='links']")).isEnabled())
			.isFalse();
	}

	private WebElement await(String css) {
		return new WebDriverWait(this.browser, Duration.ofSeconds(20))
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
	}

	private static String xrayId(SpanContext context) {
		String hex = context.getTraceId();
		return "1-" + hex.substring(0, 8) + "-" + hex.substring(8);
	}

}
