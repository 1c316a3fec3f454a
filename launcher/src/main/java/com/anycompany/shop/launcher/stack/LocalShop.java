package com.anycompany.shop.launcher.stack;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.random.RandomGenerator;

import com.anycompany.shop.launcher.Component;
import com.anycompany.shop.launcher.Console;
import com.anycompany.shop.launcher.process.Supervisor;

import com.anycompany.shop.launcher.LaunchException;
import com.anycompany.shop.launcher.Ports;
import com.anycompany.shop.launcher.process.ComponentSpec;
import com.anycompany.shop.schedule.Durations;

/**
 * The whole shop on this machine: local DynamoDB (dynalite), xray-local and the six
 * services, each a supervised process on loopback. {@code ./shop up} and tests start it
 * the same way:
 *
 * <pre>
 * try (LocalShop shop = LocalShop.builder().projectDir(dir).freePorts().start()) {
 *     URI storefront = shop.storefrontUrl();
 *     shop.kill("cartservice"); // a crash: the supervisor restarts it
 *     shop.awaitHealthy(Duration.ofMinutes(1));
 * }
 * </pre>
 */
public final class LocalShop implements AutoCloseable {

	/**
	 * The storefront services, in start order: the catalog first, as the others ask it
	 * (from the {@link Component} catalogue).
	 */
	public static final List<String> SERVICES = Component.serviceNames();

	/** The Java components built from this project. */
	public static final List<String> JAVA_MODULES = Component.javaModules();

	static final String DYNAMODB = Component.DYNAMODB.process();

	static final String XRAY = Component.XRAY.process();

	private final Settings settings;

	private final Console console;

	private final Supervisor supervisor;

	private final Thread shutdownHook;

	private LocalShop(Settings settings, Console console, Supervisor.Options options) {
		this.settings = settings;
		this.console = console;
		this.supervisor = new Supervisor(console, options);
		this.shutdownHook = new Thread(this::close, "local-shop-stop");
	}

	public static Builder builder() {
		return new Builder();
	}

	/** The storefront, as a person opens it: {@code http://localhost:8080}. */
	public URI storefrontUrl() {
		return URI.create("http://localhost:" + this.settings.ports().of(Component.FRONTEND));
	}

	/** xray-local's console (service map, traces): {@code http://localhost:2000}. */
	public URI consoleUrl() {
		return URI.create("http://localhost:" + this.settings.ports().of(Component.XRAY));
	}

	/** A service's base URL on loopback, e.g. {@code http://127.0.0.1:8081}. */
	public URI serviceUrl(String service) {
		return URI.create("http://127.0.0.1:" + this.settings.ports().of(service));
	}

	/**
	 * The secret every service's fault injection ({@code /actuator/chaos}) wants in
	 * {@code X-Chaos-Token}: random for each start, unless the caller set
	 * {@code SHOP_CHAOS_TOKEN} in {@link Builder#environment}.
	 */
	public String chaosToken() {
		return this.settings.chaosToken();
	}

	public URI dynamoDbEndpoint() {
		return URI.create("http://127.0.0.1:" + this.settings.ports().of(Component.DYNAMODB));
	}

	public Ports ports() {
		return this.settings.ports();
	}

	public Path logsDir() {
		return this.settings.logsDir();
	}

	/** Where every process is now. */
	public List<Supervisor.Status> status() {
		return this.supervisor.status();
	}

	/**
	 * Kills a service's process with SIGKILL, as a crash; the supervisor restarts it.
	 * @return the pid killed
	 */
	public long kill(String service) {
		return kill(service, "kill");
	}

	public long kill(String service, String why) {
		if (!SERVICES.contains(service)) {
			throw new LaunchException("'" + service + "' is not a storefront service; one of " + SERVICES);
		}
		long pid = this.supervisor.kill(service, why);
		new ChaosEventLog(ports()).record("kill", service, Map.of("pid", pid, "signal", "SIGKILL"), "launcher");
		return pid;
	}

	/**
	 * Kills one storefront service chosen at random among those ready now.
	 * @return its name, or empty when none is ready
	 */
	public java.util.Optional<String> killRandom(RandomGenerator random, String why) {
		java.util.Optional<String> victim = ChaosMonkey.pickVictim(this.supervisor.status(), SERVICES, random);
		victim.ifPresent((service) -> new ChaosEventLog(ports()).record("kill", service,
				Map.of("pid", this.supervisor.kill(service, why), "signal", "SIGKILL"), "randomizer"));
		return victim;
	}

	/** Waits until every process is ready again, e.g. after {@link #kill(String)}. */
	public void awaitHealthy(Duration timeout) throws InterruptedException {
		this.supervisor.awaitReady(names(), timeout);
	}

