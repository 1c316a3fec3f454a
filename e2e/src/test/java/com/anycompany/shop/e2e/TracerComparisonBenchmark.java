package com.anycompany.shop.e2e;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.anycompany.shop.e2e.StorefrontSession.Page;
import com.anycompany.shop.launcher.stack.LocalShop;
import com.anycompany.shop.launcher.process.Supervisor;
import com.anycompany.shop.launcher.stack.Tracer;

/**
 * The three tracers side by side, the X-Ray SDK, the OpenTelemetry Java agent and Spring
 * Boot's own OpenTelemetry support, with an untraced shop as the baseline: four copies of
 * the whole local shop started one after the other (start time and the services' CPU
 * seconds to get there), then the same closed-loop load on each in turn, rotating which
 * goes first, for several rounds (medians of throughput and latency), and the services'
 * resident memory at rest and after the load. Prints a table.
 * <p>
 * Run with
 * {@code scripts/compare-tracers.sh [rounds] [seconds per window] [concurrency]}.
 */
public final class TracerComparisonBenchmark {

	private enum Mode {

		OFF("untraced", Tracer.XRAY), SDK("X-Ray SDK", Tracer.XRAY), AGENT("OpenTelemetry agent", Tracer.OTEL),
		BOOT("Boot OpenTelemetry", Tracer.BOOT);

		final String label;

		final Tracer tracer;

		Mode(String label, Tracer tracer) {
			this.label = label;
			this.tracer = tracer;
		}

	}

	private static final List<String> SCENARIOS = List.of("product", "order flow");

	private final int rounds;

	private final Duration window;

	private final int concurrency;

	private final PrintStream out = System.out;

	private TracerComparisonBenchmark(int rounds, Duration window, int concurrency) {
		this.rounds = rounds;
		this.window = window;
		this.concurrency = concurrency;
	}

	public static void main(String[] args) throws Exception {
		int rounds = (args.length > 0) ? Integer.parseInt(args[0]) : 3;
		int seconds = (args.length > 1) ? Integer.parseInt(args[1]) : 10;
		int concurrency = (args.length > 2) ? Integer.parseInt(args[2]) : 4;
		new TracerComparisonBenchmark(rounds, Duration.ofSeconds(seconds), concurrency).run();
	}

	private void run() throws Exception {
		Path logs = Path.of("e2e", "target", "tracer-comparison-logs").toAbsolutePath();
		Map<Mode, LocalShop> shops = new EnumMap<>(Mode.class);
		Map<Mode, Start> starts = new EnumMap<>(Mode.class);
		try {
			for (Mode mode : Mode.values()) {
				this.out.println("starting the shop: " + mode.label);
				long began = System.nanoTime();
				LocalShop shop = LocalShop.builder()
					.projectDir(Path.of("").toAbsolutePath())
					.logsDir(logs.resolve(mode.name().toLowerCase(Locale.ROOT)))
					.freePorts()
					.tracingEnabled(mode != Mode.OFF)
					.tracer(mode.tracer)
					.startTimeout(Duration.ofMinutes(8))
					.start();
				shops.put(mode, shop);
				double wall = (System.nanoTime() - began) / 1e9;
				starts.put(mode, new Start(wall, servicesCpuSeconds(shop), servicesRssMb(shop)));
				this.out.printf(Locale.ROOT, "  ready in %.1f s; services used %.1f CPU s, %.0f MB resident%n", wall,
						starts.get(mode).cpuSeconds(), starts.get(mode).rssMb());
			}
			Map<Mode, Map<String, List<Result>>> results = new EnumMap<>(Mode.class);
			for (String scenario : SCENARIOS) {
				for (Mode mode : Mode.values()) {
					measure(shops.get(mode), scenario, Duration.ofSeconds(5));
				}
				for (int round = 0; round < this.rounds; round++) {
					for (int i = 0; i < Mode.values().length; i++) {
						Mode mode = Mode.values()[(i + round) % Mode.values().length];
						Result result = measure(shops.get(mode), scenario, this.window);
						results.computeIfAbsent(mode, (m) -> new java.util.LinkedHashMap<>())
							.computeIfAbsent(scenario, (s) -> new ArrayList<>())
							.add(result);
						this.out.printf(Locale.ROOT, "  %-10s round %d %-20s %6.1f req/s  p50 %7.2f ms  p99 %7.2f ms%n",
								scenario, round + 1, mode.label, result.throughput(), result.p50(), result.p99());
					}
				}
			}
			Map<Mode, Double> loadedRss = new EnumMap<>(Mode.class);
			for (Mode mode : Mode.values()) {
				loadedRss.put(mode, servicesRssMb(shops.get(mode)));
			}
			printTable(starts, results, loadedRss);
		}
		finally {
			shops.values().forEach(LocalShop::close);
		}
	}

