package com.anycompany.shop.launcher.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.anycompany.shop.launcher.Component;
import com.anycompany.shop.launcher.LaunchException;
import com.anycompany.shop.launcher.Ports;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlanTests {

	static LocalShop.Settings settings(Map<String, String> environment, boolean tracing) {
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

	@Test
	void withTheOpenTelemetryAgentServicesStartWithItAndTheSdkSwitchedOff() {
		LocalShop.Settings settings = new LocalShop.Settings(Path.of("/shop"), Path.of("/shop/local-dynamodb"),
				Path.of("/shop/.shop/logs"), Ports.defaults(), true, "java", List.of(), "node", Duration.ofMinutes(1),
				Map.of(), true, "chaos-secret", Tracer.OTEL);
		Plan plan = Plan.of(settings, Map.of());

		assertThat(plan.services()).allSatisfy((service) -> assertThat(service.command()).containsSubsequence(
				"-javaagent:/shop/launcher/target/otel/opentelemetry-javaagent.jar",
				"-Dotel.experimental.config.file=/shop/.shop/otel-agent.yaml", "-jar"));
		assertThat(plan.xray().command()).noneMatch((option) -> option.startsWith("-javaagent"));
		assertThat(plan.services().get(2).environment()).containsEntry("SHOP_TRACING_ENABLED", "false")
			.containsEntry("OTEL_SERVICE_NAME", "orderservice")
			.containsEntry("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:4318")
			.containsEntry("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf")
			.containsEntry("OTEL_PROPAGATORS", "tracecontext,baggage,xray")
			.containsEntry("OTEL_METRICS_EXPORTER", "none")
			.containsEntry("OTEL_LOGS_EXPORTER", "none")
			.containsEntry("OTEL_RESOURCE_PROVIDERS_AWS_ENABLED", "false")
			.containsEntry("SHOP_OTEL_PEER_CATALOGSERVICE", "127.0.0.1:8081");
		assertThat(plan.xray().environment()).containsEntry("XRAY_LOCAL_OTLP_PORT", "4318");
		// with the SDK, nothing of the agent
		Plan sdk = Plan.of(settings(Map.of(), true), Map.of());
		assertThat(sdk.services().get(0).command()).noneMatch((option) -> option.contains("javaagent"));
		assertThat(sdk.services().get(0).environment()).doesNotContainKey("OTEL_SERVICE_NAME");
	}

	@Test
	void withBootsOpenTelemetryServicesSwitchItOnAndExportToXrayLocalWithoutAnAgent() {
		LocalShop.Settings settings = new LocalShop.Settings(Path.of("/shop"), Path.of("/shop/local-dynamodb"),
				Path.of("/shop/.shop/logs"), Ports.defaults(), true, "java", List.of(), "node", Duration.ofMinutes(1),
				Map.of(), true, "chaos-secret", Tracer.BOOT);
		Plan plan = Plan.of(settings, Map.of());

		assertThat(plan.services()).allSatisfy((service) -> assertThat(service.command())
			.noneMatch((option) -> option.contains("javaagent") || option.contains("otel.")));
		assertThat(plan.services().get(2).environment()).containsEntry("SHOP_TRACING_ENABLED", "false")
			.containsEntry("SHOP_TRACING_OPENTELEMETRY_ENABLED", "true")
			.containsEntry("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT", "http://127.0.0.1:4318/v1/traces")
			.containsEntry("MANAGEMENT_OTLP_METRICS_EXPORT_ENABLED", "false")
			// the X-Ray sampling rules come from xray-local's port, as the SDK's do
			.containsEntry("AWS_XRAY_DAEMON_ADDRESS", "127.0.0.1:2000")
			.doesNotContainKey("OTEL_SERVICE_NAME");
		assertThat(plan.xray().environment()).containsEntry("XRAY_LOCAL_OTLP_PORT", "4318");
		// neither the agent's nor this tracer's switch with the SDK
		assertThat(Plan.of(settings(Map.of(), true), Map.of()).services().get(0).environment())
			.doesNotContainKey("SHOP_TRACING_OPENTELEMETRY_ENABLED");
	}

	@Test
	void withTheOpenTelemetryAgentServicesSampleByXrayLocalsRulesOnLoopback() throws Exception {
		LocalShop.Settings settings = new LocalShop.Settings(Path.of("/shop"), Path.of("/shop/local-dynamodb"),
				Path.of("/shop/.shop/logs"), Ports.defaults(), true, "java", List.of(), "node", Duration.ofMinutes(1),
				Map.of(), true, "chaos-secret", Tracer.OTEL);
		Plan plan = Plan.of(settings, Map.of());

		assertThat(plan.services()).allSatisfy((service) -> {
			assertThat(service.command()).containsSubsequence(
					"-javaagent:/shop/launcher/target/otel/opentelemetry-javaagent.jar",
					"-Dotel.javaagent.extensions=/shop/launcher/target/otel/otel-xray-sampling.jar", "-jar");
			// the contrib sampler polls xray-local's daemon port, on loopback
			assertThat(service.environment()).containsEntry("SHOP_OTEL_XRAY_SAMPLING_ENDPOINT",
					"http://127.0.0.1:2000");
			// a first poll made before xray-local listens is tried again within seconds,
			// not minutes
			assertThat(service.environment()).containsEntry("SHOP_OTEL_XRAY_SAMPLING_POLLING_INTERVAL", "10000");
		});
		// and the agent's file hands the root decision to it, behind the drop rules
		try (var config = Tracer.class.getResourceAsStream("/otel/agent-config.yaml")) {
			String yaml = new String(config.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
			assertThat(yaml)
				.contains("xray:", "endpoint: ${SHOP_OTEL_XRAY_SAMPLING_ENDPOINT:-http://127.0.0.1:2000}",
						"service_name: ${OTEL_SERVICE_NAME}")
				.doesNotContain("always_on");
		}
	}

	@Test
	void tracersAreReadByName() {
		assertThat(Tracer.parse("boot")).isEqualTo(Tracer.BOOT);
		assertThat(Tracer.parse("otel")).isEqualTo(Tracer.OTEL);
		assertThat(Tracer.parse(" OpenTelemetry ")).isEqualTo(Tracer.OTEL);
		assertThat(Tracer.parse("xray")).isEqualTo(Tracer.XRAY);
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> Tracer.parse("zipkin"))
			.isInstanceOf(LaunchException.class)
			.hasMessageContaining("use xray, otel or boot");
	}

	@Test
	void everyCalleeIsWiredIntoEveryService() {
		Map<String, String> env = Plan.serviceEnvironment(settings(Map.of(), true), "frontend");

		assertThat(env).containsEntry("CATALOG_ENDPOINT", "http://127.0.0.1:8081")
			.containsEntry("IMAGE_ENDPOINT", "http://127.0.0.1:8085")
			.containsEntry("DYNAMODB_ENDPOINT", "http://127.0.0.1:8000")
			.doesNotContainKey("FRONTEND_ENDPOINT");
		for (Component service : Component.services()) {
			assertThat(service.isJava()).isTrue();
			assertThat(service.healthPath()).isEqualTo("/actuator/health/readiness");
		}
	}

}
