package com.anycompany.shop.launcher.stack;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;

import com.anycompany.shop.launcher.FakeProject;
import com.anycompany.shop.launcher.Fakes;
import com.anycompany.shop.launcher.Ports;
import com.anycompany.shop.launcher.cli.ShopCli;
import com.anycompany.shop.launcher.control.ControlServer;
import com.anycompany.shop.launcher.control.StateFile;
import com.anycompany.shop.launcher.process.Backoff;
import com.anycompany.shop.launcher.process.Supervisor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole start path of {@code ./shop up} with fake services and the real dynalite.
 */
class LocalShopTests {

	@TempDir
	Path dir;

	@Test
	void startsEverythingOnFreePortsWiredTogetherRestartsAKilledServiceAndLeavesNothingBehind() throws Exception {
		Path project = FakeProject.create(this.dir);
		Fakes.Output output = new Fakes.Output();
		LocalShop shop = LocalShop.builder()
			.projectDir(project)
			.freePorts()
			.tracingEnabled(false)
			.output(output.stream())
			.supervisorOptions(Supervisor.Options.DEFAULT
				.withBackoff(new Backoff(Duration.ofMillis(100), 2, Duration.ofSeconds(1), Duration.ofMinutes(1))))
			.start();
		List<Supervisor.Status> started;
		try {
			started = shop.status();
			assertThat(started).extracting(Supervisor.Status::name)
				.containsExactly("dynamodb", "xray-local", "catalogservice", "cartservice", "orderservice",
						"recommenderservice", "imageservice", "frontend");
			assertThat(started).extracting(Supervisor.Status::state).containsOnly(Supervisor.State.READY);
			assertThat(output.text()).containsPattern("\\[\\s*[\\d.]+s\\] catalogservice\\s+ready \\(pid \\d+");

			Ports ports = shop.ports();
			assertThat(shop.storefrontUrl()).isEqualTo(URI.create("http://localhost:" + ports.of("frontend")));
			assertThat(shop.consoleUrl()).isEqualTo(URI.create("http://localhost:" + ports.of("xray")));
			assertThat(Fakes.get(shop.serviceUrl("cartservice") + "/env")).contains(
					"SERVER_PORT=" + ports.of("cartservice"), "SERVER_ADDRESS=127.0.0.1",
					"CATALOG_ENDPOINT=http://127.0.0.1:" + ports.of("catalogservice"),
					"CART_ENDPOINT=http://127.0.0.1:" + ports.of("cartservice"),
					"ORDER_ENDPOINT=http://127.0.0.1:" + ports.of("orderservice"),
					"RECOMMENDER_ENDPOINT=http://127.0.0.1:" + ports.of("recommenderservice"),
					"IMAGE_ENDPOINT=http://127.0.0.1:" + ports.of("imageservice"),
					"DYNAMODB_ENDPOINT=http://127.0.0.1:" + ports.of("dynamodb"), "AWS_REGION=us-east-1",
					"AWS_ACCESS_KEY_ID=local", "AWS_SECRET_ACCESS_KEY=local", "AWS_EC2_METADATA_DISABLED=true",
					"DYNAMODB_CREATE_TABLES=true", "AWS_XRAY_DAEMON_ADDRESS=127.0.0.1:" + ports.of("xray"),
					"SHOP_TRACING_ENABLED=false", "SHOP_CHAOS_ENABLED=true", "SHOP_CHAOS_TOKEN=" + shop.chaosToken());
			// a new secret for each start, not something a web page could know
			assertThat(shop.chaosToken()).matches("[0-9a-f]{48}");
			assertThat(Fakes.get("http://127.0.0.1:" + ports.of("xray") + "/env")).doesNotContain("SHOP_CHAOS_TOKEN");
			assertThat(Fakes.get("http://127.0.0.1:" + ports.of("xray") + "/env"))
				.contains("XRAY_LOCAL_PORT=" + ports.of("xray"), "XRAY_LOCAL_ADDRESS=127.0.0.1");
			assertThat(Fakes.get(shop.serviceUrl("frontend") + "/jvm").lines()).contains("-XX:TieredStopAtLevel=1",
					"-XX:+UseSerialGC", "-Xss512k", "-Xmx160m", "-XX:+ExitOnOutOfMemoryError");
			assertThat(Fakes.get("http://127.0.0.1:" + ports.of("xray") + "/jvm").lines()).contains("-Xmx256m");
			assertThat(listTables(shop.dynamoDbEndpoint())).isEqualTo("{\"TableNames\":[]}");

			long killed = shop.kill("cartservice");
			shop.awaitHealthy(Duration.ofSeconds(60));
			long restarted = shop.supervisor().status("cartservice").orElseThrow().pid();
			assertThat(restarted).isNotEqualTo(killed);
			assertThat(Fakes.alive(killed)).isFalse();
			assertThat(output.text()).containsPattern("cartservice\\s+ready again \\(pid " + restarted + ", restart 1");
			// the kill is on xray-local's chaos timeline
			assertThat(Fakes.get("http://127.0.0.1:" + ports.of("xray") + "/posted")).contains(
					"/local/chaos/events {\"time\":", "\"action\":\"kill\",\"target\":\"cartservice\"",
					"\"pid\":" + killed, "\"source\":\"launcher\"");

			controlFromAnotherTerminal(shop, project);
		}
		finally {
			shop.close();
		}
		List<Supervisor.Status> last = shop.status();
		assertThat(last).extracting(Supervisor.Status::pid).allSatisfy((pid) -> assertThat(Fakes.alive(pid)).isFalse());
		assertThat(shop.ports().asMap().values()).allSatisfy((port) -> assertThat(PortCheck.tcpFree(port)).isTrue());
		assertThat(output.text()).contains("stopped: no process left");
	}

