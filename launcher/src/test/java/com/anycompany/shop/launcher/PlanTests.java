package com.anycompany.shop.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlanTests {

	private static LocalShop.Settings settings(Map<String, String> environment, boolean tracing) {
		return new LocalShop.Settings(Path.of("/shop"), Path.of("/shop/local-dynamodb"), Path.of("/shop/.shop/logs"),
				Ports.defaults(), tracing, "java", List.of("-Xmx300m"), "node", Duration.ofMinutes(1), environment,
				true, "chaos-secret");
	}

	@Test
	void servicesAreWiredToTheDefaultPortsOnLoopback() {
		Map<String, String> env = Plan.serviceEnvironment(settings(Map.of(), true), "orderservice");

		assertThat(env).containsEntry("SERVER_PORT", "8083")
			.containsEntry("SERVER_ADDRESS", "127.0.0.1")
			.containsEntry("CATALOG_ENDPOINT", "http://127.0.0.1:8081")
			.containsEntry("CART_ENDPOINT", "http://127.0.0.1:8082")
			.containsEntry("DYNAMODB_ENDPOINT", "http://127.0.0.1:8000")
			.containsEntry("AWS_XRAY_DAEMON_ADDRESS", "127.0.0.1:2000")
			.containsEntry("SHOP_TRACING_ENABLED", "true")
			.containsEntry("SHOP_CHAOS_ENABLED", "true")
			.containsEntry("SHOP_CHAOS_TOKEN", "chaos-secret");
	}

	@Test
	void theCallersEnvironmentWins() {
		LocalShop.Settings settings = settings(Map.of("AWS_XRAY_DAEMON_ADDRESS", "127.0.0.1:4999", "EXTRA", "x"),
				false);

		assertThat(Plan.serviceEnvironment(settings, "frontend"))
			.containsEntry("AWS_XRAY_DAEMON_ADDRESS", "127.0.0.1:4999")
			.containsEntry("EXTRA", "x")
			.containsEntry("SHOP_TRACING_ENABLED", "false");
		assertThat(Plan.xrayEnvironment(settings)).containsEntry("EXTRA", "x").containsEntry("XRAY_LOCAL_PORT", "2000");
	}

	@Test
	void userJvmOptionsComeAfterTheDefaultsAndTheArchiveBeforeTheJar() {
		Path archive = Path.of("/shop/.shop/app/cartservice/cartservice.jsa");
		Plan plan = Plan.of(settings(Map.of(), true), Map.of("cartservice", new AppJars.Launch("cartservice",
				Path.of("/shop/.shop/app/cartservice/app/cartservice.jar"), archive)));

		List<String> cart = plan.services().get(1).command();
		assertThat(plan.services().get(1).name()).isEqualTo("cartservice");
		// the archive does not exist here, so no -XX:SharedArchiveFile
		assertThat(cart)
			.containsSubsequence("java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx160m", "-Xmx300m", "-jar",
					"/shop/.shop/app/cartservice/app/cartservice.jar")
			.noneMatch((option) -> option.startsWith("-XX:SharedArchiveFile"));
		assertThat(plan.xray().command()).containsSubsequence("-Xmx256m", "-Xmx300m", "-jar",
				"/shop/xray-local/target/xray-local.jar");
		assertThat(plan.dynamoDb().command()).containsSubsequence("node",
				"/shop/local-dynamodb/node_modules/dynalite/cli.js", "--host", "127.0.0.1", "--port", "8000");
	}

}
