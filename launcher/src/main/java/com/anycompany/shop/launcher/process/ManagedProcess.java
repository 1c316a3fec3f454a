package com.anycompany.shop.launcher.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import com.anycompany.shop.launcher.LaunchException;
import com.anycompany.shop.launcher.process.ProcessEvent.Kind;
import com.anycompany.shop.launcher.process.Supervisor.State;

import com.anycompany.shop.schedule.Durations;

/**
 * One supervised process through its life, as Kubernetes keeps a container: launched,
 * polled until ready, restarted after a growing delay when it dies, killed on purpose,
 * stopped with its children. It tells what happens only through events.
 */
public final class ManagedProcess {

	private final ComponentSpec spec;

	private final Supervisor.Options options;

	private final ScheduledExecutorService scheduler;

	private final Consumer<ProcessEvent> events;

	/** True once the whole supervision stops: no restart from then on. */
	private final BooleanSupplier stopping;

	private Process process;

	private long startedNanos;

	private State state = State.STARTING;

	private boolean everReady;

	private int restarts;

	private int crashesInARow;

	private String failure;

	private ScheduledFuture<?> healthPoll;

	private ScheduledFuture<?> pendingRestart;

	ManagedProcess(ComponentSpec spec, Supervisor.Options options, ScheduledExecutorService scheduler,
			Consumer<ProcessEvent> events, BooleanSupplier stopping) {
		this.spec = spec;
		this.options = options;
		this.scheduler = scheduler;
		this.events = events;
		this.stopping = stopping;
	}

	ComponentSpec spec() {
		return this.spec;
	}