	/**
	 * {@code ./shop status} and {@code ./shop chaos kill} through the state file and
	 * control endpoint.
	 */
	private void controlFromAnotherTerminal(LocalShop shop, Path project) throws Exception {
		try (ControlServer control = new ControlServer(shop, new Random(1), () -> {
		})) {
			new StateFile(ProcessHandle.current().pid(), control.url(), control.token(), shop.storefrontUrl(),
					shop.consoleUrl(), shop.ports(), shop.logsDir(), shop.chaosToken())
				.write(StateFile.location(project));
			System.setProperty("shop.home", project.toString());
			try {
				StringWriter out = new StringWriter();
				CommandLine cli = ShopCli.commandLine().setOut(new PrintWriter(out, true));

				assertThat(cli.execute("status")).isZero();
				assertThat(out.toString()).contains("Storefront     " + shop.storefrontUrl())
					.containsPattern("frontend\\s+ready\\s+\\d+\\s+0\\s+" + shop.ports().of("frontend"))
					.containsPattern("cartservice\\s+ready\\s+\\d+\\s+1\\s+");

				long frontend = shop.supervisor().status("frontend").orElseThrow().pid();
				assertThat(cli.execute("chaos", "kill", "frontend")).isZero();
				assertThat(out.toString()).contains("killed frontend (pid " + frontend + ")");
				shop.awaitHealthy(Duration.ofSeconds(60));
				assertThat(cli.execute("chaos", "kill")).isZero();
				assertThat(out.toString()).containsPattern(
						"killed (catalog|cart|order|recommender|image)?(service)?(frontend)? \\(pid \\d+\\)\\s*$");
				assertThat(Fakes.get("http://127.0.0.1:" + shop.ports().of("xray") + "/posted"))
					.contains("\"action\":\"kill\",\"target\":\"frontend\"")
					.containsPattern("\"action\":\"kill\",.*\"source\":\"randomizer\"");
				shop.awaitHealthy(Duration.ofSeconds(60));

				// a token is required: nothing but the local user's commands drive the
				// shop
				HttpResponse<String> anonymous = Fakes.HTTP
					.send(HttpRequest.newBuilder(URI.create(control.url() + "/kill"))
						.POST(HttpRequest.BodyPublishers.noBody())
						.build(), HttpResponse.BodyHandlers.ofString());
				assertThat(anonymous.statusCode()).isEqualTo(403);
			}
			finally {
				System.clearProperty("shop.home");
			}
		}
	}

	private static String listTables(URI dynamoDb) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(dynamoDb)
			.header("X-Amz-Target", "DynamoDB_20120810.ListTables")
			.header("Content-Type", "application/x-amz-json-1.0")
			.header("X-Amz-Date", "20250101T000000Z")
			.header("Authorization",
					"AWS4-HMAC-SHA256 Credential=local/20250101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0")
			.POST(HttpRequest.BodyPublishers.ofString("{}"))
			.build();
		return Fakes.HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
	}

}