	Supervisor supervisor() {
		return this.supervisor;
	}

	/** Runs one more process under the same supervision (e.g. the load generator). */
	public void startExtra(ComponentSpec spec) {
		this.supervisor.start(spec);
	}

	public Settings settings() {
		return this.settings;
	}

	/** Stops every process it started, children included; returns when none is left. */
	@Override
	public void close() {
		this.supervisor.close();
		try {
			Runtime.getRuntime().removeShutdownHook(this.shutdownHook);
		}
		catch (IllegalStateException | IllegalArgumentException notNeeded) {
			// the JVM is stopping (this runs in the hook), or the hook was never added
		}
	}

	private static List<String> names() {
		return Component.processNames();
	}

	/**
	 * The start-up, in order: the cheap checks (a taken port should not cost a build),
	 * the logs, what is missing built, the tracer prepared; then DynamoDB (the services
	 * create their tables at start), the class-data archives that are missing, xray-local
	 * and the services together, and the wait until all are ready.
	 * @throws LaunchException with a message for the user; nothing is left running
	 */
	private LocalShop start(Preparation preparation) throws InterruptedException {
		try {
			PortCheck.requireFree(ports(), Set.of(Component.XRAY.portName()));
			Prerequisites.requireNode(this.settings.node());
			prepareLogs(this.settings.logsDir());
			buildWhatIsMissing(preparation);
			this.settings.tracer().prepare(this.settings);
			Runtime.getRuntime().addShutdownHook(this.shutdownHook);
			Map<String, AppJars.Launch> launches = prepareJars();
			Plan plan = Plan.of(this.settings, launches);
			this.supervisor.start(plan.dynamoDb());
			this.supervisor.awaitReady(List.of(DYNAMODB), this.settings.startTimeout());
			if (recordArchives(launches)) {
				plan = Plan.of(this.settings, launches);
			}
			this.supervisor.start(plan.xray());
			plan.services().forEach(this.supervisor::start);
			this.supervisor.awaitReady(names(), this.settings.startTimeout());
			return this;
		}
		catch (RuntimeException | InterruptedException ex) {
			close();
			throw ex;
		}
	}

	/** Installs dynalite and builds the jars that are missing (all with rebuild). */
	private void buildWhatIsMissing(Preparation preparation) throws InterruptedException {
		ProjectBuild build = new ProjectBuild(this.settings.projectDir(), this.settings.logsDir(), this.console);
		if (!Files.isRegularFile(Plan.dynaliteCli(this.settings.localDynamoDbDir()))) {
			build.installDynalite(this.settings.localDynamoDbDir(), preparation.npm());
		}
		List<String> modules = new ArrayList<>(JAVA_MODULES);
		modules.addAll(preparation.extraModules());
		List<String> toBuild = preparation.rebuild() ? modules : build.missing(modules);
		if (toBuild.isEmpty()) {
			return;
		}
		if (!preparation.build()) {
			throw new LaunchException("Not built: " + String.join(", ", toBuild)
					+ ". Build with ./mvnw -DskipTests -pl " + String.join(",", toBuild) + " -am package");
		}
		build.build(toBuild);
		// a long build may have let something else take a port meanwhile
		PortCheck.requireFree(ports(), Set.of(Component.XRAY.portName()));
	}

	/**
	 * A fresh log per component for this run; the previous run's logs are removed.
	 */
	private static void prepareLogs(Path logs) {
		try {
			Files.createDirectories(logs);
			try (DirectoryStream<Path> old = Files.newDirectoryStream(logs, "*.log")) {
				for (Path log : old) {
					Files.deleteIfExists(log);
				}
			}
		}
		catch (IOException ex) {
			throw new LaunchException("Cannot prepare the logs folder " + logs + ": " + ex.getMessage(), ex);
		}
	}

	/** Extracts the executable jars that changed (see {@link AppJars}). */
	private Map<String, AppJars.Launch> prepareJars() throws InterruptedException {
		Map<String, AppJars.Launch> launches = new LinkedHashMap<>();
		if (!this.settings.fastStart()) {
			return launches;
		}
		AppJars jars = appJars();
		for (String module : JAVA_MODULES) {
			launches.put(module, jars.prepare(module, ProjectBuild.jar(this.settings.projectDir(), module)));
		}
		return launches;
	}

