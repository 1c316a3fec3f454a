package com.anycompany.shop.e2e;

import java.io.IOException;
import java.io.PrintStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.anycompany.shop.e2e.StorefrontSession.Page;
import com.anycompany.shop.launcher.stack.LocalShop;
import com.anycompany.shop.launcher.process.Supervisor;

/**
 * What tracing costs the storefront: several copies of the whole local shop run side by
 * side, one untraced ({@code SHOP_TRACING_ENABLED=false}) and one per tracing variant
 * (every request sampled, as the local shop does; the X-Ray default rule of 1 request a
 * second plus 5%; every request sampled with no daemon listening; a second untraced shop
 * as a control). With one shopper the shops take turns request by request (latency); with
 * more, each variant's shop and the untraced one run the same closed-loop load at the
 * same time, and the ratio of the requests they complete is the throughput ratio: both
 * see the same moments of the machine, which shops measured one after the other do not
 * (two identical shops measured in turn differed by up to a third). Several rounds, at
 * each number of shoppers asked for; then the same again with the next set of JVM flags
 * (the launcher's, or the container image's). Prints a table per flag set and one summary
 * row per variant and flag set: the latency cost with one shopper, the throughput ratio
 * with the most shoppers.
 * <p>
 * Run with {@code scripts/benchmark-tracing.sh [rounds] [seconds] [shoppers, e.g. 1,8]
 * [--jvm=launcher,container] [--variants=all,default,no-daemon]}.
 */
public final class TracingOverheadBenchmark {

	private static final List<String> SCENARIOS = List.of("home", "product", "order flow");

	/**
	 * The container image's JVM as it runs in a pod with the manifests' limits (1 CPU,
	 * 512 MiB): full tiered compilation, the image's JDK_JAVA_OPTIONS, the heap they give
	 * (30% of 512 MiB), and the serial collector that the JVM picks by itself for one
	 * CPU.
	 */
	static final List<String> CONTAINER_FLAGS = List.of("-XX:TieredStopAtLevel=4", "-XX:ReservedCodeCacheSize=80m",
			"-XX:MaxMetaspaceSize=112m", "-Xmx154m", "-Xss512k", "-XX:ActiveProcessorCount=1", "-XX:+UseSerialGC");

	/** The X-Ray console's default rule: one request a second, then 5%. */
	private static final String DEFAULT_RULE = """
			{ "version": 2, "rules": [], "default": { "fixed_target": 1, "rate": 0.05 } }
			""";

	/**
	 * A shop to measure: untraced, or one way of tracing it, or a second untraced shop as
	 * a control (what two identical shops differ by is the benchmark's own noise floor).
	 */
	enum Variant {

		UNTRACED("untraced"), ALL("100% sampled"), DEFAULT("default rule (1/s + 5%)"),
		NO_DAEMON("100% sampled, no daemon listening"), CONTROL("untraced again (control)");

		final String label;

		Variant(String label) {
			this.label = label;
		}

		static Variant of(String name) {
			return switch (name.trim()) {
				case "all" -> ALL;
				case "default" -> DEFAULT;
				case "no-daemon" -> NO_DAEMON;
				case "control" -> CONTROL;
				default -> throw new IllegalArgumentException("unknown variant " + name);
			};
		}

	}

	private final int rounds;

	private final Duration window;

	private final List<Integer> concurrencies;

	private final List<String> jvms;

	private final List<Variant> variants;

	private final Duration warmUp;

	private final PrintStream out = System.out;

	private final List<String> summary = new ArrayList<>();

	/**
	 * Throughput ratios of the saturated pairs (variant / untraced, measured at the same
	 * time), by flag set/shoppers/variant/scenario.
	 */
	private final Map<String, List<Double>> ratios = new LinkedHashMap<>();

	/** xray-local's CPU seconds and the seconds of load, per flag set and variant. */
	private final Map<String, double[]> xrayCpu = new LinkedHashMap<>();

	/**
	 * CPU seconds (user, system) and requests, by flag set/scenario/variant, then
	 * process.
	 */
	private final Map<String, Map<String, double[]>> cpu = new LinkedHashMap<>();

