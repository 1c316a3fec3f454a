package com.anycompany.shop.launcher.process;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import com.anycompany.shop.launcher.Console;
import com.anycompany.shop.launcher.LaunchException;
import com.anycompany.shop.launcher.process.ProcessEvent.Kind;

/**
 * Runs processes the way Kubernetes runs containers: each a {@link ManagedProcess}
 * (started, polled until ready, restarted with a growing delay when it dies); this class
 * keeps them by name, waits for them, and on {@link #close()} stops them all, tier by
 * tier, each with its children ({@link ProcessTree}). Everything it does is told as a
 * {@link ProcessEvent} to its listeners; the console's progress lines are one of them.
 */
public final class Supervisor implements AutoCloseable {

	private final Options options;

	private final ScheduledExecutorService scheduler;

	private final Map<String, ManagedProcess> processes = new LinkedHashMap<>();

	private final List<Consumer<ProcessEvent>> listeners = new CopyOnWriteArrayList<>();

	private volatile boolean stopping;

	private final CountDownLatch stopped = new CountDownLatch(1);

	public Supervisor(Options options) {
		this.options = options;
		this.scheduler = Executors.newScheduledThreadPool(2, (task) -> {
			Thread thread = new Thread(task, "supervisor");
			thread.setDaemon(true);
			return thread;
		});
	}

	/** A supervisor whose events are printed as progress lines on the console. */
	public Supervisor(Console console, Options options) {
		this(options);
		addListener((event) -> event.describe().ifPresent((message) -> {
			if (event.component() == null) {
				console.line(message);
			}
			else {
				console.line(event.component(), message);
			}
		}));
	}

	/** Tells the listener about every start, readiness, exit, restart and stop. */
	public void addListener(Consumer<ProcessEvent> listener) {
		this.listeners.add(listener);
	}

	/**
	 * Starts a component and begins supervising it; returns at once.
	 * @param spec what to run
	 * @throws LaunchException when the process cannot be started at all
	 */
	public void start(ComponentSpec spec) {
		ManagedProcess process = new ManagedProcess(spec, this.options, this.scheduler, this::fire,
				() -> this.stopping);
		synchronized (this.processes) {
			if (this.stopping) {
				throw new LaunchException("Stopping: not starting " + spec.name());
			}
			if (this.processes.containsKey(spec.name())) {
				throw new IllegalArgumentException(spec.name() + " is already supervised");
			}
			this.processes.put(spec.name(), process);
		}
		process.launch();
	}

	/**
	 * Waits until all the named components are ready, saying who is still awaited now and
	 * then.
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
			List<ManagedProcess> waiting = new ArrayList<>();
			for (String name : names) {
				ManagedProcess process = process(name);
				State state = process.state();
				if (state == State.FAILED) {
					throw new LaunchException(
							name + " " + process.failure() + ".\n" + logTail(process.spec().logFile(), 25));
				}
				if (state != State.READY) {
					waiting.add(process);
				}
			}
			if (waiting.isEmpty()) {
				return;
			}
			long now = System.nanoTime();
			if (now >= deadline) {
				throw new LaunchException("Not ready after " + timeout.toSeconds() + " s: "
						+ waiting.stream()
							.map((process) -> process.spec().name() + " (" + process.spec().health().describe()
									+ ", log " + process.spec().logFile() + ")")
							.collect(Collectors.joining(", ")));
			}
			if (now >= nextReport) {
				fire(ProcessEvent.whole(Kind.WAITING,
						waiting.stream().map((process) -> process.spec().name()).collect(Collectors.joining(", "))));
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
		return process(name).kill(why);
	}

	/** Where every component is now, in start order. */
	public List<Status> status() {
		List<ManagedProcess> all;
		synchronized (this.processes) {
			all = new ArrayList<>(this.processes.values());
		}
		return all.stream().map(ManagedProcess::status).toList();
	}

	public Optional<Status> status(String name) {
		synchronized (this.processes) {
			return Optional.ofNullable(this.processes.get(name)).map(ManagedProcess::status);
		}
	}

	/**
	 * Stops everything: higher tiers first, each tier's processes together, politely
	 * (SIGTERM) and after the grace period with SIGKILL, each with its child processes.
	 * Returns when no process is left.
	 */
	@Override
	public void close() {
		List<ManagedProcess> all;
		synchronized (this.processes) {
			if (this.stopping) {
				awaitStopped();
				return;
			}
			this.stopping = true;
			all = new ArrayList<>(this.processes.values());
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

	private void stopAll(List<ManagedProcess> all) {
		Map<Integer, List<ManagedProcess>> tiers = new TreeMap<>(Comparator.reverseOrder());
		for (ManagedProcess process : all) {
			tiers.computeIfAbsent(process.spec().tier(), (tier) -> new ArrayList<>()).add(process);
		}
		long running = all.stream().filter(ManagedProcess::isAlive).count();
		if (running > 0) {
			fire(ProcessEvent.whole(Kind.STOPPING, String.valueOf(running)));
		}
		for (List<ManagedProcess> tier : tiers.values()) {
			// a thread each: the common pool has one thread on two cores, and a stop may
			// wait
			List<Thread> stops = tier.stream().map((process) -> new Thread(process::stop, "stop")).toList();
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
			fire(ProcessEvent.whole(Kind.ALL_STOPPED, null));
		}
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

	private ManagedProcess process(String name) {
		synchronized (this.processes) {
			ManagedProcess process = this.processes.get(name);
			if (process == null) {
				throw new LaunchException("No component called " + name + "; known: " + this.processes.keySet());
			}
			return process;
		}
	}

	private void fire(ProcessEvent event) {
		for (Consumer<ProcessEvent> listener : this.listeners) {
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

}
