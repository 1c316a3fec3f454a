package com.anycompany.shop.launcher;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import com.anycompany.shop.schedule.Durations;

/**
 * Runs processes the way Kubernetes runs containers: starts them, polls their readiness,
 * restarts one that dies with a growing delay, and on {@link #close()} stops them all,
 * their child processes included, so that nothing is left behind.
 */
public final class Supervisor implements AutoCloseable {

	private final Console console;

	private final Options options;

	private final ScheduledExecutorService scheduler;

	private final Map<String, Component> components = new LinkedHashMap<>();

	private final List<Consumer<Event>> listeners = new CopyOnWriteArrayList<>();

	private volatile boolean stopping;

	private final java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);

	public Supervisor(Console console, Options options) {
		this.console = console;
		this.options = options;
		this.scheduler = Executors.newScheduledThreadPool(2, (task) -> {
			Thread thread = new Thread(task, "supervisor");
			thread.setDaemon(true);
			return thread;
		});
	}

	Console console() {
		return this.console;
	}

	/** Tells the listener about every start, readiness, exit and restart (for tests). */
	public void addListener(Consumer<Event> listener) {
		this.listeners.add(listener);
	}

	/**
	 * Starts a component and begins supervising it; returns at once.
	 * @param spec what to run
	 * @throws LaunchException when the process cannot be started at all
	 */
	public void start(ComponentSpec spec) {
		Component component = new Component(spec);
		synchronized (this.components) {
			if (this.stopping) {
				throw new LaunchException("Stopping: not starting " + spec.name());
			}
			if (this.components.containsKey(spec.name())) {
				throw new IllegalArgumentException(spec.name() + " is already supervised");
			}
			this.components.put(spec.name(), component);
		}
		synchronized (component) {
			launch(component);
		}
	}

	/**
	 * Waits until all the named components are ready, printing who is still awaited now
	 * and then.
	 * @param names the components to wait for
	 * @param timeout how long at most
	 * @throws LaunchException when one of them died before it was ever ready (with the
	 * end of its log), or when the time is up
	 */
	public void awaitReady(Collection<String> names, Duration timeout) throws InterruptedException {
		long start = System.nanoTime();
		long deadline = start + timeout.toNanos();
		long nextReport = start + this.options.progressEvery().toNanos();
		while (true) {
			List<Component> waiting = new ArrayList<>();
			for (String name : names) {
				Component component = component(name);
				synchronized (component) {
					if (component.state == State.FAILED) {
						throw new LaunchException(component.spec.name() + " " + component.failure + ".\n"
								+ logTail(component.spec.logFile(), 25));
					}
					if (component.state != State.READY) {
						waiting.add(component);
					}
				}
			}
			if (waiting.isEmpty()) {
				return;
			}
			long now = System.nanoTime();
			if (now >= deadline) {
				throw new LaunchException("Not ready after " + timeout.toSeconds() + " s: "
						+ waiting.stream()
							.map((component) -> component.spec.name() + " (" + component.spec.health().describe()
									+ ", log " + component.spec.logFile() + ")")
							.collect(Collectors.joining(", ")));
			}
			if (now >= nextReport) {
				this.console.line("waiting for "
						+ waiting.stream().map((component) -> component.spec.name()).collect(Collectors.joining(", "))
						+ " ...");
				nextReport += this.options.progressEvery().toNanos();
			}
			Thread.sleep(50);
		}
	}

	/**
	 * Kills a component's process with SIGKILL, as a crash would; it is then restarted
	 * like any process that died.
	 * @param name the component
	 * @param why said in the progress line, e.g. {@code chaos}
	 * @return the pid that was killed
	 * @throws LaunchException when it is not running now
	 */
	public long kill(String name, String why) {
		Component component = component(name);
		synchronized (component) {
			if (component.process == null || !component.process.isAlive()
					|| (component.state != State.READY && component.state != State.STARTING)) {
				throw new LaunchException(name + " is not running now (" + component.state.describe() + ")");
			}
			long pid = component.process.pid();
			List<ProcessHandle> descendants = component.process.descendants().toList();
			component.process.destroyForcibly();
			descendants.forEach(ProcessHandle::destroyForcibly);
			// not ready from now on, though the exit is handled a moment later
			component.state = component.spec.restart() ? State.WAITING_TO_RESTART : State.EXITED;
			this.console.line(name, why + ": killed with SIGKILL (pid " + pid + ")");
			fire(new Event(name, EventKind.KILLED, pid, 0, Duration.ZERO, component.restarts));
			return pid;
		}
	}

	/** Where every component is now, in start order. */
	public List<Status> status() {
		List<Component> all;
		synchronized (this.components) {
			all = new ArrayList<>(this.components.values());
		}
		List<Status> result = new ArrayList<>();
		for (Component component : all) {
			result.add(component.status());
		}
		return result;
	}

	public Optional<Status> status(String name) {
		synchronized (this.components) {
			Component component = this.components.get(name);
			return (component != null) ? Optional.of(component.status()) : Optional.empty();
		}
	}

	/**
	 * Stops everything: higher tiers first, each tier's processes together, politely
	 * (SIGTERM) and after the grace period with SIGKILL, each with its child processes.
	 * Returns when no process is left.
	 */
	@Override
	public void close() {
		List<Component> all;
		synchronized (this.components) {
			if (this.stopping) {
				awaitStopped();
				return;
			}
			this.stopping = true;
			all = new ArrayList<>(this.components.values());
		}
		try {
			stopAll(all);
		}
		finally {
			this.scheduler.shutdownNow();
			this.stopped.countDown();
		}
	}

	/** True once {@link #close()} has begun. */
	public boolean isStopping() {
		return this.stopping;
	}

	private void awaitStopped() {
		try {
			this.stopped.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void stopAll(List<Component> all) {
		Map<Integer, List<Component>> tiers = new TreeMap<>(Comparator.reverseOrder());
		for (Component component : all) {
			tiers.computeIfAbsent(component.spec.tier(), (tier) -> new ArrayList<>()).add(component);
		}
		long running = all.stream().filter((component) -> component.isAlive()).count();
		if (running > 0) {
			this.console.line("stopping " + running + " processes ...");
		}
		for (List<Component> tier : tiers.values()) {
			// a thread each: the common pool has one thread on two cores, and a stop may
			// wait
			List<Thread> stops = tier.stream().map((component) -> new Thread(() -> stop(component), "stop")).toList();
			stops.forEach(Thread::start);
			for (Thread stop : stops) {
				try {
					stop.join();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
		}
		if (running > 0) {
			this.console.line("stopped: no process left");
		}
	}

	private void stop(Component component) {
		Process process;
		List<ProcessHandle> family;
		synchronized (component) {
			component.cancelTimers();
			component.state = State.STOPPED;
			process = component.process;
			if (process == null) {
				return;
			}
			family = new ArrayList<>(process.descendants().toList());
		}
		family.add(0, process.toHandle());
		family.forEach(ProcessHandle::destroy);
		long deadline = System.nanoTime() + this.options.stopGrace().toNanos();
		boolean forced = false;
		for (ProcessHandle handle : family) {
			try {
				long left = deadline - System.nanoTime();
				handle.onExit().get(Math.max(left, 0), TimeUnit.NANOSECONDS);
			}
			catch (java.util.concurrent.TimeoutException ex) {
				forced = true;
				handle.destroyForcibly();
			}
			catch (java.util.concurrent.ExecutionException ex) {
				// cannot happen: onExit completes normally
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				handle.destroyForcibly();
			}
		}
		if (forced) {
			this.console.line(component.spec.name(),
					"did not stop within " + this.options.stopGrace().toSeconds() + " s: killed with SIGKILL");
		}
		family.forEach((handle) -> handle.onExit().join());
		fire(new Event(component.spec.name(), EventKind.STOPPED, process.pid(), 0, Duration.ZERO, component.restarts));
	}

	private void launch(Component component) {
		ComponentSpec spec = component.spec;
		ProcessBuilder builder = new ProcessBuilder(spec.command()).directory(spec.directory().toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(spec.logFile().toFile()));
		builder.environment().putAll(spec.environment());
		try {
			Files.createDirectories(spec.logFile().getParent());
			Files.writeString(spec.logFile(),
					String.format(Locale.ROOT, "%n==== %s %s: %s%n%n", LocalTime.now().truncatedTo(ChronoUnit.SECONDS),
							(component.restarts == 0) ? "start" : "restart " + component.restarts,
							String.join(" ", spec.command())),
					StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
			Process process = builder.start();
			process.getOutputStream().close();
			component.process = process;
			component.startedNanos = System.nanoTime();
			component.state = State.STARTING;
			process.onExit().thenRun(() -> exited(component, process));
			component.healthPoll = this.scheduler.scheduleWithFixedDelay(() -> poll(component, process), 0,
					this.options.pollEvery().toMillis(), TimeUnit.MILLISECONDS);
			fire(new Event(spec.name(), EventKind.STARTED, process.pid(), 0, Duration.ZERO, component.restarts));
		}
		catch (IOException ex) {
			component.state = State.FAILED;
			component.failure = "could not be started (" + ex.getMessage() + ")";
			throw new LaunchException("Could not start " + spec.name() + " (" + String.join(" ", spec.command()) + "): "
					+ ex.getMessage(), ex);
		}
	}

	private void poll(Component component, Process process) {
		synchronized (component) {
			if (component.process != process || component.state != State.STARTING || !process.isAlive()) {
				return;
			}
		}
		// outside the lock: a health check may take a second
		boolean healthy = component.spec.health().isHealthy();
		synchronized (component) {
			if (!healthy || component.process != process || component.state != State.STARTING || !process.isAlive()) {
				return;
			}
			component.state = State.READY;
			component.everReady = true;
			component.cancelTimers();
			String took = Durations.format(Duration.ofNanos(System.nanoTime() - component.startedNanos));
			if (component.spec.health() instanceof HealthCheck.Running) {
				this.console.line(component.spec.name(), "started (pid " + process.pid() + ")");
			}
			else if (component.restarts == 0) {
				this.console.line(component.spec.name(), "ready (pid " + process.pid() + ", " + took + ")");
			}
			else {
				this.console.line(component.spec.name(),
						"ready again (pid " + process.pid() + ", restart " + component.restarts + ", " + took + ")");
			}
			fire(new Event(component.spec.name(), EventKind.READY, process.pid(), 0, Duration.ZERO,
					component.restarts));
		}
	}

	private void exited(Component component, Process process) {
		// Ctrl-C reaches the children too: give the launcher's own shutdown a moment to
		// say so
		schedule(() -> handleExit(component, process), this.options.exitSettle());
	}

	private void handleExit(Component component, Process process) {
		synchronized (component) {
			if (component.process != process || this.stopping || component.state == State.STOPPED) {
				return;
			}
			component.cancelTimers();
			ComponentSpec spec = component.spec;
			int code = process.exitValue();
			Duration ran = Duration.ofNanos(System.nanoTime() - component.startedNanos);
			String how = describeExit(code) + " after " + Durations.format(ran);
			if (!component.everReady && this.options.failFastBeforeReady()) {
				component.state = State.FAILED;
				component.failure = "exited before it was ready (" + how + ")";
				this.console.line(spec.name(), component.failure + "; log: " + spec.logFile());
				fire(new Event(spec.name(), EventKind.EXITED, process.pid(), code, Duration.ZERO, component.restarts));
				return;
			}
			fire(new Event(spec.name(), EventKind.EXITED, process.pid(), code, Duration.ZERO, component.restarts));
			if (!spec.restart()) {
				component.state = State.EXITED;
				this.console.line(spec.name(), how + "; log: " + spec.logFile());
				return;
			}
			if (ran.compareTo(this.options.backoff().resetAfter()) >= 0) {
				component.crashesInARow = 0;
			}
			component.crashesInARow++;
			component.restarts++;
			Duration delay = this.options.backoff().delay(component.crashesInARow);
			component.state = State.WAITING_TO_RESTART;
			this.console.line(spec.name(), how + ": restart " + component.restarts + " in " + Durations.format(delay)
					+ " (log: " + spec.logFile().getFileName() + ")");
			fire(new Event(spec.name(), EventKind.RESTART_SCHEDULED, process.pid(), code, delay, component.restarts));
			component.pendingRestart = schedule(() -> restart(component), delay);
		}
	}

	private void restart(Component component) {
		synchronized (component) {
			if (this.stopping || component.state != State.WAITING_TO_RESTART) {
				return;
			}
			try {
				launch(component);
			}
			catch (LaunchException ex) {
				this.console.line(component.spec.name(), ex.getMessage());
			}
		}
	}

	private ScheduledFuture<?> schedule(Runnable task, Duration delay) {
		try {
			return this.scheduler.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (RejectedExecutionException stopped) {
			return null;
		}
	}

	/** {@code exit code 1}, or for 128 + n {@code killed by SIGKILL}. */
	static String describeExit(int code) {
		return switch (code) {
			case 137 -> "killed by SIGKILL";
			case 143 -> "ended by SIGTERM";
			case 130 -> "ended by SIGINT";
			case 134 -> "aborted (SIGABRT)";
			case 139 -> "crashed (SIGSEGV)";
			default -> "exited with code " + code;
		};
	}

	/** The last lines of a log, to show why something failed. */
	static String logTail(Path log, int lines) {
		try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
			long length = file.length();
			long from = Math.max(0, length - 16 * 1024);
			byte[] bytes = new byte[(int) (length - from)];
			file.seek(from);
			file.readFully(bytes);
			List<String> all = new String(bytes, StandardCharsets.UTF_8).lines().toList();
			List<String> last = all.subList(Math.max(0, all.size() - lines), all.size());
			return "Last lines of " + log + ":\n"
					+ last.stream().map((line) -> "  | " + line).collect(Collectors.joining("\n"));
		}
		catch (IOException ex) {
			return "(its log " + log + " cannot be read: " + ex.getMessage() + ")";
		}
	}

	private Component component(String name) {
		synchronized (this.components) {
			Component component = this.components.get(name);
			if (component == null) {
				throw new LaunchException("No component called " + name + "; known: " + this.components.keySet());
			}
			return component;
		}
	}

	private void fire(Event event) {
		for (Consumer<Event> listener : this.listeners) {
			listener.accept(event);
		}
	}

	/** Where a component is in its life. */
	public enum State {

		STARTING("starting"), READY("ready"), WAITING_TO_RESTART("waiting to restart"), EXITED("exited"),
		FAILED("failed"), STOPPED("stopped");

		private final String description;

		State(String description) {
			this.description = description;
		}

		public String describe() {
			return this.description;
		}

	}

	/** What happened to a component. */
	public enum EventKind {

		STARTED, READY, EXITED, RESTART_SCHEDULED, KILLED, STOPPED

	}

	/**
	 * Something that happened.
	 *
	 * @param component the component's name
	 * @param kind what happened
	 * @param pid the process it happened to
	 * @param exitCode for {@code EXITED} and {@code RESTART_SCHEDULED}
	 * @param delay for {@code RESTART_SCHEDULED}: the wait before the restart
	 * @param restarts restarts so far
	 */
	public record Event(String component, EventKind kind, long pid, int exitCode, Duration delay, int restarts) {

	}

	/**
	 * A component now.
	 *
	 * @param name its name
	 * @param state where it is
	 * @param pid its current (or last) process id, 0 before the first start
	 * @param restarts how often it was restarted
	 * @param logFile its log
	 */
	public record Status(String name, State state, long pid, int restarts, Path logFile) {

	}

	/**
	 * How the supervisor behaves.
	 *
	 * @param backoff delays between restarts
	 * @param stopGrace how long a process may take to stop after SIGTERM
	 * @param pollEvery how often readiness is checked while a process starts
	 * @param progressEvery how often {@link #awaitReady} says who it waits for
	 * @param failFastBeforeReady whether a process that dies before it was ever ready
	 * fails the start instead of being restarted (a broken build or setting, not bad
	 * luck)
	 * @param exitSettle how long to wait after a process died before restarting it or
	 * reporting it, so that a Ctrl-C that reached the children too is not taken for a
	 * crash
	 */
	public record Options(Backoff backoff, Duration stopGrace, Duration pollEvery, Duration progressEvery,
			boolean failFastBeforeReady, Duration exitSettle) {

		public static final Options DEFAULT = new Options(Backoff.DEFAULT, Duration.ofSeconds(10),
				Duration.ofMillis(250), Duration.ofSeconds(10), true, Duration.ofMillis(300));

		public Options withBackoff(Backoff backoff) {
			return new Options(backoff, this.stopGrace, this.pollEvery, this.progressEvery, this.failFastBeforeReady,
					this.exitSettle);
		}

		public Options withFailFastBeforeReady(boolean failFast) {
			return new Options(this.backoff, this.stopGrace, this.pollEvery, this.progressEvery, failFast,
					this.exitSettle);
		}

	}

	private static final class Component {

		private final ComponentSpec spec;

		private Process process;

		private long startedNanos;

		private State state = State.STARTING;

		private boolean everReady;

		private int restarts;

		private int crashesInARow;

		private String failure;

		private ScheduledFuture<?> healthPoll;

		private ScheduledFuture<?> pendingRestart;

		Component(ComponentSpec spec) {
			this.spec = spec;
		}

		void cancelTimers() {
			if (this.healthPoll != null) {
				this.healthPoll.cancel(false);
				this.healthPoll = null;
			}
			if (this.pendingRestart != null) {
				this.pendingRestart.cancel(false);
				this.pendingRestart = null;
			}
		}

		synchronized boolean isAlive() {
			return this.process != null && this.process.isAlive();
		}

		synchronized Status status() {
			return new Status(this.spec.name(), this.state, (this.process != null) ? this.process.pid() : 0,
					this.restarts, this.spec.logFile());
		}

	}

}