	private TracingOverheadBenchmark(int rounds, Duration window, List<Integer> concurrencies, List<String> jvms,
			List<Variant> variants, Duration warmUp) {
		this.rounds = rounds;
		this.warmUp = warmUp;
		this.window = window;
		this.concurrencies = concurrencies;
		this.jvms = jvms;
		this.variants = variants;
	}

	public static void main(String[] args) throws Exception {
		List<String> positional = new ArrayList<>();
		List<String> jvms = List.of("launcher");
		List<Variant> variants = new ArrayList<>(List.of(Variant.ALL));
		Duration warmUp = Duration.ofSeconds(10);
		for (String arg : args) {
			if (arg.startsWith("--jvm=")) {
				jvms = List.of(arg.substring(6).split(","));
			}
			else if (arg.startsWith("--warmup=")) {
				warmUp = Duration.ofSeconds(Integer.parseInt(arg.substring(9)));
			}
			else if (arg.startsWith("--variants=")) {
				variants = Arrays.stream(arg.substring(11).split(",")).map(Variant::of).toList();
			}
			else {
				positional.add(arg);
			}
		}
		int rounds = (positional.size() > 0) ? Integer.parseInt(positional.get(0)) : 3;
		int seconds = (positional.size() > 1) ? Integer.parseInt(positional.get(1)) : 15;
		List<Integer> concurrencies = (positional.size() > 2)
				? Arrays.stream(positional.get(2).split(",")).map(Integer::valueOf).toList() : List.of(8);
		new TracingOverheadBenchmark(rounds, Duration.ofSeconds(seconds), concurrencies, jvms, variants, warmUp).run();
	}

