package com.anycompany.shop.loadgen;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.anycompany.shop.testsupport.StubServers;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class LoadGeneratorTests {

	@RegisterExtension
	static WireMockExtension storefront = StubServers.extension();

	private final ByteArrayOutputStream output = new ByteArrayOutputStream();

	@BeforeEach
	void start() {
		StorefrontStubs.register(storefront);
	}

	@Test
	void reportCountsWhatTheStorefrontServed() throws Exception {
		Report report = run(settings(4, 40));

		// every request the storefront saw is in the report, redirects inside their POST
		assertThat(report.row(Page.HOME).requests()).isEqualTo(count("GET /"));
		assertThat(report.row(Page.PRODUCT).requests()).isEqualTo(count("GET /product"));
		assertThat(report.row(Page.UNKNOWN_PRODUCT).requests()).isEqualTo(count("GET /product/unknown"));
		assertThat(report.row(Page.IMAGE).requests()).isEqualTo(count("GET /images"));
		assertThat(report.row(Page.CART).requests()).isEqualTo(count("GET /cart"));
		assertThat(report.row(Page.ADD_TO_CART).requests()).isEqualTo(count("POST /cart"))
			.isEqualTo(count("GET /cart?added"));
		assertThat(report.row(Page.CHECKOUT).requests()).isEqualTo(count("GET /cart/checkout"));
		assertThat(report.row(Page.PLACE_ORDER).requests()).isEqualTo(count("POST /cart/order"))
			.isEqualTo(count("GET /order"));
		assertThat(report.total().requests()).isEqualTo(
				StorefrontStubs.total(storefront) - count("HEAD /") - count("GET /order") - count("GET /cart?added"));

		// forms were filled as a browser does: the CSRF token and the idempotency key
		// went back
		assertThat(StorefrontStubs.rejected(storefront)).isZero();
		assertThat(report.total().errors()).isZero();
		assertThat(report.errorReasons()).isEmpty();
		// every shopper kept its session; all kinds of pages were visited
		assertThat(StorefrontStubs.sessions(storefront)).isEqualTo(4);
		assertThat(StorefrontStubs.checkoutsOfEmptyCarts(storefront)).isEmpty();
		assertThat(report.rows()).allSatisfy((row) -> assertThat(row.requests()).isPositive());
		// each product page view also loads its image (a 304 once the shopper has it)
		assertThat(report.row(Page.IMAGE).requests()).isEqualTo(report.row(Page.PRODUCT).requests());
	}

	@Test
	void failuresAreCountedPerPageWithTheirReason() throws Exception {
		StorefrontStubs.fail(storefront, "GET /cart", 503);
		StorefrontStubs.fail(storefront, "POST /cart/order", 500);

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
		LoadSettings settings = new LoadSettings(url(), 2, Duration.ofMillis(1500), 0, Duration.ofMillis(20), 0,
				Duration.ofMillis(500), Duration.ofSeconds(5), Duration.ZERO, 7L);
		long start = System.nanoTime();

		Report report = run(settings);

		assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(1400),
				Duration.ofSeconds(10));
		assertThat(report.elapsed()).isBetween(Duration.ofMillis(1400), Duration.ofSeconds(10));
		assertThat(report.total().requests()).isPositive();
		assertThat(this.output.toString(StandardCharsets.UTF_8)).contains("2 shoppers on " + url())
			.containsPattern("\\[\\s+1s\\]\\s+\\d+ requests");
	}

	@Test
	void rateLimitsRequestsOverAllShoppers() throws Exception {
		LoadSettings settings = new LoadSettings(url(), 3, Duration.ofSeconds(2), 10, Duration.ZERO, 0, Duration.ZERO,
				Duration.ofSeconds(5), Duration.ZERO, 3L);

		Report report = run(settings);

		// 10 per second for 2 seconds; a request of each shopper may be in flight at the
		// end
		assertThat(report.total().requests()).isBetween(15L, 24L);
	}

	@Test
	void stopEndsARunWithoutDuration() throws Exception {
		LoadSettings settings = new LoadSettings(url(), 2, Duration.ZERO, 0, Duration.ofMillis(10), 0, Duration.ZERO,
				Duration.ofSeconds(5), Duration.ZERO, 1L);
		LoadGenerator generator = new LoadGenerator(settings,
				new PrintStream(this.output, true, StandardCharsets.UTF_8));
		// the run has no end of its own: only stop() ends it, 800 ms in
		CompletableFuture.runAsync(generator::stop, CompletableFuture.delayedExecutor(800, TimeUnit.MILLISECONDS));

		Report report = generator.run();

		assertThat(report.elapsed()).isBetween(Duration.ofMillis(700), Duration.ofSeconds(5));
		assertThat(report.total().requests()).isPositive();
	}

	@Test
	void aStorefrontThatNeverAnswersIsReportedClearly() {
		URI nowhere = URI.create(StubServers.refusingUrl());
		LoadSettings settings = new LoadSettings(nowhere, 1, Duration.ZERO, 0, Duration.ZERO, 1, Duration.ZERO,
				Duration.ofSeconds(1), Duration.ofMillis(300), null);

		assertThatExceptionOfType(LoadgenException.class).isThrownBy(() -> run(settings))
			.withMessageContaining(nowhere.toString())
			.withMessageContaining("connection refused")
			.withMessageContaining("./shop up");
	}

	private static URI url() {
		return URI.create(StubServers.url(storefront));
	}

	private static long count(String route) {
		return StorefrontStubs.count(storefront, route);
	}

	private LoadSettings settings(int users, int iterations) {
		return new LoadSettings(url(), users, Duration.ZERO, 0, Duration.ZERO, iterations, Duration.ZERO,
				Duration.ofSeconds(5), Duration.ZERO, 42L);
	}

	private Report run(LoadSettings settings) throws InterruptedException {
		return new LoadGenerator(settings, new PrintStream(this.output, true, StandardCharsets.UTF_8)).run();
	}

}
