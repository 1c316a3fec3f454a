package com.anycompany.shop.launcher.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.anycompany.shop.launcher.Fakes;
import com.anycompany.shop.launcher.Ports;
import com.anycompany.shop.launcher.control.FaultInjection;
import com.anycompany.shop.launcher.control.StateFile;
import com.anycompany.shop.launcher.stack.LocalShop;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./shop chaos ...} against stub services that record what the CLI asks of their
 * {@code /actuator/chaos} endpoint.
 */
class ChaosCommandTests {

	@TempDir
	Path project;

	private WireMockServer stub;

	private static final String CHAOS_TOKEN = "0f1e2d3c4b5a";

	private final StringWriter out = new StringWriter();

	private final StringWriter err = new StringWriter();

	@BeforeEach
	void start() {
		this.stub = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
		this.stub.start();
		answerWith(200);
		System.setProperty("shop.home", this.project.toString());
	}

	@AfterEach
	void stop() {
		this.stub.stop();
		System.clearProperty("shop.home");
	}

	@Test
	void latencyIsSetOnTheNamedService() {
		int cart = runningShopWith("cartservice");

		int exit = shop("chaos", "latency", "cartservice", "800");

		assertThat(exit).isZero();
		assertThat(requests())
			.containsExactly("POST /actuator/chaos application/json {\"latencyMs\":800} port=" + cart);
		assertThat(this.out.toString())
			.contains("cartservice: {\"latencyMs\":0,\"errorRate\":0.0,\"throttleRate\":0.0}");
	}

	@Test
	void eachChangeIsRecordedInXrayLocal() {
		int port = runningShopWith("cartservice", "xray");

		int exit = shop("chaos", "latency", "cartservice", "800");

		assertThat(exit).isZero();
		assertThat(requests()).hasSize(2);
		assertThat(requests().get(1)).startsWith("POST /local/chaos/events application/json {\"time\":")
			.contains("\"action\":\"latency\",\"target\":\"cartservice\",\"parameters\":{\"latencyMs\":800},"
					+ "\"source\":\"launcher\"}")
			.endsWith(" port=" + port);
	}

	@Test
	void errorRatesAreReadAsFractionsOrPercentages() {
		int order = runningShopWith("orderservice");

		shop("chaos", "errors", "orderservice", "30%");
		shop("chaos", "errors", "orderservice", "0.05");

		assertThat(requests()).containsExactly(
				"POST /actuator/chaos application/json {\"errorRate\":0.3} port=" + order,
				"POST /actuator/chaos application/json {\"errorRate\":0.05} port=" + order);
	}

	@Test
	void throttlingHitsTheCatalogByDefault() {
		int catalog = runningShopWith("catalogservice");

		shop("chaos", "throttle", "0.5");

		assertThat(requests())
			.containsExactly("POST /actuator/chaos application/json {\"throttleRate\":0.5} port=" + catalog);
	}

	@Test
	void throttlingCanHitAnotherService() {
		int cart = runningShopWith("cartservice");

		shop("chaos", "throttle", "1", "--service", "cartservice");

		assertThat(requests())
			.containsExactly("POST /actuator/chaos application/json {\"throttleRate\":1.0} port=" + cart);
	}

	@Test
	void resetClearsEveryService() {
		runningShopWith(LocalShop.SERVICES.toArray(String[]::new));

		int exit = shop("chaos", "reset");

		assertThat(exit).isZero();
		assertThat(requests()).hasSize(6)
			.allSatisfy((request) -> assertThat(request).startsWith("DELETE /actuator/chaos"));
		assertThat(this.out.toString().lines()).hasSize(6);
	}

	@Test
	void showReadsTheFaults() {
		runningShopWith("imageservice");

		shop("chaos", "show", "imageservice");

		assertThat(requests()).singleElement().asString().startsWith("GET /actuator/chaos");
		assertThat(this.out.toString()).containsPattern("imageservice\\s+\\{\"latencyMs\":0");
	}

	@Test
	void aServiceWithoutTheEndpointIsExplained() {
		runningShopWith("frontend");
		answerWith(404);

		int exit = shop("chaos", "latency", "frontend", "100");

		assertThat(exit).isEqualTo(1);
		assertThat(this.err.toString()).contains("frontend has no fault injection endpoint", "SHOP_CHAOS_ENABLED=true")
			.doesNotContain("\tat ");
	}

	@Test
	void everyCallCarriesTheRunningShopsChaosToken() {
		runningShopWith(LocalShop.SERVICES.toArray(String[]::new));

		shop("chaos", "latency", "cartservice", "10");
		shop("chaos", "show", "frontend");
		shop("chaos", "reset");

		assertThat(tokens()).hasSize(8).containsOnly(CHAOS_TOKEN);
	}

