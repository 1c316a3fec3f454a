package com.anycompany.shop.launcher.stack;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.anycompany.shop.launcher.Component;
import com.anycompany.shop.launcher.Ports;
import com.anycompany.shop.launcher.process.ComponentSpec;
import com.anycompany.shop.launcher.process.HealthCheck;

/**
 * What runs, with which command line and environment: the wiring of the local shop in one
 * place.
 *
 * @param dynamoDb dynalite
 * @param xray xray-local
 * @param services the six services, catalog first
 */
public record Plan(ComponentSpec dynamoDb, ComponentSpec xray, List<ComponentSpec> services) {

	/**
	 * JVM options for every Java process, chosen for a laptop running eight JVMs at once:
	 * <ul>
	 * <li>{@code -XX:TieredStopAtLevel=1}: C1 only; starts faster and compiles with less
	 * CPU and memory, at a peak throughput that local traffic never needs;</li>
	 * <li>{@code -XX:+UseSerialGC}: the smallest footprint and no GC threads competing
	 * for two cores (small heaps make its pauses short);</li>
	 * <li>{@code -Xss512k}: half the default stack per thread (Tomcat has 200 of
	 * them);</li>
	 * <li>{@code -XX:ReservedCodeCacheSize=48m}, {@code -XX:MaxMetaspaceSize=192m}:
	 * bounds on what is not heap;</li>
	 * <li>{@code -XX:+ExitOnOutOfMemoryError}: a process out of memory dies and is
	 * restarted, as in Kubernetes, instead of limping on.</li>
	 * </ul>
	 * The heap ({@code -Xmx}) is set per component ({@link Component#heap()}).
	 * {@code SHOP_JVM_OPTS} / {@code --jvm-opts} come after these, so they win.
	 */
	static final List<String> JVM_DEFAULTS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss512k",
			"-XX:ReservedCodeCacheSize=48m", "-XX:MaxMetaspaceSize=192m", "-XX:+ExitOnOutOfMemoryError");

	/** xray-local keeps traces in memory, bounded to this much JSON. */
	static final String XRAY_STORED_JSON = "64MB";

	static Plan of(LocalShop.Settings settings, Map<String, AppJars.Launch> launches) {
		ComponentSpec dynamoDb = null;
		ComponentSpec xray = null;
		List<ComponentSpec> services = new ArrayList<>();
		for (Component component : Component.values()) {
			switch (component.kind()) {
				case DYNALITE -> dynamoDb = dynalite(settings, component);
				case XRAY_LOCAL -> xray = java(settings, launches, component, xrayEnvironment(settings), 0);
				case SERVICE -> services
					.add(java(settings, launches, component, serviceEnvironment(settings, component.process()), 1));
				case OTLP -> {
					// a port of xray-local
				}
			}
		}
		return new Plan(dynamoDb, xray, services);
	}

	private static ComponentSpec dynalite(LocalShop.Settings settings, Component component) {
		int port = settings.ports().of(component);
		return new ComponentSpec(component.process(),
				List.of(settings.node(), dynaliteCli(settings.localDynamoDbDir()).toString(), "--host", "127.0.0.1",
						"--port", String.valueOf(port), "--createTableMs", "50", "--deleteTableMs", "50",
						"--updateTableMs", "50"),
				settings.environment(), settings.projectDir(), logFile(settings, component), HealthCheck.tcp(port),
				true, 0);
	}

	private static ComponentSpec java(LocalShop.Settings settings, Map<String, AppJars.Launch> launches,
			Component component, Map<String, String> environment, int tier) {
		URI health = URI.create(loopback(settings.ports().of(component)) + component.healthPath());
		return new ComponentSpec(component.process(), java(settings, launch(launches, settings, component.process())),
				environment, settings.projectDir(), logFile(settings, component), HealthCheck.http(health), true, tier);
	}

	private static Path logFile(LocalShop.Settings settings, Component component) {
		return settings.logsDir().resolve(component.process() + ".log");
	}

	static Map<String, String> xrayEnvironment(LocalShop.Settings settings) {
		Map<String, String> env = new LinkedHashMap<>();
		env.put("XRAY_LOCAL_ADDRESS", "127.0.0.1");
		env.put("XRAY_LOCAL_PORT", String.valueOf(settings.ports().of(Component.XRAY)));
		env.put("XRAY_LOCAL_MAXSTOREDJSON", XRAY_STORED_JSON);
		env.put("XRAY_LOCAL_OTLP_PORT", String.valueOf(settings.ports().of(Component.OTLP)));
		// what the caller set wins over the wiring (e.g. a test's own daemon address)
		env.putAll(settings.environment());
		return env;
	}

	/** The environment of a Java module (xray-local or a service). */
	static Map<String, String> environment(LocalShop.Settings settings, String module) {
		return module.equals(LocalShop.XRAY) ? xrayEnvironment(settings) : serviceEnvironment(settings, module);
	}

	/** The JVM options of a Java module, before its archive and jar. */
	static List<String> jvmOptions(LocalShop.Settings settings, String module) {
		List<String> options = new ArrayList<>(JVM_DEFAULTS);
		options.add("-Xmx" + Component.find(module).orElseThrow().heap());
		options.addAll(settings.jvmOptions());
		return options;
	}

	/** The environment of one service: where it listens and where everything else is. */
	static Map<String, String> serviceEnvironment(LocalShop.Settings settings, String service) {
		Ports ports = settings.ports();
		Map<String, String> env = new LinkedHashMap<>();
		env.put("SERVER_PORT", String.valueOf(ports.of(service)));
		env.put("SERVER_ADDRESS", "127.0.0.1");
		for (Component callee : Component.values()) {
			if (callee.endpointVariable() != null) {
				env.put(callee.endpointVariable(), loopback(ports.of(callee)));
			}
		}
		env.put("DYNAMODB_CREATE_TABLES", "true");
		env.put("AWS_REGION", "us-east-1");
		env.put("AWS_ACCESS_KEY_ID", "local");
		env.put("AWS_SECRET_ACCESS_KEY", "local");
		env.put("AWS_EC2_METADATA_DISABLED", "true");
		env.put("AWS_XRAY_DAEMON_ADDRESS", "127.0.0.1:" + ports.of(Component.XRAY));
		env.put("SHOP_TRACING_ENABLED", String.valueOf(settings.tracingEnabled()));
		env.put("SHOP_CHAOS_ENABLED", "true");
		env.put("SHOP_CHAOS_TOKEN", settings.chaosToken());
		env.putAll(settings.tracer().serviceEnvironment(settings, service));
		// what the caller set wins over the wiring (e.g. a test's own daemon address)
		env.putAll(settings.environment());
		return env;
	}

	public static Path dynaliteCli(Path localDynamoDbDir) {
		return localDynamoDbDir.resolve("node_modules").resolve("dynalite").resolve("cli.js");
	}

	private static AppJars.Launch launch(Map<String, AppJars.Launch> launches, LocalShop.Settings settings,
			String module) {
		AppJars.Launch launch = launches.get(module);
		return (launch != null) ? launch
				: new AppJars.Launch(module, ProjectBuild.jar(settings.projectDir(), module), null);
	}

	private static List<String> java(LocalShop.Settings settings, AppJars.Launch launch) {
		List<String> command = new ArrayList<>();
		command.add(settings.javaCommand());
		command.addAll(jvmOptions(settings, launch.module()));
		if (!launch.module().equals(LocalShop.XRAY)) {
			// not in jvmOptions: class-data archives are recorded without the agent, so
			// one archive serves both tracers
			command.addAll(settings.tracer().serviceJvmOptions(settings));
		}
		command.addAll(launch.archiveOptions());
		command.add("-jar");
		command.add(launch.jar().toString());
		return command;
	}

	private static String loopback(int port) {
		return "http://127.0.0.1:" + port;
	}

	/** Every component, in start order. */
	List<ComponentSpec> all() {
		List<ComponentSpec> all = new ArrayList<>(List.of(this.dynamoDb, this.xray));
		all.addAll(this.services);
		return all;
	}

}
