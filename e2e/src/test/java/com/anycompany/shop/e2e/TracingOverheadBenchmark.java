package com.anycompany.shop.e2e;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.anycompany.shop.e2e.StorefrontSession.Page;
import com.anycompany.shop.launcher.stack.LocalShop;
import com.anycompany.shop.launcher.process.Supervisor;

/**
 * What tracing costs the storefront: two copies of the whole local shop run side by side,
 * one traced (every request sampled, segments sent to xray-local) and one with
 * {@code SHOP_TRACING_ENABLED=false}; the same closed-loop load is applied to each in
 * turn, alternating which goes first, for several rounds. Prints medians and ratios, and
 * the CPU xray-local used while it received the traced copy's segments.
 * <p>
 * Run with
 * {@code scripts/benchmark-tracing.sh [rounds] [seconds per window] [concurrency]}.
 */
public final class TracingOverheadBenchmark {

	private static final List<String> SCENARIOS = List.of("home", "product", "order flow");

	private final int rounds;

	private final Duration window;

	private final int concurrency;

	private final PrintStream out = System.out;

	private TracingOverheadBenchmark(int rounds, Duration window, int concurrency) {
		this.rounds = rounds;
		this.window = window;
		this.concurrency = concurrency;
	}

	public static void main(String[] args) throws Exception {
		int rounds = (args.length > 0) ? Integer.parseInt(args[0]) : 3;
		int seconds = (args.length > 1) ? Integer.parseInt(args[1]) : 15;
		int concurrency = (args.length > 2) ? Integer.parseInt(args[2]) : 8;
		new TracingOverheadBenchmark(rounds, Duration.ofSeconds(seconds), concurrency).run();
	}

	private void run() throws Exception {
		Path logs = Path.of("e2e", "target", "benchmark-logs").toAbsolutePath();
		try (LocalShop traced = start(logs.resolve("traced"), true);
				LocalShop untraced = start(logs.resolve("untraced"), false)) {
			Map<String, List<Result>> on = new LinkedHashMap<>();
			Map<String, List<Result>> off = new LinkedHashMap<>();
			long xrayPid = pidOf(traced, "xray-local");
			double xrayCpuSeconds = 0;
			double tracedSeconds = 0;
			for (String scenario : SCENARIOS) {
				warmUp(traced, scenario);
				warmUp(untraced, scenario);
				for (int round = 0; round < this.rounds; round++) {
					boolean tracedFirst = (round % 2 == 0);
					for (boolean tracing : tracedFirst ? new boolean[] { true, false }
							: new boolean[] { false, true }) {
						LocalShop shop = tracing ? traced : untraced;
						double cpuBefore = cpuSeconds(xrayPid);
						long started = System.nanoTime();
						Result result = measure(shop, scenario, this.window);
						if (tracing) {
							xrayCpuSeconds += cpuSeconds(xrayPid) - cpuBefore;
							tracedSeconds += (System.nanoTime() - started) / 1e9;
						}
						(tracing ? on : off).computeIfAbsent(scenario, (k) -> new ArrayList<>()).add(result);
						this.out.printf(Locale.ROOT,
								"  %-10s round %d tracing %-3s  %7.1f req/s  p50 %6.2f ms  p99 %7.2f ms  errors %d%n",
								scenario, round + 1, tracing ? "on" : "off", result.throughput(), result.p50(),
								result.p99(), result.errors());
					}
				}
			}
			printTable(on, off, xrayCpuSeconds, tracedSeconds);
		}
	}

	private LocalShop start(Path logs, boolean tracing) throws InterruptedException {
		this.out.println("starting the shop with tracing " + (tracing ? "on" : "off") + " (logs in " + logs + ")");
		return LocalShop.builder()
			.projectDir(Path.of("").toAbsolutePath())
			.logsDir(logs)
			.freePorts()
			.tracingEnabled(tracing)
			.startTimeout(Duration.ofMinutes(5))
			.start();
	}

	private void warmUp(LocalShop shop, String scenario) throws Exception {
		measure(shop, scenario, Duration.ofSeconds(5));
	}

	private Result measure(LocalShop shop, String scenario, Duration duration) throws Exception {
		ExecutorService workers = Executors.newFixedThreadPool(this.concurrency);
		try {
			long deadline = System.nanoTime() + duration.toNanos();
			List<Future<long[]>> results = new ArrayList<>();
			int[] errors = new int[this.concurrency];
			for (int w = 0; w < this.concurrency; w++) {
				int worker = w;
				results.add(workers.submit(() -> loop(shop, scenario, worker, deadline, errors)));
			}
			List<Long> latencies = new ArrayList<>();
			for (Future<long[]> result : results) {
				for (long nanos : result.get()) {
					latencies.add(nanos);
				}
			}
			long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
			return new Result(sorted.length / (duration.toNanos() / 1e9), percentile(sorted, 0.50),
					percentile(sorted, 0.99), Arrays.stream(errors).sum());
		}
		finally {
			workers.shutdownNow();
		}
	}

