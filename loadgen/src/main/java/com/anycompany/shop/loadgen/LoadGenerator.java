package com.anycompany.shop.loadgen;

import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.anycompany.shop.schedule.Durations;

/**
 * Runs the shoppers for the configured time (or until {@link #stop()}), prints a progress
 * line now and then, and returns the report.
 */
final class LoadGenerator {

	private final LoadSettings settings;

	private final PrintStream out;

	private final CountDownLatch stopped = new CountDownLatch(1);

	LoadGenerator(LoadSettings settings, PrintStream out) {
		this.settings = settings;
		this.out = out;
	}

	/** Ends the run early; {@link #run()} then returns its report. */
	void stop() {
		this.stopped.countDown();
	}

	/**
	 * Runs the shoppers.
	 * @return what they measured
	 * @throws LoadgenException when the storefront never answers
	 */
	Report run() throws InterruptedException {
		awaitTarget();
		Stats stats = new Stats();
		RateLimiter limiter = new RateLimiter(this.settings.rate(), this.stopped);
		SplittableRandom seeds = (this.settings.seed() != null) ? new SplittableRandom(this.settings.seed())
				: new SplittableRandom();
		AtomicInteger threads = new AtomicInteger();
		ExecutorService http = Executors.newFixedThreadPool(Math.min(this.settings.users(), 16) + 1, (task) -> {
			Thread thread = new Thread(task, "loadgen-http-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		CountDownLatch finished = new CountDownLatch(this.settings.users());
		List<Thread> shoppers = new ArrayList<>();
		long start = System.nanoTime();
		try {
			for (int i = 1; i <= this.settings.users(); i++) {
				Shopper shopper = new Shopper(i, this.settings, stats, limiter, seeds.split(), http);
				Thread thread = new Thread(() -> shop(shopper, finished), "shopper-" + i);
				thread.setDaemon(true);
				shoppers.add(thread);
				thread.start();
			}
			this.out.printf(Locale.ROOT, "%d shoppers on %s%s%n", this.settings.users(), this.settings.target(),
					this.settings.duration().isZero() ? " until stopped (Ctrl-C prints the report)"
							: " for " + Durations.format(this.settings.duration()));
			awaitEnd(finished, stats, start);
		}
		finally {
			this.stopped.countDown();
			for (Thread shopper : shoppers) {
				shopper.join(this.settings.requestTimeout().toMillis() + 1000);
			}
			http.shutdownNow();
		}
		return stats.report(Duration.ofNanos(System.nanoTime() - start), this.settings.users());
	}

	private void shop(Shopper shopper, CountDownLatch finished) {
		try {
			// start at a random point of a think time, so that shoppers do not march in
			// step
			if (pause(this.settings.thinkTime().toMillis() * randomShare())) {
				for (long done = 0; this.settings.iterations() == 0 || done < this.settings.iterations(); done++) {
					if (this.stopped.getCount() == 0) {
						break;
					}
					shopper.act();
					long think = this.settings.thinkTime().toMillis();
					if (!pause((long) (think * (0.5 + randomShare())))) {
						break;
					}
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			finished.countDown();
		}
	}

	/** Sleeps unless stopped; false when stopped. */
	private boolean pause(double millis) throws InterruptedException {
		if (millis < 1) {
			return this.stopped.getCount() > 0;
		}
		return !this.stopped.await((long) millis, TimeUnit.MILLISECONDS);
	}

	private static double randomShare() {
		return java.util.concurrent.ThreadLocalRandom.current().nextDouble();
	}

	private void awaitEnd(CountDownLatch finished, Stats stats, long start) throws InterruptedException {
		long deadline = this.settings.duration().isZero() ? Long.MAX_VALUE : start + this.settings.duration().toNanos();
		long progressEvery = this.settings.progressInterval().toNanos();
		long nextProgress = (progressEvery > 0) ? start + progressEvery : Long.MAX_VALUE;
		Stats.Totals last = new Stats.Totals(0, 0);
		long lastAt = start;
		while (this.stopped.getCount() > 0 && finished.getCount() > 0) {
			long now = System.nanoTime();
			if (now >= deadline) {
				break;
			}
			if (now >= nextProgress) {
				Stats.Totals totals = stats.totals();
				progress(stats, totals, last, now - start, now - lastAt);
				last = totals;
				lastAt = now;
				nextProgress += progressEvery;
			}
			long wake = Math.min(Math.min(deadline, nextProgress) - now, TimeUnit.MILLISECONDS.toNanos(100));
			if (finished.await(Math.max(wake, 1), TimeUnit.NANOSECONDS)) {
				break;
			}
		}
	}

	private void progress(Stats stats, Stats.Totals totals, Stats.Totals last, long elapsedNanos, long intervalNanos) {
		double seconds = Math.max(intervalNanos, 1) / 1e9;
		Report.Row all = stats.report(Duration.ofNanos(elapsedNanos), this.settings.users()).total();
		this.out.printf(Locale.ROOT, "[%5.0fs] %6d requests  %6.1f/s  %5d errors (%d new)  p50 %s  p95 %s%n",
				elapsedNanos / 1e9, totals.requests(), (totals.requests() - last.requests()) / seconds, totals.errors(),
				totals.errors() - last.errors(), Report.latency(all.p50Micros()), Report.latency(all.p95Micros()));
	}

	/** Waits until the storefront answers at all, so that a run never starts blind. */
	private void awaitTarget() throws InterruptedException {
		HttpClient client = HttpClient.newBuilder()
			.connectTimeout(Duration.ofSeconds(2))
			.version(HttpClient.Version.HTTP_1_1)
			.build();
		long deadline = System.nanoTime() + this.settings.waitForTarget().toNanos();
		boolean told = false;
		while (true) {
			String problem;
			try {
				// any answer will do: the shoppers count what goes wrong later
				client.send(HttpRequest.newBuilder(this.settings.resolve("/"))
					.method("HEAD", HttpRequest.BodyPublishers.noBody())
					.timeout(Duration.ofSeconds(5))
					.build(), HttpResponse.BodyHandlers.discarding());
				return;
			}
			catch (IOException ex) {
				problem = (ex instanceof java.net.ConnectException) ? "connection refused" : ex.toString();
			}
			if (System.nanoTime() >= deadline) {
				throw new LoadgenException("The storefront at " + this.settings.target() + " does not answer ("
						+ problem
						+ "). Is the shop running? Start it with `./shop up`, or set --target / LOADGEN_TARGET.");
			}
			if (!told) {
				this.out.println("Waiting for the storefront at " + this.settings.target() + " (" + problem + ") ...");
				told = true;
			}
			if (this.stopped.await(1, TimeUnit.SECONDS)) {
				throw new LoadgenException("Stopped before the storefront answered");
			}
		}
	}

}
