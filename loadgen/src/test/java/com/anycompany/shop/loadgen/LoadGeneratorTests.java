package com.anycompany.shop.loadgen;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class LoadGeneratorTests {

	private StubStorefront storefront;

	private final ByteArrayOutputStream output = new ByteArrayOutputStream();

	@BeforeEach
	void start() throws Exception {
		this.storefront = new StubStorefront();
	}

	@AfterEach
	void stop() {
		this.storefront.close();
	}

	@Test
	void reportCountsWhatTheStorefrontServed() throws Exception {
		Report report = run(settings(4, 40));

		// every request the storefront saw is in the report, redirects inside their POST
		assertThat(report.row(Page.HOME).requests()).isEqualTo(this.storefront.count("GET /"));
		assertThat(report.row(Page.PRODUCT).requests()).isEqualTo(this.storefront.count("GET /product"));
		assertThat(report.row(Page.UNKNOWN_PRODUCT).requests())
			.isEqualTo(this.storefront.count("GET /product/unknown"));
		assertThat(report.row(Page.IMAGE).requests()).isEqualTo(this.storefront.count("GET /images"));
		assertThat(report.row(Page.CART).requests()).isEqualTo(this.storefront.count("GET /cart"));
		assertThat(report.row(Page.ADD_TO_CART).requests()).isEqualTo(this.storefront.count("POST /cart"))
			.isEqualTo(this.storefront.count("GET /cart?added"));
		assertThat(report.row(Page.CHECKOUT).requests()).isEqualTo(this.storefront.count("GET /cart/checkout"));
		assertThat(report.row(Page.PLACE_ORDER).requests()).isEqualTo(this.storefront.count("POST /cart/order"))
			.isEqualTo(this.storefront.count("GET /order"));
		assertThat(report.total().requests()).isEqualTo(this.storefront.total() - this.storefront.count("HEAD /")
				- this.storefront.count("GET /order") - this.storefront.count("GET /cart?added"));

		// forms were filled as a browser does: the CSRF token and the idempotency key
		// went back
		assertThat(this.storefront.count("rejected")).isZero();
		assertThat(report.total().errors()).isZero();
		assertThat(report.errorReasons()).isEmpty();
		// every shopper kept its session; all kinds of pages were visited
		assertThat(this.storefront.sessions()).isEqualTo(4);
		assertThat(report.rows()).allSatisfy((row) -> assertThat(row.requests()).isPositive());
		// each product page view also loads its image (a 304 once the shopper has it)
		assertThat(report.row(Page.IMAGE).requests()).isEqualTo(report.row(Page.PRODUCT).requests());
	}

	@Test
	void failuresAreCountedPerPageWithTheirReason() throws Exception {
		this.storefront.fail("GET /cart", 503);
		this.storefront.fail("POST /cart/order", 500);

		Report report = run(settings(2, 40));

		Report.Row cart = report.row(Page.CART);
		assertThat(cart.requests()).isPositive();
		assertThat(cart.errors()).isEqualTo(cart.requests());
		assertThat(report.row(Page.PLACE_ORDER).errors()).isEqualTo(report.row(Page.PLACE_ORDER).requests())
			.isPositive();
		assertThat(report.row(Page.HOME).errors()).isZero();
		assertThat(report.total().errors()).isEqualTo(cart.errors() + report.row(Page.PLACE_ORDER).errors());
		assertThat(report.errorReasons()).containsOnlyKeys("GET /cart", "POST /cart/order");
		assertThat(report.errorReasons().get("GET /cart"))
			.containsExactly(java.util.Map.entry("HTTP 503", cart.errors()));
		assertThat(report.format()).contains("GET /cart", "x HTTP 503", "x HTTP 500");
	}

	@Test
	void runsForTheGivenDurationAndPrintsProgress() throws Exception {
		LoadSettings settings = new LoadSettings(this.storefront.url(), 2, Duration.ofMillis(1500), 0,
				Duration.ofMillis(20), 0, Duration.ofMillis(500), Duration.ofSeconds(5), Duration.ZERO, 7L);
		long start = System.nanoTime();

		Report report = run(settings);

		assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(1400),
				Duration.ofSeconds(10));
		assertThat(report.elapsed()).isBetween(Duration.ofMillis(1400), Duration.ofSeconds(10));
		assertThat(report.total().requests()).isPositive();
		assertThat(this.output.toString(StandardCharsets.UTF_8)).contains("2 shoppers on " + this.storefront.url())
			.containsPattern("\\[\\s+1s\\]\\s+\\d+ requests");
	}

	@Test
	void rateLimitsRequestsOverAllShoppers() throws Exception {
		LoadSettings settings = new LoadSettings(this.storefront.url(), 3, Duration.ofSeconds(2), 10, Duration.ZERO, 0,
				Duration.ZERO, Duration.ofSeconds(5), Duration.ZERO, 3L);

		Report report = run(settings);

		// 10 per second for 2 seconds; a request of each shopper may be in flight at the
		// end
		assertThat(report.total().requests()).isBetween(15L, 24L);
	}

	@Test
	void stopEndsARunWithoutDuration() throws Exception {
		LoadSettings settings = new LoadSettings(this.storefront.url(), 2, Duration.ZERO, 0, Duration.ofMillis(10), 0,
				Duration.ZERO, Duration.ofSeconds(5), Duration.ZERO, 1L);
		LoadGenerator generator = new LoadGenerator(settings,
				new PrintStream(this.output, true, StandardCharsets.UTF_8));
		new Thread(() -> {
			sleep(800);
			generator.stop();
		}).start();

		Report report = generator.run();

		assertThat(report.elapsed()).isBetween(Duration.ofMillis(700), Duration.ofSeconds(5));
		assertThat(report.total().requests()).isPositive();
	}

	@Test
	void aStorefrontThatNeverAnswersIsReportedClearly() {
		int port = this.storefront.url().getPort();
		this.storefront.close();
		LoadSettings settings = new LoadSettings(java.net.URI.create("http://127.0.0.1:" + port), 1, Duration.ZERO, 0,
				Duration.ZERO, 1, Duration.ZERO, Duration.ofSeconds(1), Duration.ofMillis(300), null);

		assertThatExceptionOfType(LoadgenException.class).isThrownBy(() -> run(settings))
			.withMessageContaining("http://127.0.0.1:" + port)
			.withMessageContaining("connection refused")
			.withMessageContaining("./shop up");
	}

	private LoadSettings settings(int users, int iterations) {
		return new LoadSettings(this.storefront.url(), users, Duration.ZERO, 0, Duration.ZERO, iterations,
				Duration.ZERO, Duration.ofSeconds(5), Duration.ZERO, 42L);
	}

	private Report run(LoadSettings settings) throws InterruptedException {
		return new LoadGenerator(settings, new PrintStream(this.output, true, StandardCharsets.UTF_8)).run();
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