	@Test
	void aRefusedTokenIsExplained() {
		runningShopWith("cartservice");
		answerWith(403);

		int exit = shop("chaos", "errors", "cartservice", "0.5");

		assertThat(exit).isEqualTo(1);
		assertThat(this.err.toString()).contains("cartservice refused the chaos token (HTTP 403)",
				".shop/state.properties");
	}

	@Test
	void aRefusedValueIsShown() {
		runningShopWith("cartservice");
		answerWith(400);

		int exit = shop("chaos", "latency", "cartservice", "999999");

		assertThat(exit).isEqualTo(1);
		assertThat(this.err.toString()).contains("cartservice refused the change (HTTP 400)");
	}

	@Test
	void aServiceThatDoesNotAnswerIsNamed() {
		int nobody = Fakes.freePort();
		new StateFile(ProcessHandle.current().pid(), URI.create("http://127.0.0.1:1"), "t",
				URI.create("http://localhost:1"), URI.create("http://localhost:2"),
				Ports.free().with(Map.of("cartservice", nobody)), this.project, "chaos-token")
			.write(StateFile.location(this.project));

		int exit = shop("chaos", "errors", "cartservice", "0.5");

		assertThat(exit).isEqualTo(1);
		assertThat(this.err.toString()).contains("cartservice does not answer on port " + nobody);
		assertThat(requests()).isEmpty();
	}

	@Test
	void wrongArgumentsAreExplainedWithoutCallingAnything() {
		runningShopWith("cartservice");

		int badRate = shop("chaos", "errors", "cartservice", "150%");
		int badService = shop("chaos", "latency", "basket", "100");

		assertThat(badRate).isEqualTo(1);
		assertThat(badService).isEqualTo(1);
		assertThat(this.err.toString()).contains("A rate is between 0 and 1 (0% and 100%), was 150%")
			.contains("'basket' is not a storefront service");
		assertThat(requests()).isEmpty();
	}

	@Test
	void withoutARunningShopThePortsAreTheDefaults() {
		FaultInjection faults = ChaosCommand.faults();

		// nothing listens on 8082 in tests, or it is not ours: only the address is
		// checked
		assertThat(faults).extracting("ports").extracting((ports) -> ((Ports) ports).of("cartservice")).isEqualTo(8082);
	}

	/** A state file of a running shop (this JVM) whose named services are the stub. */
	private int runningShopWith(String... services) {
		int port = this.stub.port();
		Ports ports = Ports.free();
		for (String service : services) {
			ports = ports.with(Map.of(service, port));
		}
		new StateFile(ProcessHandle.current().pid(), URI.create("http://127.0.0.1:1"), "token",
				URI.create("http://localhost:" + ports.of("frontend")), URI.create("http://localhost:2000"), ports,
				this.project, CHAOS_TOKEN)
			.write(StateFile.location(this.project));
		return port;
	}

	private int shop(String... args) {
		CommandLine commandLine = ShopCli.commandLine();
		commandLine.setOut(new PrintWriter(this.out, true));
		commandLine.setErr(new PrintWriter(this.err, true));
		return commandLine.execute(args);
	}

	/** Every stub service answers every call with this status (and a body to match). */
	private void answerWith(int status) {
		this.stub.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(status)
			.withHeader("Content-Type", "application/json")
			.withBody((status == 200) ? "{\"latencyMs\":0,\"errorRate\":0.0,\"throttleRate\":0.0}"
					: "{\"error\":\"Bad Request\"}")));
	}

	/** What the CLI asked, oldest first: method, path, content type, body and port. */
	private List<String> requests() {
		return journal().stream().map((request) -> {
			String type = request.getHeader("Content-Type");
			String body = request.getBodyAsString();
			return request.getMethod().getName() + " " + URI.create(request.getUrl()).getPath()
					+ ((type != null) ? " " + type : "") + (body.isEmpty() ? "" : " " + body) + " port="
					+ request.getPort();
		}).toList();
	}

	/** The chaos token of every call, oldest first. */
	private List<String> tokens() {
		return journal().stream().map((request) -> String.valueOf(request.getHeader("X-Chaos-Token"))).toList();
	}

	private List<LoggedRequest> journal() {
		List<LoggedRequest> newestFirst = this.stub.getAllServeEvents().stream().map(ServeEvent::getRequest).toList();
		return IntStream.range(0, newestFirst.size())
			.mapToObj((i) -> newestFirst.get(newestFirst.size() - 1 - i))
			.toList();
	}

}