	/**
	 * Records the class-data archives that are missing, two at a time.
	 * @return whether any was recorded
	 */
	private boolean recordArchives(Map<String, AppJars.Launch> launches) throws InterruptedException {
		List<AppJars.Launch> missing = launches.values()
			.stream()
			.filter((launch) -> launch.archive() != null && !launch.hasArchive())
			.toList();
		if (missing.isEmpty()) {
			return false;
		}
		Console console = this.console;
		console.line("cds", "recording class-data archives of " + missing.size()
				+ " modules, for faster starts (once after each build; --no-cds skips it) ...");
		AppJars jars = appJars();
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
		try {
			List<java.util.concurrent.Future<?>> done = new ArrayList<>();
			for (AppJars.Launch launch : missing) {
				done.add(pool.submit(() -> {
					long start = System.nanoTime();
					Path log = this.settings.logsDir().resolve("cds-" + launch.module() + ".log");
					boolean recorded = jars.train(launch, Plan.jvmOptions(this.settings, launch.module()),
							Plan.environment(this.settings, launch.module()), log);
					console.line("cds",
							launch.module() + (recorded
									? " archive recorded ("
											+ Durations.format(Duration.ofNanos(System.nanoTime() - start)) + ")"
									: ": no archive (see " + log + "); it starts without"));
					return null;
				}));
			}
			for (java.util.concurrent.Future<?> future : done) {
				try {
					future.get();
				}
				catch (java.util.concurrent.ExecutionException ex) {
					throw new LaunchException("Recording a class-data archive failed: " + ex.getCause(), ex.getCause());
				}
			}
		}
		finally {
			pool.shutdownNow();
		}
		return true;
	}

	private AppJars appJars() {
		return new AppJars(this.settings.projectDir().resolve(".shop").resolve("app"), this.settings.javaCommand(),
				true);
	}

	/**
	 * Everything a start needs to know.
	 *
	 * @param projectDir the project's root (with {@code mvnw} and the modules)
	 * @param localDynamoDbDir where dynalite is installed by {@code npm ci}
	 * @param logsDir one log per component
	 * @param ports the ports
	 * @param tracingEnabled {@code SHOP_TRACING_ENABLED} for the services
	 * @param javaCommand the {@code java} that runs the services
	 * @param jvmOptions options for every Java process, after the defaults
	 * @param node the {@code node} command
	 * @param startTimeout how long the start may take, builds not included
	 * @param environment more environment for every process (wins over the launcher's)
	 * @param fastStart whether jars are extracted and class-data archives used
	 * ({@link AppJars})
	 * @param chaosToken the secret the services' {@code /actuator/chaos} wants
	 * ({@code SHOP_CHAOS_TOKEN}), new for each start
	 * @param tracer what traces the services: the X-Ray SDK or the OpenTelemetry agent
	 */
	public record Settings(Path projectDir, Path localDynamoDbDir, Path logsDir, Ports ports, boolean tracingEnabled,
			String javaCommand, List<String> jvmOptions, String node, Duration startTimeout,
			Map<String, String> environment, boolean fastStart, String chaosToken, Tracer tracer) {

		Settings(Path projectDir, Path localDynamoDbDir, Path logsDir, Ports ports, boolean tracingEnabled,
				String javaCommand, List<String> jvmOptions, String node, Duration startTimeout,
				Map<String, String> environment, boolean fastStart, String chaosToken) {
			this(projectDir, localDynamoDbDir, logsDir, ports, tracingEnabled, javaCommand, jvmOptions, node,
					startTimeout, environment, fastStart, chaosToken, Tracer.XRAY);
		}

	}

	/**
	 * What a start builds: whether it may build, whether it rebuilds everything, the
	 * {@code npm} that installs dynalite, and modules built besides the shop's own.
	 */
	private record Preparation(boolean build, boolean rebuild, String npm, List<String> extraModules) {

	}

	/**
	 * Sets up and starts a {@link LocalShop}.
	 */
	public static final class Builder {

		private Path projectDir;

		private Path localDynamoDbDir;

		private Path logsDir;

		private Ports ports = Ports.defaults();

		private boolean tracingEnabled = true;

		private boolean build = true;

		private boolean rebuild;

		private String javaCommand = Path.of(System.getProperty("java.home"), "bin", "java").toString();

		private List<String> jvmOptions = List.of();

		private String node = "node";

		private String npm = "npm";

		private Duration startTimeout = Duration.ofMinutes(3);

		private PrintStream output = System.out;

		private Supervisor.Options supervisorOptions = Supervisor.Options.DEFAULT;

		private final Map<String, String> environment = new LinkedHashMap<>();

		private List<String> extraModules = List.of();

		private boolean fastStart = true;

		private Tracer tracer = Tracer.XRAY;

		private Builder() {
		}

		/** The project's root folder (required). */
		public Builder projectDir(Path projectDir) {
			this.projectDir = projectDir.toAbsolutePath().normalize();
			return this;
		}

