package com.anycompany.shop.launcher.stack;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

import com.anycompany.shop.launcher.Console;
import com.anycompany.shop.launcher.LaunchException;
import com.anycompany.shop.launcher.process.Supervisor;

import com.anycompany.shop.schedule.Durations;
import com.anycompany.shop.schedule.Pauses;

/**
 * The workshop's randomizer on a laptop: every few minutes (2 to 5 by default) one
 * storefront service, chosen at random among those ready, is killed with SIGKILL; the
 * supervisor restarts it, and the requests that fail meanwhile show as faults in the
 * console.
 */
public final class ChaosMonkey implements AutoCloseable {

	private final Pauses schedule;

	private final Killer killer;

	private final Console console;

	private final RandomGenerator random;

	private volatile Thread thread;

	public ChaosMonkey(Pauses schedule, Killer killer, Console console, RandomGenerator random) {
		this.schedule = schedule;
		this.killer = killer;
		this.console = console;
		this.random = random;
	}

	/**
	 * The pauses the options ask for, or a message for the user.
	 * @see Pauses#of(Duration, Duration, Duration)
	 */
	public static Pauses pauses(Duration interval, Duration min, Duration max) {
		try {
			return Pauses.of(interval, min, max);
		}
		catch (IllegalArgumentException ex) {
			throw new LaunchException("Chaos: " + ex.getMessage(), ex);
		}
	}

	/** Runs the rounds in a background thread until {@link #close()}. */
	public void start() {
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
	public void run() throws InterruptedException {
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
	public interface Killer {

		Optional<String> killRandom();

	}

}