	private void run() throws Exception {
		for (String jvm : this.jvms) {
			runWith(jvm);
		}
		int most = this.concurrencies.stream().mapToInt(Integer::intValue).max().orElseThrow();
		int least = this.concurrencies.stream().mapToInt(Integer::intValue).min().orElseThrow();
		this.out.printf(Locale.ROOT, "%nSummary (%d rounds x %ds, %d cores, medians of the rounds): p50 traced - "
				+ "untraced with %d shopper(s) (shops interleaved request by request), throughput traced / untraced with %d shoppers each (both shops at once)%n",
				this.rounds, this.window.toSeconds(), Runtime.getRuntime().availableProcessors(), least, most);
		this.out.println("| sampling | JVM flags | home p50 | product p50 | order flow p50 | home req/s | product req/s"
				+ " | order flow req/s | dropped | xray-local CPU |");
		this.out.println("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
		this.summary.forEach(this.out::println);
	}

	private void runWith(String jvm) throws Exception {
		List<String> jvmOptions = switch (jvm) {
			case "launcher" -> List.of();
			case "container" -> CONTAINER_FLAGS;
			default -> throw new IllegalArgumentException("--jvm is launcher or container, not " + jvm);
		};
		Path logs = Path.of("e2e", "target", "benchmark-logs", jvm).toAbsolutePath();
		List<Variant> all = new ArrayList<>(List.of(Variant.UNTRACED));
		all.addAll(this.variants);
		Map<Variant, LocalShop> shops = new LinkedHashMap<>();
		// results by shoppers, variant, scenario
		Map<Integer, Map<Variant, Map<String, List<Result>>>> results = new LinkedHashMap<>();
		try {
			for (Variant variant : all) {
				shops.put(variant, start(logs, variant, jvmOptions));
			}
			for (int shoppers : this.concurrencies) {
				Map<Variant, Map<String, List<Result>>> byVariant = new LinkedHashMap<>();
				results.put(shoppers, byVariant);
				// the first load compiles a shop's code, the traced one's more:
				// a long warm-up then (C2 on one compiler thread, the image's
				// flags, takes tens of seconds), a short one after
				Duration warmUp = (shoppers == this.concurrencies.get(0)) ? this.warmUp : Duration.ofSeconds(3);
				for (String scenario : SCENARIOS) {
					for (Variant variant : all) {
						measure(shops.get(variant), scenario, warmUp, Math.max(shoppers, 4));
					}
					for (int round = 0; round < this.rounds; round++) {
						if (shoppers == 1) {
							// one shopper: latency, so interleave the shops request
							// by request; each sees the same moments of the machine
							Map<Variant, Result> interleaved = interleave(shops, scenario, round);
							for (Variant variant : all) {
								Result result = interleaved.get(variant);
								byVariant.computeIfAbsent(variant, (k) -> new LinkedHashMap<>())
									.computeIfAbsent(scenario, (k) -> new ArrayList<>())
									.add(result);
								this.out.printf(Locale.ROOT,
										"  [%s] 1 shopper (interleaved) %-10s round %d %-34s p50 %6.2f ms  p99 %7.2f ms  errors %d%n",
										jvm, scenario, round + 1, variant.label, result.p50(), result.p99(),
										result.errors());
							}
							continue;
						}
						// saturated: each traced shop against the untraced one at the
						// same
						// time, so both see the same moments of the machine; the ratio of
						// requests they complete is the throughput ratio (a shop that
						// needs more CPU per request completes fewer in its share)
						for (Variant variant : this.variants) {
							Map<Variant, Result> pair = saturatePair(jvm, shops, variant, scenario, shoppers);
							for (Map.Entry<Variant, Result> entry : pair.entrySet()) {
								byVariant.computeIfAbsent(entry.getKey(), (k) -> new LinkedHashMap<>())
									.computeIfAbsent(scenario, (k) -> new ArrayList<>())
									.add(entry.getValue());
							}
							double ratio = pair.get(variant).throughput() / pair.get(Variant.UNTRACED).throughput();
							this.ratios
								.computeIfAbsent(jvm + "/" + shoppers + "/" + variant + "/" + scenario,
										(k) -> new ArrayList<>())
								.add(ratio);
							this.out.printf(Locale.ROOT,
									"  [%s] %d shopper(s) each %-10s round %d %-34s %7.1f req/s vs untraced %7.1f req/s (%.1f%%)  p50 %6.2f ms  errors %d%n",
									jvm, shoppers, scenario, round + 1, variant.label, pair.get(variant).throughput(),
									pair.get(Variant.UNTRACED).throughput(), 100 * ratio, pair.get(variant).p50(),
									pair.get(variant).errors());
						}
					}
				}
				printTable(jvm, shoppers, byVariant);
				if (shoppers > 1) {
					printCpu(jvm, all);
				}
			}
		}
		finally {
			for (LocalShop shop : shops.values()) {
				shop.close();
			}
		}
		// after the stop: each service's emitter reports what it sent and dropped
		summarize(jvm, results, logs);
	}

	/**
	 * The untraced shop and a variant's shop under the same load at the same time, with
	 * the CPU each process used meanwhile.
	 */
	private Map<Variant, Result> saturatePair(String jvm, Map<Variant, LocalShop> shops, Variant variant,
			String scenario, int shoppers) throws Exception {
		List<Variant> pair = List.of(Variant.UNTRACED, variant);
		Map<Variant, Map<String, long[]>> before = new LinkedHashMap<>();
		for (Variant v : pair) {
			before.put(v, ticks(shops.get(v)));
		}
		long started = System.nanoTime();
		ExecutorService both = Executors.newFixedThreadPool(2);
		Map<Variant, Result> results = new LinkedHashMap<>();
		try {
			Map<Variant, Future<Result>> running = new LinkedHashMap<>();
			for (Variant v : pair) {
				running.put(v, both.submit(() -> measure(shops.get(v), scenario, this.window, shoppers)));
			}
			for (Variant v : pair) {
				results.put(v, running.get(v).get());
			}
		}
		finally {
			both.shutdownNow();
		}
		for (Variant v : pair) {
			Map<String, long[]> after = ticks(shops.get(v));
			addCpu(jvm, scenario, v, before.get(v), after, results.get(v).throughput() * this.window.toNanos() / 1e9);
			if (v != Variant.UNTRACED) {
				double[] usage = this.xrayCpu.computeIfAbsent(jvm + "/" + v, (k) -> new double[2]);
				usage[0] += cpuSeconds(before.get(v), after, "xray-local");
				usage[1] += (System.nanoTime() - started) / 1e9;
			}
		}
		return results;
	}

	private LocalShop start(Path logs, Variant variant, List<String> jvmOptions) throws Exception {
		return startShop(logs, variant, jvmOptions, this.out);
	}

	/** One whole local shop, untraced or traced as the variant says. */
	static LocalShop startShop(Path logs, Variant variant, List<String> jvmOptions, PrintStream out) throws Exception {
		String name = variant.name().toLowerCase(Locale.ROOT);
		out.println("starting the shop: " + variant.label + " (logs in " + logs.resolve(name) + ")");
		LocalShop.Builder builder = LocalShop.builder()
			.projectDir(Path.of("").toAbsolutePath())
			.logsDir(logs.resolve(name))
			.freePorts()
			.jvmOptions(jvmOptions)
			.tracingEnabled(variant != Variant.UNTRACED && variant != Variant.CONTROL)
			.startTimeout(Duration.ofMinutes(5));
		if (variant == Variant.DEFAULT) {
			// the same rule locally and from the daemon's centralized sampling, as on AWS
			Path rules = logs.resolve("default-rule.json");
			Files.createDirectories(logs);
			Files.writeString(rules, DEFAULT_RULE);
			builder.environment("SHOP_TRACING_SAMPLING_RULES", "file:" + rules)
				.environment("XRAY_LOCAL_SAMPLING_RULES", rules.toString());
		}
		if (variant == Variant.NO_DAEMON) {
			builder.environment("AWS_XRAY_DAEMON_ADDRESS", "127.0.0.1:" + closedUdpPort());
		}
		return builder.start();
	}

	private Result measure(LocalShop shop, String scenario, Duration duration, int shoppers) throws Exception {
		ExecutorService workers = Executors.newFixedThreadPool(shoppers);
		try {
			long deadline = System.nanoTime() + duration.toNanos();
			List<Future<long[]>> results = new ArrayList<>();
			int[] errors = new int[shoppers];
			for (int w = 0; w < shoppers; w++) {
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

	/**
	 * One shopper per shop, taking turns: the scenario once on each shop, in an order
	 * that rotates, until the round's time (one window per shop) is up.
	 */
	private Map<Variant, Result> interleave(Map<Variant, LocalShop> shops, String scenario, int round)
			throws InterruptedException {
		List<Variant> order = new ArrayList<>(shops.keySet());
		Map<Variant, StorefrontSession> sessions = new LinkedHashMap<>();
		Map<Variant, List<Long>> latencies = new LinkedHashMap<>();
		Map<Variant, Integer> errors = new LinkedHashMap<>();
		for (Variant variant : order) {
			sessions.put(variant, new StorefrontSession(shops.get(variant).storefrontUrl()));
			latencies.put(variant, new ArrayList<>());
			errors.put(variant, 0);
		}
		long deadline = System.nanoTime() + this.window.toNanos() * order.size();
		int i = round;
		while (System.nanoTime() < deadline) {
			String product = String.format("/product/P-%04d", 1 + (i % 24));
			for (int k = 0; k < order.size(); k++) {
				Variant variant = order.get((i + k) % order.size());
				long start = System.nanoTime();
				try {
					StorefrontSession session = sessions.get(variant);
					boolean ok = switch (scenario) {
						case "home" -> session.get("/").status() == 200;
						case "product" -> session.get(product).status() == 200;
						default -> orderFlow(session, product);
					};
					if (ok) {
						latencies.get(variant).add(System.nanoTime() - start);
					}
					else {
						errors.merge(variant, 1, Integer::sum);
					}
				}
				catch (IOException ex) {
					errors.merge(variant, 1, Integer::sum);
				}
			}
			i++;
		}
		Map<Variant, Result> results = new LinkedHashMap<>();
		for (Variant variant : order) {
			long[] sorted = latencies.get(variant).stream().mapToLong(Long::longValue).sorted().toArray();
			results.put(variant, new Result(sorted.length / (this.window.toNanos() * order.size() / 1e9),
					percentile(sorted, 0.50), percentile(sorted, 0.99), errors.get(variant)));
		}
		return results;
	}

	/**
	 * One shopper repeating the scenario until the deadline: the latencies of those that
	 * worked.
	 */
	static long[] loop(LocalShop shop, String scenario, int worker, long deadline, int[] errors)
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

	private void printTable(String jvm, int shoppers, Map<Variant, Map<String, List<Result>>> results) {
		this.out.println();
		this.out.printf(Locale.ROOT,
				"Tracing overhead, %s JVM flags: %d rounds x %ds per window, %d shopper(s), %d cores%n", jvm,
				this.rounds, this.window.toSeconds(), shoppers, Runtime.getRuntime().availableProcessors());
		this.out.println(
				"| scenario | shop | req/s (median) | p50 ms | p99 ms | throughput / untraced | p50 - untraced (ms) "
						+ "| p99 - untraced (ms) |");
		this.out.println("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
		for (String scenario : SCENARIOS) {
			Result base = median(results.get(Variant.UNTRACED).get(scenario));
			for (Map.Entry<Variant, Map<String, List<Result>>> entry : results.entrySet()) {
				Result r = median(entry.getValue().get(scenario));
				if (entry.getKey() == Variant.UNTRACED) {
					this.out.printf(Locale.ROOT, "| %s | %s | %.1f | %.2f | %.2f | | | |%n", scenario,
							entry.getKey().label, r.throughput(), r.p50(), r.p99());
				}
				else {
					List<Double> paired = this.ratios.get(jvm + "/" + shoppers + "/" + entry.getKey() + "/" + scenario);
					double ratio = (paired != null)
							? medianOf(paired.stream().mapToDouble(Double::doubleValue).toArray())
							: r.throughput() / base.throughput();
					this.out.printf(Locale.ROOT, "| %s | %s | %.1f | %.2f | %.2f | %.3f | %+.2f | %+.2f |%n", scenario,
							entry.getKey().label, r.throughput(), r.p50(), r.p99(), ratio, r.p50() - base.p50(),
							r.p99() - base.p99());
				}
			}
		}
		this.out.println();
	}

	private void summarize(String jvm, Map<Integer, Map<Variant, Map<String, List<Result>>>> results, Path logs)
			throws IOException {
		int least = this.concurrencies.stream().mapToInt(Integer::intValue).min().orElseThrow();
		int most = this.concurrencies.stream().mapToInt(Integer::intValue).max().orElseThrow();
		String flags = jvm.equals("launcher") ? "launcher (C1 only, Serial GC)"
				: "container image (C1+C2, Serial GC, 1 CPU)";
		for (Variant variant : this.variants) {
			StringBuilder row = new StringBuilder("| " + variant.label + " | " + flags + " |");
			for (String scenario : SCENARIOS) {
				Result on = median(results.get(least).get(variant).get(scenario));
				Result off = median(results.get(least).get(Variant.UNTRACED).get(scenario));
				row.append(String.format(Locale.ROOT, " %+.2f ms |", on.p50() - off.p50()));
			}
			for (String scenario : SCENARIOS) {
				double ratio = medianOf(this.ratios.get(jvm + "/" + most + "/" + variant + "/" + scenario)
					.stream()
					.mapToDouble(Double::doubleValue)
					.toArray());
				row.append(String.format(Locale.ROOT, " %.1f%% |", 100 * ratio));
			}
			row.append(' ').append(droppedSegments(logs.resolve(variant.name().toLowerCase(Locale.ROOT)))).append(" |");
			double[] usage = this.xrayCpu.getOrDefault(jvm + "/" + variant, new double[] { 0, 1 });
			row.append(String.format(Locale.ROOT, " %.0f%% of a core |", 100 * usage[0] / usage[1]));
			this.summary.add(row.toString());
		}
	}

	/**
	 * Segments the services' emitters dropped, from their logs: the emitter warns at the
	 * first drop and then at most once a minute, with the count so far, so no warning
	 * means none was dropped and otherwise the figure is a lower bound.
	 */
	private static String droppedSegments(Path logs) throws IOException {
		Pattern warning = Pattern.compile("segment dropped, (\\d+) so far");
		long dropped = 0;
		try (Stream<Path> files = Files.list(logs)) {
			for (Path log : files.filter((p) -> p.toString().endsWith(".log")).toList()) {
				long most = 0;
				for (String line : Files.readAllLines(log, StandardCharsets.ISO_8859_1)) {
					Matcher m = warning.matcher(line);
					if (m.find()) {
						most = Math.max(most, Long.parseLong(m.group(1)));
					}
				}
				dropped += most;
			}
		}
		return (dropped == 0) ? "0" : "at least " + dropped;
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

	/**
	 * Where the CPU goes: per process of the shop, user and system CPU time per request
	 * over the saturated windows. Unlike the throughput ratio this does not move with
	 * what else the machine runs, and unlike a JFR profile it sees kernel time
	 * (datagrams, thread wake-ups) and the garbage collector.
	 */
	private void addCpu(String jvm, String scenario, Variant variant, Map<String, long[]> before,
			Map<String, long[]> after, double requests) {
		Map<String, double[]> byComponent = this.cpu.computeIfAbsent(jvm + "/" + scenario + "/" + variant,
				(k) -> new LinkedHashMap<>());
		for (Map.Entry<String, long[]> entry : after.entrySet()) {
			long[] start = before.get(entry.getKey());
			if (start == null) {
				continue;
			}
			double[] sums = byComponent.computeIfAbsent(entry.getKey(), (k) -> new double[3]);
			sums[0] += (entry.getValue()[0] - start[0]) / 100.0;
			sums[1] += (entry.getValue()[1] - start[1]) / 100.0;
			sums[2] += requests;
		}
	}

	private void printCpu(String jvm, List<Variant> all) {
		this.out.printf(Locale.ROOT, "CPU per request, %s JVM flags, saturated windows (ms: user + system)%n", jvm);
		StringBuilder header = new StringBuilder("| scenario | process |");
		StringBuilder rule = new StringBuilder("| --- | --- |");
		for (Variant variant : all) {
			header.append(' ').append(variant.label).append(" |");
			rule.append(" ---: |");
		}
		this.out.println(header);
		this.out.println(rule);
		for (String scenario : SCENARIOS) {
			Map<String, double[]> base = this.cpu.get(jvm + "/" + scenario + "/" + Variant.UNTRACED);
			if (base == null) {
				continue;
			}
			List<String> components = new ArrayList<>(base.keySet());
			components.add("all");
			for (String component : components) {
				StringBuilder row = new StringBuilder("| " + scenario + " | " + component + " |");
				for (Variant variant : all) {
					Map<String, double[]> sums = this.cpu.get(jvm + "/" + scenario + "/" + variant);
					double user = 0;
					double system = 0;
					double requests = 0;
					for (Map.Entry<String, double[]> entry : sums.entrySet()) {
						if (component.equals("all") || entry.getKey().equals(component)) {
							user += entry.getValue()[0];
							system += entry.getValue()[1];
							requests = entry.getValue()[2];
						}
					}
					row.append(String.format(Locale.ROOT, " %.2f + %.2f |", 1000 * user / requests,
							1000 * system / requests));
				}
				this.out.println(row);
			}
		}
		this.out.println();
	}

	/** User and system clock ticks of each process of a shop, from /proc (Linux). */
	private static Map<String, long[]> ticks(LocalShop shop) throws IOException {
		Map<String, long[]> ticks = new LinkedHashMap<>();
		for (Supervisor.Status status : shop.status()) {
			if (status.pid() <= 0) {
				continue;
			}
			try {
				String stat = Files.readString(Path.of("/proc", String.valueOf(status.pid()), "stat"));
				// fields 14 and 15 of stat (utime, stime), counted after the command name
				String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
				ticks.put(status.name(), new long[] { Long.parseLong(fields[11]), Long.parseLong(fields[12]) });
			}
			catch (IOException ex) {
				// restarted or gone: left out of this window
			}
		}
		return ticks;
	}

	/** A loopback UDP port nobody listens on (bound for a moment, then released). */
	private static int closedUdpPort() throws IOException {
		try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	/**
	 * A process's user plus system CPU seconds between two readings of {@link #ticks}.
	 */
	private static double cpuSeconds(Map<String, long[]> before, Map<String, long[]> after, String process) {
		long[] from = before.get(process);
		long[] to = after.get(process);
		if (from == null || to == null) {
			return 0;
		}
		return ((to[0] - from[0]) + (to[1] - from[1])) / 100.0;
	}

	record Result(double throughput, double p50, double p99, int errors) {
	}

}
