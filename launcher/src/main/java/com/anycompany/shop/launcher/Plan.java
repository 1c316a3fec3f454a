package com.anycompany.shop.launcher;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What runs, with which command line and environment: the wiring of the local shop in one
 * place.
 *
 * @param dynamoDb dynalite
 * @param xray xray-local
 * @param services the six services, catalog first
 */
record Plan(ComponentSpec dynamoDb, ComponentSpec xray, List<ComponentSpec> services) {

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
	 * The heap ({@code -Xmx}) is set per component. {@code SHOP_JVM_OPTS} /
	 * {@code --jvm-opts} come after these, so they win.
	 */
	static final List<String> JVM_DEFAULTS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss512k",
			"-XX:ReservedCodeCacheSize=48m", "-XX:MaxMetaspaceSize=192m", "-XX:+ExitOnOutOfMemoryError");

	/** The services' heap: what they use under load, measured, with room to spare. */
	static final String SERVICE_HEAP = "-Xmx160m";

	/** xray-local keeps traces in memory (bounded to {@link #XRAY_STORED_JSON}). */
	static final String XRAY_HEAP = "-Xmx256m";

	static final String XRAY_STORED_JSON = "64MB";

	static Plan of(LocalShop.Settings settings, Map<String, AppJars.Launch> launches) {
		Ports ports = settings.ports();
		Path logs = settings.logsDir();
		Path project = settings.projectDir();

		int dynamoPort = ports.of("dynamodb");
		ComponentSpec dynamoDb = new ComponentSpec(LocalShop.DYNAMODB,
				List.of(settings.node(), dynaliteCli(settings.localDynamoDbDir()).toString(), "--host", "127.0.0.1",
						"--port", String.valueOf(dynamoPort), "--createTableMs", "50", "--deleteTableMs", "50",
						"--updateTableMs", "50"),
				settings.environment(), project, logs.resolve("dynamodb.log"), HealthCheck.tcp(dynamoPort), true, 0);

		int xrayPort = ports.of("xray");
		Map<String, String> xrayEnv = xrayEnvironment(settings);
		ComponentSpec xray = new ComponentSpec(LocalShop.XRAY,
				java(settings, launch(launches, settings, LocalShop.XRAY)), xrayEnv, project,
				logs.resolve("xray-local.log"),
				HealthCheck.http(URI.create("http://127.0.0.1:" + xrayPort + "/status")), true, 0);

		List<ComponentSpec> services = new ArrayList<>();
		for (String service : LocalShop.SERVICES) {
			int port = ports.of(service);
			services.add(new ComponentSpec(service, java(settings, launch(launches, settings, service)),
					serviceEnvironment(settings, service), project, logs.resolve(service + ".log"),
					HealthCheck.http(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness")), true, 1));
		}
		return new Plan(dynamoDb, xray, services);
	}

	static Map<String, String> xrayEnvironment(LocalShop.Settings settings) {
		Map<String, String> env = new LinkedHashMap<>();
		env.put("XRAY_LOCAL_ADDRESS", "127.0.0.1");
		env.put("XRAY_LOCAL_PORT", String.valueOf(settings.ports().of("xray")));
		env.put("XRAY_LOCAL_MAXSTOREDJSON", XRAY_STORED_JSON);
		env.put("XRAY_LOCAL_OTLP_PORT", String.valueOf(settings.ports().of("otlp")));
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
		options.add(module.equals(LocalShop.XRAY) ? XRAY_HEAP : SERVICE_HEAP);
		options.addAll(settings.jvmOptions());
		return options;
	}

	/** The environment of one service: where it listens and where everything else is. */
	static Map<String, String> serviceEnvironment(LocalShop.Settings settings, String service) {
		Ports ports = settings.ports();
		Map<String, String> env = new LinkedHashMap<>();
		env.put("SERVER_PORT", String.valueOf(ports.of(service)));
		env.put("SERVER_ADDRESS", "127.0.0.1");
		env.put("CATALOG_ENDPOINT", loopback(ports.of("catalogservice")));
		env.put("CART_ENDPOINT", loopback(ports.of("cartservice")));
		env.put("ORDER_ENDPOINT", loopback(ports.of("orderservice")));
		env.put("RECOMMENDER_ENDPOINT", loopback(ports.of("recommenderservice")));
		env.put("IMAGE_ENDPOINT", loopback(ports.of("imageservice")));
		env.put("DYNAMODB_ENDPOINT", loopback(ports.of("dynamodb")));
		env.put("DYNAMODB_CREATE_TABLES", "true");
		env.put("AWS_REGION", "us-east-1");
		env.put("AWS_ACCESS_KEY_ID", "local");
		env.put("AWS_SECRET_ACCESS_KEY", "local");
		env.put("AWS_EC2_METADATA_DISABLED", "true");
		env.put("AWS_XRAY_DAEMON_ADDRESS", "127.0.0.1:" + ports.of("xray"));
		env.put("SHOP_TRACING_ENABLED", String.valueOf(settings.tracingEnabled()));
		env.put("SHOP_CHAOS_ENABLED", "true");
		env.put("SHOP_CHAOS_TOKEN", settings.chaosToken());
		env.putAll(settings.tracer().serviceEnvironment(settings, service));
		// what the caller set wins over the wiring (e.g. a test's own daemon address)
		env.putAll(settings.environment());
		return env;
	}

	static Path dynaliteCli(Path localDynamoDbDir) {
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
