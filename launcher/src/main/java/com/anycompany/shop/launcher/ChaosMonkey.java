package com.anycompany.shop.launcher;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The workshop's randomizer on a laptop: every few minutes (2 to 5 by default) one
 * storefront service, chosen at random among those ready, is killed with SIGKILL; the
 * supervisor restarts it, and the requests that fail meanwhile show as faults in the
 * console.
 */
final class ChaosMonkey implements AutoCloseable {

	private final Schedule schedule;

	private final Killer killer;

	private final Console console;

	private final RandomGenerator random;

	private volatile Thread thread;

	ChaosMonkey(Schedule schedule, Killer killer, Console console, RandomGenerator random) {
		this.schedule = schedule;
		this.killer = killer;
		this.console = console;
		this.random = random;
	}

	/** Runs the rounds in a background thread until {@link #close()}. */
	void start() {
		Thread background = new Thread(() -> {
			try {
				run();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}, "chaos");
		background.setDaemon(true);
		this.thread = background;
		background.start();
	}

	/** Runs the rounds in this thread until interrupted. */
	void run() throws InterruptedException {
		this.console.line("chaos", "a random storefront service is killed every " + this.schedule.describe());
		while (!Thread.currentThread().isInterrupted()) {
			Duration pause = this.schedule.next(this.random);
			this.console.line("chaos", "next kill in " + Durations.format(pause));
			Thread.sleep(pause.toMillis());
			try {
				Optional<String> victim = this.killer.killRandom();
				if (victim.isEmpty()) {
					this.console.line("chaos", "no service is ready now: nobody killed this round");
				}
				else {
					this.console.line("chaos", "killed " + victim.get());
				}
			}
			catch (LaunchException ex) {
				this.console.line("chaos", "could not kill: " + ex.getMessage());
			}
		}
	}

	@Override
	public void close() {
		Thread running = this.thread;
		if (running != null) {
			running.interrupt();
		}
	}

	/**
	 * One of the candidates that is ready now, at random.
	 * @param status where every process is
	 * @param candidates who may be killed
	 * @param random the dice
	 * @return the victim's name, or empty when none is ready
	 */
	static Optional<String> pickVictim(List<Supervisor.Status> status, List<String> candidates,
			RandomGenerator random) {
		List<String> ready = status.stream()
			.filter((process) -> candidates.contains(process.name()))
			.filter((process) -> process.state() == Supervisor.State.READY)
			.map(Supervisor.Status::name)
			.toList();
		return ready.isEmpty() ? Optional.empty() : Optional.of(ready.get(random.nextInt(ready.size())));
	}

	/** Kills one process at random; answers what it killed, empty when none. */
	@FunctionalInterface
	interface Killer {

		Optional<String> killRandom();

	}

	/**
	 * How long to wait before each round: drawn between min and max, both included.
	 *
	 * @param min the shortest pause
	 * @param max the longest pause
	 */
	record Schedule(Duration min, Duration max) {

		/** The workshop's: every 2 to 5 minutes. */
		static final Schedule DEFAULT = new Schedule(Duration.ofMinutes(2), Duration.ofMinutes(5));

		Schedule {
			Objects.requireNonNull(min, "min");
			Objects.requireNonNull(max, "max");
			if (min.isNegative() || min.isZero()) {
				throw new LaunchException("The chaos interval must be positive, was " + Durations.format(min));
			}
			if (max.compareTo(min) < 0) {
				throw new LaunchException("The longest chaos interval (" + Durations.format(max)
						+ ") is shorter than the shortest (" + Durations.format(min) + ")");
			}
		}

		/**
		 * From the options: a fixed interval, or min and max (each defaulting to the
		 * workshop's).
		 */
		static Schedule of(Duration interval, Duration min, Duration max) {
			if (interval != null) {
				return new Schedule(interval, interval);
			}
			Duration low = (min != null) ? min : DEFAULT.min();
			Duration high = (max != null) ? max : DEFAULT.max();
			if (min != null && max == null && high.compareTo(low) < 0) {
				high = low;
			}
			if (max != null && min == null && low.compareTo(high) > 0) {
				low = high;
			}
			return new Schedule(low, high);
		}

		Duration next(RandomGenerator random) {
			long spread = this.max.toMillis() - this.min.toMillis();
			return this.min.plusMillis((spread > 0) ? random.nextLong(spread + 1) : 0);
		}

		String describe() {
			return this.min.equals(this.max) ? Durations.format(this.min)
					: Durations.format(this.min) + " to " + Durations.format(this.max);
		}

	}

}
