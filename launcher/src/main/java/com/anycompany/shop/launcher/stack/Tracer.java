package com.anycompany.shop.launcher.stack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.anycompany.shop.launcher.Component;
import com.anycompany.shop.launcher.LaunchException;
import com.anycompany.shop.launcher.Ports;

/**
 * What traces the services: the X-Ray SDK (the workshop's way, the default), the
 * OpenTelemetry Java agent, or Spring Boot's own OpenTelemetry support (no agent): the
 * two paths past the SDK's end of support. With either of the last two, the tracing
 * module's master switch is off ({@code SHOP_TRACING_ENABLED=false}) and the services
 * send OTLP to xray-local, so the console draws the same map from spans.
 */
public enum Tracer {

	/** The X-Ray SDK through the tracing module, segments over UDP to xray-local. */
	XRAY,

	/** The OpenTelemetry Java agent, OTLP/HTTP to xray-local's receiver. */
	OTEL,

	/**
	 * Spring Boot's own OpenTelemetry support, no agent: the tracing module's
	 * {@code otel} package switched on by {@code SHOP_TRACING_OPENTELEMETRY_ENABLED},
	 * OTLP/HTTP to xray-local's receiver through Boot's exporter.
	 */
	BOOT;

	/**
	 * Where the build puts the agent ({@code maven-dependency-plugin} in the launcher's
	 * POM, version pinned in the root POM).
	 */
	static Path agentJar(Path projectDir) {
		return projectDir.resolve("launcher").resolve("target").resolve("otel").resolve("opentelemetry-javaagent.jar");
	}

	/**
	 * The agent extension that adds X-Ray remote sampling (module
	 * {@code otel-xray-sampling}), copied beside the agent by the same build.
	 */
	static Path samplingExtensionJar(Path projectDir) {
		return agentJar(projectDir).resolveSibling("otel-xray-sampling.jar");
	}

	/** The agent's configuration, written next to the logs from the launcher's copy. */
	static Path agentConfig(LocalShop.Settings settings) {
		return settings.logsDir().resolveSibling("otel-agent.yaml");
	}

	/**
	 * Reads {@code xray}, {@code x-ray}, {@code otel}, {@code opentelemetry},
	 * {@code boot}.
	 */
	public static Tracer parse(String text) {
		return switch (text.strip().toLowerCase(Locale.ROOT)) {
			case "xray", "x-ray", "sdk" -> XRAY;
			case "otel", "opentelemetry", "agent" -> OTEL;
			case "boot", "spring", "boot-otel" -> BOOT;
			default -> throw new LaunchException("'" + text + "' is not a tracer; use xray, otel or boot");
		};
	}

	/** JVM options of a service with this tracer: the agent and its configuration. */
	List<String> serviceJvmOptions(LocalShop.Settings settings) {
		if (this != OTEL) {
			return List.of();
		}
		return List.of("-javaagent:" + agentJar(settings.projectDir()),
				"-Dotel.javaagent.extensions=" + samplingExtensionJar(settings.projectDir()),
				"-Dotel.experimental.config.file=" + agentConfig(settings));
	}

	/**
	 * Environment of a service with this tracer. The agent's file reads these; the names
	 * are the standard {@code OTEL_*} ones.
	 */
	Map<String, String> serviceEnvironment(LocalShop.Settings settings, String service) {
		Map<String, String> env = new LinkedHashMap<>();
		if (this == XRAY) {
			return env;
		}
		Ports ports = settings.ports();
		// the tracing module's master switch: no X-Ray recorder, filter or interceptor
		env.put("SHOP_TRACING_ENABLED", "false");
		if (this == BOOT) {
			return bootEnvironment(env, ports);
		}
		env.put("OTEL_SERVICE_NAME", service);
		env.put("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:" + ports.of(Component.OTLP));
		env.put("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
		env.put("OTEL_PROPAGATORS", "tracecontext,baggage,xray");
		env.put("OTEL_METRICS_EXPORTER", "none");
		env.put("OTEL_LOGS_EXPORTER", "none");
		// X-Ray remote sampling, as the SDK services sample: the rules and targets of
		// xray-local's daemon port, on loopback like everything else
		env.put("SHOP_OTEL_XRAY_SAMPLING_ENDPOINT", "http://127.0.0.1:" + ports.of(Component.XRAY));
		// the contrib sampler asks for the rules once at start and then every 5 minutes;
		// xray-local
		// starts beside the services and may not listen yet, and until the next poll the
		// agent would
		// sample by its built-in 1/s + 5%: locally, where the poll costs nothing, ask
		// every 10 s
		env.put("SHOP_OTEL_XRAY_SAMPLING_POLLING_INTERVAL", "10000");
		env.put("OTEL_RESOURCE_PROVIDERS_AWS_ENABLED", "false");
		env.put("OTEL_RESOURCE_PROVIDERS_GCP_ENABLED", "false");
		env.put("OTEL_RESOURCE_PROVIDERS_AZURE_ENABLED", "false");
		for (String callee : LocalShop.SERVICES) {
			env.put("SHOP_OTEL_PEER_" + callee.toUpperCase(Locale.ROOT), "127.0.0.1:" + ports.of(callee));
		}
		return env;
	}

	/**
	 * Spring Boot's own names: the service name is {@code spring.application.name}, the
	 * sampling proxy the daemon address the SDK uses too; only traces are exported (the
	 * OpenTelemetry starter's OTLP metrics registry is switched off: xray-local takes
	 * traces).
	 */
	private static Map<String, String> bootEnvironment(Map<String, String> env, Ports ports) {
		env.put("SHOP_TRACING_OPENTELEMETRY_ENABLED", "true");
		env.put("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT",
				"http://127.0.0.1:" + ports.of(Component.OTLP) + "/v1/traces");
		// the SDK sends each segment as it ends; a second keeps the map nearly as live
		env.put("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_SCHEDULE_DELAY", "1s");
		env.put("MANAGEMENT_OTLP_METRICS_EXPORT_ENABLED", "false");
		return env;
	}

	/**
	 * Checks the agent is built and writes its configuration file; nothing for the SDK.
	 */
	void prepare(LocalShop.Settings settings) {
		if (this != OTEL) {
			return;
		}
		for (Path jar : List.of(agentJar(settings.projectDir()), samplingExtensionJar(settings.projectDir()))) {
			if (!Files.isRegularFile(jar)) {
				throw new LaunchException("The OpenTelemetry Java agent or its X-Ray sampling extension is missing ("
						+ jar + "). Build them with ./mvnw -DskipTests -pl launcher -am package");
			}
		}
		try (InputStream config = Tracer.class.getResourceAsStream("/otel/agent-config.yaml")) {
			Path target = agentConfig(settings);
			Files.createDirectories(target.getParent());
			Files.copy(config, target, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new LaunchException("Cannot write the agent's configuration: " + ex.getMessage(), ex);
		}
	}

}
