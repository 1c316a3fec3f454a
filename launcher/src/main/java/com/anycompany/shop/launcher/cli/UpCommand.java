package com.anycompany.shop.launcher.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import com.anycompany.shop.launcher.Console;
import com.anycompany.shop.launcher.LaunchException;
import com.anycompany.shop.launcher.control.ControlServer;
import com.anycompany.shop.launcher.control.StateFile;
import com.anycompany.shop.launcher.stack.ChaosMonkey;
import com.anycompany.shop.launcher.stack.LocalShop;
import com.anycompany.shop.launcher.stack.Tracer;

import com.anycompany.shop.launcher.Ports;
import com.anycompany.shop.schedule.Durations;
import com.anycompany.shop.schedule.Pauses;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./shop up}: build what is missing, start everything, supervise until Ctrl-C.
 */
@Command(name = "up", header = "Build what is missing, start the whole shop and supervise it until Ctrl-C.",
		sortOptions = false, usageHelpAutoWidth = true,
		description = {
				"Builds what is missing (Maven wrapper, npm ci), starts the local DynamoDB, xray-local and the six "
						+ "services on loopback, waits until all are ready and prints the storefront and console URLs. "
						+ "Then it supervises: a process that dies is restarted with a growing delay, as Kubernetes does. "
						+ "Ctrl-C stops everything it started.",
				"" },
		footer = { "", "Environment: SHOP_PORTS (e.g. frontend=9080,xray=3000), SHOP_FREE_PORTS=true, "
				+ "SHOP_TRACING_ENABLED=false, SHOP_TRACER=otel, SHOP_CDS=false, SHOP_JVM_OPTS, SHOP_LOGS_DIR, SHOP_START_TIMEOUT, SHOP_NODE.",
				"Port names: frontend, catalogservice, cartservice, orderservice, recommenderservice, imageservice, "
						+ "xray, dynamodb, otlp." })
public final class UpCommand implements Callable<Integer> {

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Option(names = "--port", paramLabel = "NAME=PORT",
			description = "Use another port for a component, e.g. --port frontend=9080 (repeatable; SHOP_PORTS). "
					+ "Defaults: frontend 8080, catalogservice 8081 ... imageservice 8085, xray 2000, dynamodb 8000.")
	List<String> ports = new ArrayList<>();

	@Option(names = "--free-ports", defaultValue = "${env:SHOP_FREE_PORTS:-false}",
			description = "Use any free loopback ports instead of the fixed ones (SHOP_FREE_PORTS).")
	boolean freePorts;

	@Option(names = "--tracing", negatable = true, defaultValue = "${env:SHOP_TRACING_ENABLED:-true}",
			fallbackValue = "true",
			description = "Trace with X-Ray (default); --no-tracing or SHOP_TRACING_ENABLED=false switches it off, "
					+ "e.g. to measure its overhead.")
	boolean tracing;

	@Option(names = "--tracer", paramLabel = "xray|otel|boot", defaultValue = "${env:SHOP_TRACER:-xray}",
			converter = TracerConverter.class,
			description = "What traces the services (SHOP_TRACER): xray, the X-Ray SDK (default); otel, the "
					+ "OpenTelemetry Java agent; or boot, Spring Boot's own OpenTelemetry support (no agent). "
					+ "The last two send OTLP to xray-local, with the SDK switched off. See docs/opentelemetry.md.")
	Tracer tracer;

	@Option(names = "--jvm-opts", paramLabel = "OPTS", defaultValue = "${env:SHOP_JVM_OPTS:-}",
			description = "More JVM options for every Java process, after the defaults so they win "
					+ "(SHOP_JVM_OPTS), e.g. \"-Xmx256m\".")
	String jvmOptions;

	@Option(names = "--logs-dir", paramLabel = "DIR", defaultValue = "${env:SHOP_LOGS_DIR}",
			description = "Where the logs go, one per process (SHOP_LOGS_DIR). Default: .shop/logs")
	Path logsDir;

	@Option(names = "--timeout", paramLabel = "D", defaultValue = "${env:SHOP_START_TIMEOUT:-3m}",
			description = "How long the start may take, builds not counted (SHOP_START_TIMEOUT). Default: ${DEFAULT-VALUE}")
	Duration timeout;

	@Option(names = "--cds", negatable = true, defaultValue = "${env:SHOP_CDS:-true}", fallbackValue = "true",
			description = "Start the Java processes from extracted jars with a class-data sharing archive, recorded "
					+ "once after each build (default; about 40%% less CPU at start); --no-cds or SHOP_CDS=false runs "
					+ "the jars as they are.")
	boolean cds;

	@Option(names = "--rebuild", description = "Build the services even if their jars exist.")
	boolean rebuild;

	@Option(names = "--no-build", negatable = false, description = "Never build: fail if a jar is missing.")
	boolean noBuild;