		/** Where dynalite is installed; default {@code <project>/local-dynamodb}. */
		public Builder localDynamoDbDir(Path dir) {
			this.localDynamoDbDir = dir.toAbsolutePath().normalize();
			return this;
		}

		/** One log per component goes here; default {@code <project>/.shop/logs}. */
		public Builder logsDir(Path logsDir) {
			this.logsDir = logsDir.toAbsolutePath().normalize();
			return this;
		}

		/** The ports to use; default {@link Ports#defaults()}. */
		public Builder ports(Ports ports) {
			this.ports = Objects.requireNonNull(ports);
			return this;
		}

		/** Every port chosen free on loopback (tests, or a second shop). */
		public Builder freePorts() {
			return ports(Ports.free());
		}

		public Builder tracingEnabled(boolean enabled) {
			this.tracingEnabled = enabled;
			return this;
		}

		/** Whether missing jars are built (default) or reported. */
		public Builder build(boolean build) {
			this.build = build;
			return this;
		}

		/** Builds the jars even when they exist. */
		public Builder rebuild(boolean rebuild) {
			this.rebuild = rebuild;
			return this;
		}

		public Builder javaCommand(String java) {
			this.javaCommand = java;
			return this;
		}

		/**
		 * More JVM options for every Java process; they come after the defaults, so they
		 * win.
		 */
		public Builder jvmOptions(List<String> options) {
			this.jvmOptions = List.copyOf(options);
			return this;
		}

		public Builder node(String node) {
			this.node = node;
			return this;
		}

		public Builder npm(String npm) {
			this.npm = npm;
			return this;
		}

		/** How long all may take to become ready (builds not counted); default 3 min. */
		public Builder startTimeout(Duration timeout) {
			this.startTimeout = timeout;
			return this;
		}

		/** Where progress lines go; default standard output. */
		public Builder output(PrintStream output) {
			this.output = output;
			return this;
		}

		public Builder supervisorOptions(Supervisor.Options options) {
			this.supervisorOptions = options;
			return this;
		}

		/**
		 * Whether Spring Boot jars are extracted and started with a class-data sharing
		 * archive (default), about 40% less CPU at start; see {@link AppJars}.
		 */
		public Builder fastStart(boolean fastStart) {
			this.fastStart = fastStart;
			return this;
		}

		/**
		 * What traces the services: the X-Ray SDK (default), the OpenTelemetry Java agent
		 * ({@link Tracer#OTEL}) or Spring Boot's own OpenTelemetry ({@link Tracer#BOOT}).
		 */
		public Builder tracer(Tracer tracer) {
			this.tracer = Objects.requireNonNull(tracer);
			return this;
		}

		/** More modules whose jar is built when missing (e.g. {@code loadgen}). */
		public Builder extraModules(List<String> modules) {
			this.extraModules = List.copyOf(modules);
			return this;
		}

		/**
		 * An environment variable for every process; it wins over the launcher's own
		 * environment and over what the launcher sets (e.g. a test's
		 * {@code AWS_XRAY_DAEMON_ADDRESS}).
		 */
		public Builder environment(String name, String value) {
			this.environment.put(name, value);
			return this;
		}

		/**
		 * Checks ports and tools, builds and installs what is missing, starts everything
		 * and waits until all is ready.
		 * @return the running shop; close it to stop everything
		 * @throws LaunchException with a message for the user; nothing is left running
		 */
		public LocalShop start() throws InterruptedException {
			return start(new Console(this.output));
		}

		public LocalShop start(Console console) throws InterruptedException {
			if (this.projectDir == null) {
				throw new IllegalStateException("projectDir is required");
			}
			Path logs = (this.logsDir != null) ? this.logsDir : this.projectDir.resolve(".shop").resolve("logs");
			Path dynalite = (this.localDynamoDbDir != null) ? this.localDynamoDbDir
					: this.projectDir.resolve("local-dynamodb");
			Settings settings = new Settings(this.projectDir, dynalite, logs, this.ports, this.tracingEnabled,
					this.javaCommand, this.jvmOptions, this.node, this.startTimeout, Map.copyOf(this.environment),
					this.fastStart, this.environment.getOrDefault("SHOP_CHAOS_TOKEN", newChaosToken()), this.tracer);
			return new LocalShop(settings, console, this.supervisorOptions)
				.start(new Preparation(this.build, this.rebuild, this.npm, this.extraModules));
		}

		/**
		 * 24 random bytes as hex: a secret nobody can guess, as the control endpoint's.
		 */
		private static String newChaosToken() {
			byte[] secret = new byte[24];
			new java.security.SecureRandom().nextBytes(secret);
			return java.util.HexFormat.of().formatHex(secret);
		}

	}

}