	/**
	 * Starts the process (again) and polls its readiness.
	 * @throws LaunchException when it cannot be started at all
	 */
	synchronized void launch() {
		ProcessBuilder builder = new ProcessBuilder(this.spec.command()).directory(this.spec.directory().toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(this.spec.logFile().toFile()));
		builder.environment().putAll(this.spec.environment());
		try {
			Files.createDirectories(this.spec.logFile().getParent());
			Files.writeString(this.spec.logFile(),
					String.format(Locale.ROOT, "%n==== %s %s: %s%n%n", LocalTime.now().truncatedTo(ChronoUnit.SECONDS),
							(this.restarts == 0) ? "start" : "restart " + this.restarts,
							String.join(" ", this.spec.command())),
					StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
			Process started = builder.start();
			started.getOutputStream().close();
			this.process = started;
			this.startedNanos = System.nanoTime();
			this.state = State.STARTING;
			started.onExit().thenRun(() -> exited(started));
			this.healthPoll = this.scheduler.scheduleWithFixedDelay(() -> poll(started), 0,
					this.options.pollEvery().toMillis(), TimeUnit.MILLISECONDS);
			fire(Kind.STARTED, started.pid());
		}
		catch (IOException ex) {
			this.state = State.FAILED;
			this.failure = "could not be started (" + ex.getMessage() + ")";
			throw new LaunchException("Could not start " + this.spec.name() + " ("
					+ String.join(" ", this.spec.command()) + "): " + ex.getMessage(), ex);
		}
	}

	/**
	 * SIGKILL, as a crash; it is then restarted like any process that died.
	 * @return the pid killed
	 * @throws LaunchException when it is not running now
	 */
	synchronized long kill(String why) {
		if (this.process == null || !this.process.isAlive()
				|| (this.state != State.READY && this.state != State.STARTING)) {
			throw new LaunchException(this.spec.name() + " is not running now (" + this.state.describe() + ")");
		}
		long pid = this.process.pid();
		new ProcessTree(this.process.toHandle()).kill();
		// not ready from now on, though the exit is handled a moment later
		this.state = this.spec.restart() ? State.WAITING_TO_RESTART : State.EXITED;
		this.events.accept(new ProcessEvent(this.spec.name(), Kind.KILLED, pid, this.restarts, 0, Duration.ZERO,
				Duration.ZERO, why));
		return pid;
	}

	/** Stops it for good with its children: SIGTERM, then SIGKILL after the grace. */
	void stop() {
		Process stopped;
		synchronized (this) {
			cancelTimers();
			this.state = State.STOPPED;
			stopped = this.process;
			if (stopped == null) {
				return;
			}
		}
		if (new ProcessTree(stopped.toHandle()).stop(this.options.stopGrace())) {
			this.events.accept(new ProcessEvent(this.spec.name(), Kind.FORCED, stopped.pid(), this.restarts, 0,
					this.options.stopGrace(), Duration.ZERO, null));
		}
		fire(Kind.STOPPED, stopped.pid());
	}

	synchronized boolean isAlive() {
		return this.process != null && this.process.isAlive();
	}

	synchronized State state() {
		return this.state;
	}

	/** Why it failed, when {@link #state()} is {@code FAILED}. */
	synchronized String failure() {
		return this.failure;
	}

	synchronized Supervisor.Status status() {
		return new Supervisor.Status(this.spec.name(), this.state, (this.process != null) ? this.process.pid() : 0,
				this.restarts, this.spec.logFile());
	}

	private void poll(Process polled) {
		synchronized (this) {
			if (this.process != polled || this.state != State.STARTING || !polled.isAlive()) {
				return;
			}
		}
		// outside the lock: a health check may take a second
		boolean healthy = this.spec.health().isHealthy();
		synchronized (this) {
			if (!healthy || this.process != polled || this.state != State.STARTING || !polled.isAlive()) {
				return;
			}
			this.state = State.READY;
			this.everReady = true;
			cancelTimers();
			Kind kind = (this.spec.health() instanceof HealthCheck.Running) ? Kind.RUNNING : Kind.READY;
			this.events.accept(new ProcessEvent(this.spec.name(), kind, polled.pid(), this.restarts, 0,
					Duration.ofNanos(System.nanoTime() - this.startedNanos), Duration.ZERO, null));
		}
	}

	private void exited(Process ended) {
		// Ctrl-C reaches the children too: give the launcher's own shutdown a moment to
		// say so
		schedule(() -> handleExit(ended), this.options.exitSettle());
	}

	private synchronized void handleExit(Process ended) {
		if (this.process != ended || this.stopping.getAsBoolean() || this.state == State.STOPPED) {
			return;
		}
		cancelTimers();
		Duration ran = Duration.ofNanos(System.nanoTime() - this.startedNanos);
		Kind kind;
		Duration delay = Duration.ZERO;
		String log = this.spec.logFile().toString();
		if (!this.everReady && this.options.failFastBeforeReady()) {
			kind = Kind.FAILED;
			this.state = State.FAILED;
			this.failure = "exited before it was ready (" + ProcessEvent.describeExit(ended.exitValue()) + " after "
					+ Durations.format(ran) + ")";
		}
		else if (!this.spec.restart()) {
			kind = Kind.EXITED;
			this.state = State.EXITED;
		}
		else {
			kind = Kind.RESTART_SCHEDULED;
			if (ran.compareTo(this.options.backoff().resetAfter()) >= 0) {
				this.crashesInARow = 0;
			}
			this.crashesInARow++;
			this.restarts++;
			delay = this.options.backoff().delay(this.crashesInARow);
			this.state = State.WAITING_TO_RESTART;
			log = this.spec.logFile().getFileName().toString();
			this.pendingRestart = schedule(this::restart, delay);
		}
		this.events.accept(new ProcessEvent(this.spec.name(), kind, ended.pid(), this.restarts, ended.exitValue(), ran,
				delay, log));
	}

	private synchronized void restart() {
		if (this.stopping.getAsBoolean() || this.state != State.WAITING_TO_RESTART) {
			return;
		}
		try {
			launch();
		}
		catch (LaunchException ex) {
			this.events.accept(new ProcessEvent(this.spec.name(), Kind.LAUNCH_FAILED, 0, this.restarts, 0,
					Duration.ZERO, Duration.ZERO, ex.getMessage()));
		}
	}

	private void fire(Kind kind, long pid) {
		this.events.accept(ProcessEvent.of(this.spec.name(), kind, pid, this.restarts));
	}

	private ScheduledFuture<?> schedule(Runnable task, Duration delay) {
		try {
			return this.scheduler.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (RejectedExecutionException stopped) {
			return null;
		}
	}

	private void cancelTimers() {
		if (this.healthPoll != null) {
			this.healthPoll.cancel(false);
			this.healthPoll = null;
		}
		if (this.pendingRestart != null) {
			this.pendingRestart.cancel(false);
			this.pendingRestart = null;
		}
	}

}