	private void printTable(Map<Mode, Start> starts, Map<Mode, Map<String, List<Result>>> results,
			Map<Mode, Double> loadedRss) {
		this.out.println();
		this.out.printf(Locale.ROOT,
				"Tracers side by side: %d rounds x %ds per window, %d concurrent shoppers, %d cores, load average %s%n%n",
				this.rounds, this.window.toSeconds(), this.concurrency, Runtime.getRuntime().availableProcessors(),
				loadAverage());
		this.out.println(
				"| | untraced | X-Ray SDK | OpenTelemetry agent | Boot OpenTelemetry | agent / SDK | Boot / SDK |");
		this.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
		row("start, all ready (s)", starts, Start::wallSeconds, "%.1f");
		row("start, CPU s of the 6 services", starts, Start::cpuSeconds, "%.1f");
		row("RSS of the 6 services at rest (MB)", starts, Start::rssMb, "%.0f");
		rowOf("RSS of the 6 services after load (MB)", loadedRss, "%.0f");
		for (String scenario : SCENARIOS) {
			Map<Mode, Double> throughput = new EnumMap<>(Mode.class);
			Map<Mode, Double> p50 = new EnumMap<>(Mode.class);
			Map<Mode, Double> p99 = new EnumMap<>(Mode.class);
			for (Mode mode : Mode.values()) {
				List<Result> list = results.get(mode).get(scenario);
				throughput.put(mode, median(list.stream().mapToDouble(Result::throughput).toArray()));
				p50.put(mode, median(list.stream().mapToDouble(Result::p50).toArray()));
				p99.put(mode, median(list.stream().mapToDouble(Result::p99).toArray()));
			}
			rowOf(scenario + ": req/s (median)", throughput, "%.1f");
			rowOf(scenario + ": p50 ms", p50, "%.2f");
			rowOf(scenario + ": p99 ms", p99, "%.2f");
		}
	}

	private void row(String label, Map<Mode, Start> starts, java.util.function.ToDoubleFunction<Start> value,
			String format) {
		Map<Mode, Double> values = new EnumMap<>(Mode.class);
		starts.forEach((mode, start) -> values.put(mode, value.applyAsDouble(start)));
		rowOf(label, values, format);
	}

	private void rowOf(String label, Map<Mode, Double> values, String format) {
		double sdk = values.get(Mode.SDK);
		double agent = values.get(Mode.AGENT);
		double boot = values.get(Mode.BOOT);
		this.out.printf(Locale.ROOT,
				"| %s | " + format + " | " + format + " | " + format + " | " + format + " | %.2f | %.2f |%n", label,
				values.get(Mode.OFF), sdk, agent, boot, agent / sdk, boot / sdk);
	}

	private Result measure(LocalShop shop, String scenario, Duration duration) throws Exception {
		ExecutorService workers = Executors.newFixedThreadPool(this.concurrency);
		try {
			long deadline = System.nanoTime() + duration.toNanos();
			List<Future<long[]>> futures = new ArrayList<>();
			for (int w = 0; w < this.concurrency; w++) {
				int worker = w;
				futures.add(workers.submit(() -> loop(shop, scenario, worker, deadline)));
			}
			List<Long> latencies = new ArrayList<>();
			for (Future<long[]> future : futures) {
				for (long nanos : future.get()) {
					latencies.add(nanos);
				}
			}
			long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
			return new Result(sorted.length / (duration.toNanos() / 1e9), percentile(sorted, 0.50),
					percentile(sorted, 0.99));
		}
		finally {
			workers.shutdownNow();
		}
	}

	private static long[] loop(LocalShop shop, String scenario, int worker, long deadline) throws Exception {
		StorefrontSession session = new StorefrontSession(shop.storefrontUrl());
		List<Long> latencies = new ArrayList<>();
		int i = 0;
		while (System.nanoTime() < deadline) {
			String product = String.format("/product/P-%04d", 1 + (worker * 7 + i++) % 24);
			long start = System.nanoTime();
			boolean ok;
			if (scenario.equals("product")) {
				ok = session.get(product).status() == 200;
			}
			else {
				Page added = session.post(session.get(product), "/cart", Map.of("quantity", "1"));
				Page checkout = session.get("/cart/checkout");
				Page placed = session.post(checkout, "/cart/order",
						Map.of("name", "Ana Silva", "email", "ana@example.test", "street", "1 Main St", "city",
								"Springfield", "postalCode", "12345", "country", "US"));
				ok = added.status() == 302 && placed.status() == 302;
			}
			if (ok) {
				latencies.add(System.nanoTime() - start);
			}
		}
		return latencies.stream().mapToLong(Long::longValue).toArray();
	}

	private static List<Long> servicePids(LocalShop shop) {
		return shop.status()
			.stream()
			.filter((status) -> LocalShop.SERVICES.contains(status.name()))
			.map(Supervisor.Status::pid)
			.toList();
	}

	/** User plus system CPU seconds of the six services so far, from /proc (Linux). */
	private static double servicesCpuSeconds(LocalShop shop) throws IOException {
		double total = 0;
		for (long pid : servicePids(shop)) {
			String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			total += (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
		}
		return total;
	}

	/** Resident memory of the six services, from /proc (Linux), in MB. */
	private static double servicesRssMb(LocalShop shop) throws IOException {
		double total = 0;
		for (long pid : servicePids(shop)) {
			for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
				if (line.startsWith("VmRSS:")) {
					total += Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
				}
			}
		}
		return total;
	}

	/** The machine's load averages (1, 5, 15 minutes), from /proc (Linux). */
	private static String loadAverage() {
		try {
			String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
			return fields[0] + " " + fields[1] + " " + fields[2];
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	private static double median(double[] values) {
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

	record Start(double wallSeconds, double cpuSeconds, double rssMb) {
	}

	record Result(double throughput, double p50, double p99) {
	}

}