	private static long[] loop(LocalShop shop, String scenario, int worker, long deadline, int[] errors)
			throws InterruptedException {
		StorefrontSession session = new StorefrontSession(shop.storefrontUrl());
		List<Long> latencies = new ArrayList<>();
		int i = 0;
		while (System.nanoTime() < deadline) {
			String product = String.format("/product/P-%04d", 1 + (worker * 7 + i++) % 24);
			long start = System.nanoTime();
			try {
				boolean ok = switch (scenario) {
					case "home" -> session.get("/").status() == 200;
					case "product" -> session.get(product).status() == 200;
					default -> orderFlow(session, product);
				};
				if (ok) {
					latencies.add(System.nanoTime() - start);
				}
				else {
					errors[worker]++;
				}
			}
			catch (IOException ex) {
				errors[worker]++;
			}
		}
		return latencies.stream().mapToLong(Long::longValue).toArray();
	}

	/** Add to cart, open the checkout, place the order: one shopper's purchase. */
	private static boolean orderFlow(StorefrontSession session, String product)
			throws IOException, InterruptedException {
		Page page = session.get(product);
		Page added = session.post(page, "/cart", Map.of("quantity", "1"));
		Page checkout = session.get("/cart/checkout");
		Page placed = session.post(checkout, "/cart/order", Map.of("name", "Ana Silva", "email", "ana@example.test",
				"street", "1 Main St", "city", "Springfield", "postalCode", "12345", "country", "US"));
		return added.status() == 302 && checkout.status() == 200 && placed.status() == 302 && placed.location() != null
				&& placed.location().contains("/cart/order/O-");
	}

	private void printTable(Map<String, List<Result>> on, Map<String, List<Result>> off, double xrayCpuSeconds,
			double tracedSeconds) {
		int cores = Runtime.getRuntime().availableProcessors();
		this.out.println();
		this.out.printf(Locale.ROOT, "Tracing overhead: %d rounds x %ds per window, %d concurrent shoppers, %d cores%n",
				this.rounds, this.window.toSeconds(), this.concurrency, cores);
		this.out.println(
				"| scenario | tracing | req/s (median) | p50 ms | p99 ms | throughput on/off | p50 on-off (ms) | p99 on-off (ms) |");
		this.out.println("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
		for (String scenario : SCENARIOS) {
			Result a = median(on.get(scenario));
			Result b = median(off.get(scenario));
			this.out.printf(Locale.ROOT, "| %s | on | %.1f | %.2f | %.2f | %.3f | %+.2f | %+.2f |%n", scenario,
					a.throughput(), a.p50(), a.p99(), a.throughput() / b.throughput(), a.p50() - b.p50(),
					a.p99() - b.p99());
			this.out.printf(Locale.ROOT, "| %s | off | %.1f | %.2f | %.2f | | | |%n", scenario, b.throughput(), b.p50(),
					b.p99());
		}
		double share = xrayCpuSeconds / tracedSeconds;
		this.out.printf(Locale.ROOT,
				"%nxray-local CPU while receiving the traced shop's segments: %.1f%% of one core (%.1f%% of the machine's %d cores)%n",
				share * 100, share * 100 / cores, cores);
	}

	private static Result median(List<Result> results) {
		return new Result(medianOf(results.stream().mapToDouble(Result::throughput).toArray()),
				medianOf(results.stream().mapToDouble(Result::p50).toArray()),
				medianOf(results.stream().mapToDouble(Result::p99).toArray()),
				results.stream().mapToInt(Result::errors).sum());
	}

	private static double medianOf(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

	private static double percentile(long[] sortedNanos, double p) {
		if (sortedNanos.length == 0) {
			return Double.NaN;
		}
		int index = (int) Math.min(sortedNanos.length - 1, Math.ceil(p * sortedNanos.length) - 1);
		return sortedNanos[Math.max(0, index)] / 1e6;
	}

	private static long pidOf(LocalShop shop, String component) {
		return shop.status()
			.stream()
			.filter((status) -> status.name().equals(component))
			.mapToLong(Supervisor.Status::pid)
			.findFirst()
			.orElseThrow();
	}

	/** User plus system CPU time of a process, from /proc (Linux). */
	private static double cpuSeconds(long pid) throws IOException {
		String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		// fields 14 and 15 of stat (utime, stime), counted after the command name
		long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
		return ticks / 100.0;
	}

	record Result(double throughput, double p50, double p99, int errors) {
	}

}