	@Option(names = "--load",
			description = "Also run the load generator in the background (log: loadgen.log), with --users and --duration.")
	boolean load;

	@Mixin
	LoadOptions loadOptions;

	@Option(names = "--chaos", description = "Also kill a random service every 2 to 5 minutes (see --chaos-interval).")
	boolean chaos;

	@Mixin
	ChaosPacing chaosPacing;

	@Override
	public Integer call() throws InterruptedException {
		Path project = ShopCli.projectDir();
		Path stateFile = StateFile.location(project);
		Optional<StateFile> running = StateFile.read(stateFile);
		if (running.isPresent()) {
			throw new LaunchException("The shop is already running (./shop up, pid " + running.get().launcherPid()
					+ ", " + running.get().storefront() + "). Stop it with Ctrl-C there or ./shop stop.");
		}
		Pauses schedule = this.chaosPacing.pauses();
		Console console = new Console(this.spec.commandLine().getOut());
		LocalShop.Builder builder = LocalShop.builder()
			.projectDir(project)
			.ports(ports())
			.tracingEnabled(this.tracing)
			.tracer(this.tracing ? this.tracer : Tracer.XRAY)
			.jvmOptions(splitOptions(this.jvmOptions))
			.startTimeout(this.timeout)
			.rebuild(this.rebuild)
			.fastStart(this.cds)
			.build(!this.noBuild)
			.extraModules(this.load ? List.of("loadgen") : List.of());
		if (this.logsDir != null) {
			builder.logsDir(this.logsDir);
		}
		String node = System.getenv("SHOP_NODE");
		if (node != null && !node.isBlank()) {
			builder.node(node);
		}
		console.line("starting AnyCompany Shop (tracing " + (!this.tracing ? "off" : switch (this.tracer) {
			case OTEL -> "with the OpenTelemetry agent";
			case BOOT -> "with Spring Boot's OpenTelemetry";
			case XRAY -> "on";
		}) + ")");
		LocalShop shop = builder.start(console);

		Random random = new Random();
		ChaosMonkey monkey = new ChaosMonkey(schedule, () -> shop.killRandom(random, "chaos"), console, random);
		ControlServer control = new ControlServer(shop, random, () -> System.exit(0));
		long pid = ProcessHandle.current().pid();
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			monkey.close();
			control.close();
			shop.close();
			StateFile.remove(stateFile, pid);
			stopped.countDown();
		}, "shop-up-stop"));
		new StateFile(pid, control.url(), control.token(), shop.storefrontUrl(), shop.consoleUrl(), shop.ports(),
				shop.logsDir(), shop.chaosToken())
			.write(stateFile);

		console.line("all " + shop.status().size() + " processes ready");
		console.plain("");
		console.plain("  AnyCompany Shop is running.");
		console.plain("    Storefront      " + shop.storefrontUrl());
		console.plain("    X-Ray console   " + shop.consoleUrl() + "   (service map, traces)");
		console.plain("    OTLP traces     http://127.0.0.1:" + shop.ports().of("otlp")
				+ "   (OpenTelemetry exporters; --tracer otel and boot send there)");
		console.plain("    Logs            " + shop.logsDir());
		console.plain("");
		console.plain("  Ctrl-C stops everything. In another terminal: ./shop load, ./shop chaos, ./shop status");
		console.plain("");
		if (this.load) {
			shop.startExtra(LoadCommand.loadgenSpec(shop, this.loadOptions));
			console.line("loadgen", this.loadOptions.users + " simulated shoppers"
					+ (this.loadOptions.duration.isZero() ? "" : " for " + Durations.format(this.loadOptions.duration))
					+ " (log: " + shop.logsDir().resolve("loadgen.log") + ")");
		}
		if (this.chaos) {
			monkey.start();
		}
		// supervising happens in the supervisor's threads; this one waits for Ctrl-C
		stopped.await();
		return 0;
	}

	private Ports ports() {
		if (this.freePorts) {
			if (!this.ports.isEmpty()) {
				throw new LaunchException("--free-ports and --port exclude each other");
			}
			return Ports.free();
		}
		Ports result = Ports.defaults();
		String fromEnv = System.getenv("SHOP_PORTS");
		if (fromEnv != null && !fromEnv.isBlank()) {
			result = result.with(Ports.parse(fromEnv));
		}
		for (String port : this.ports) {
			Map<String, Integer> change = Ports.parse(port);
			result = result.with(change);
		}
		return result;
	}

	static final class TracerConverter implements CommandLine.ITypeConverter<Tracer> {

		@Override
		public Tracer convert(String value) {
			return Tracer.parse(value);
		}

	}

	static List<String> splitOptions(String options) {
		if (options == null || options.isBlank()) {
			return List.of();
		}
		return Arrays.stream(options.strip().split("\\s+")).toList();
	}

}
