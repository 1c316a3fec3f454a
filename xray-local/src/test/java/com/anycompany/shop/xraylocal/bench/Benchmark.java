package com.anycompany.shop.xraylocal.bench;

import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

import com.anycompany.shop.xraylocal.Json;
import com.anycompany.shop.xraylocal.TestTraces;
import com.anycompany.shop.xraylocal.XrayLocalApplication;
import com.anycompany.shop.xraylocal.XrayLocalProperties;
import com.anycompany.shop.xraylocal.ingest.Ingest;
import com.anycompany.shop.xraylocal.ingest.SegmentParser;
import com.anycompany.shop.xraylocal.ingest.UdpReceiver;
import com.anycompany.shop.xraylocal.store.TraceStore;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;

/**
 * Measures xray-local and prints Markdown tables: UDP ingest at rising rates (the highest
 * with zero loss), query times over 100,000 stored traces, memory per stored segment and
 * the heap at the default bounds. Not a test: run it with {@code xray-local/bench.sh}.
 */
public final class Benchmark {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder()
		.build();

	private Benchmark() {
	}

	public static void main(String[] args) throws Exception {
		List<String> named = Arrays.stream(args).filter((arg) -> !arg.startsWith("--")).toList();
		List<String> parts = named.isEmpty() ? List.of("memory", "queries", "ingest", "cpu") : named;
		System.out.printf("xray-local benchmark: %d cores, max heap %d MB, Java %s, load average %s%n%n",
				Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
				System.getProperty("java.version"), loadAverage());
		if (parts.contains("memory")) {
			memory();
		}
		if (parts.contains("queries")) {
			queries(intArg(args, "--traces=", 100_000));
		}
		if (parts.contains("ingest")) {
			ingest();
		}
		if (parts.contains("cpu")) {
			cpu(args);
		}
	}

	/** The machine may be shared: say how busy it was. */
	private static String loadAverage() {
		try {
			return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
		}
		catch (java.io.IOException ex) {
			return "unknown";
		}
	}

	private static int intArg(String[] args, String prefix, int fallback) {
		for (String arg : args) {
			if (arg.startsWith(prefix)) {
				return Integer.parseInt(arg.substring(prefix.length()));
			}
		}
		return fallback;
	}

	private static List<String> stringArgs(String[] args, String prefix) {
		return Arrays.stream(args)
			.filter((arg) -> arg.startsWith(prefix))
			.map((arg) -> arg.substring(prefix.length()))
			.toList();
	}

	/** Shop-shaped documents for one trace: an order, or a product page. */
	static List<String> traceDocuments(double start) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		List<Json> documents = (random.nextInt(4) == 0) ? TestTraces.order(Json.newTraceId(), start) : TestTraces
			.product(Json.newTraceId(), start, String.format("P-%04d", random.nextInt(40)), random.nextInt(10) == 0);
		return documents.stream().map(Json::json).toList();
	}

	// ------------------------------------------------------------------ memory

	private static void memory() {
		XrayLocalProperties defaults = Binder.get(new StandardEnvironment())
			.bindOrCreate("xray.local", XrayLocalProperties.class);
		double now = System.currentTimeMillis() / 1000.0;
		System.out.println("## Memory");
		System.out.println();
		System.out.println("| measure | value |");
		System.out.println("| --- | --- |");

		// a store without bounds that matter, to measure the cost of one segment
		TraceStore big = new TraceStore(
				new TraceStore.Limits(1_000_000, 10_000_000, Long.MAX_VALUE, 10_000, Long.MAX_VALUE),
				java.time.Clock.systemUTC());
		Ingest ingest = new Ingest(new SegmentParser(), big);
		long before = usedHeap();
		long chars = 0;
		while (big.stats().documents() < 200_000) {
			for (String document : traceDocuments(now)) {
				ingest.document(document);
				chars += document.length();
			}
		}
		big.snapshot().forEach((t) -> t.facts());
		long after = usedHeap();
		long segments = big.stats().documents();
		System.out.printf(
				"| heap per stored segment (documents of %d bytes on average, facts computed) | %,d bytes |%n",
				chars / segments, (after - before) / segments);
		big.clear();
		big = null;
		ingest = null;

		TraceStore bounded = new TraceStore(new TraceStore.Limits(defaults.maxTraces(), defaults.maxSegments(),
				defaults.maxStoredJson().toBytes(), defaults.maxSegmentsPerTrace(), defaults.maxAge().toMillis()),
				java.time.Clock.systemUTC());
		Ingest boundedIngest = new Ingest(new SegmentParser(), bounded);
		long empty = usedHeap();
		for (int i = 0; i < defaults.maxTraces() * 2; i++) {
			traceDocuments(now).forEach(boundedIngest::document);
		}
		bounded.snapshot().forEach((t) -> t.facts());
		long full = usedHeap();
		TraceStore.Stats stats = bounded.stats();
		System.out.printf("| store at the default bound (%,d traces, %,d segments, %,d MB of JSON) | %,d MB |%n",
				stats.traces(), stats.documents(), stats.rawChars() >> 20, (full - empty) >> 20);
		System.out.printf("| whole heap in use then (after GC) | %,d MB |%n", full >> 20);
		System.out.println();
	}

	private static long usedHeap() {
		for (int i = 0; i < 4; i++) {
			System.gc();
			LockSupport.parkNanos(100_000_000L);
		}
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	// ------------------------------------------------------------------ queries

	/** One query of the table. */
	record Query(String name, String path, String body, String counted) {
	}

	private static List<Query> queries(String range) {
		List<Query> queries = new ArrayList<>();
		queries.add(new Query("GetServiceGraph, last hour", "/ServiceGraph", "{" + range + "}", "\"Names\""));
		queries.add(new Query("GetTimeSeriesServiceStatistics, all entry calls, 60 s", "/TimeSeriesServiceStatistics",
				"{" + range + "}", "\"Timestamp\""));
		queries.add(new Query("GetTimeSeriesServiceStatistics `service(\"recommenderservice\")`, 60 s, forecast",
				"/TimeSeriesServiceStatistics",
				"{" + range
						+ ", \"EntitySelectorExpression\": \"service(\\\"recommenderservice\\\")\", \"ForecastStatistics\": true}",
				"\"Timestamp\""));
		queries.add(new Query("GetTimeSeriesServiceStatistics `edge(\"frontend\", \"orderservice\")`, 300 s",
				"/TimeSeriesServiceStatistics",
				"{" + range
						+ ", \"EntitySelectorExpression\": \"edge(\\\"frontend\\\", \\\"orderservice\\\")\", \"Period\": 300}",
				"\"Timestamp\""));
		for (String filter : List.of("service(\\\"orderservice\\\")",
				"edge(\\\"frontend\\\", \\\"recommenderservice\\\") { fault }",
				"annotation.ProductID = \\\"P-0012\\\" AND responsetime > 0.05", "http.url CONTAINS \\\"/cart\\\"",
				"fault", "rootcause.fault.service { name = \\\"recommenderservice\\\" }")) {
			queries.add(new Query("GetTraceSummaries `" + filter.replace("\\\"", "\"") + "`", "/TraceSummaries",
					"{" + range + ", \"FilterExpression\": \"" + filter + "\"}", "\"Id\""));
		}
		return queries;
	}

	private static void queries(int traces) throws Exception {
		ConfigurableApplicationContext context = start("--xray.local.max-traces=" + traces,
				"--xray.local.max-segments=" + traces * 10L, "--xray.local.max-stored-json=4GB");
		try {
			Ingest ingest = context.getBean(Ingest.class);
			double now = System.currentTimeMillis() / 1000.0;
			String base = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
			String range = String.format(Locale.ROOT, "\"StartTime\": %.0f, \"EndTime\": %.0f", now - 3600, now + 60);
			List<Query> queries = queries(range);
			// a running xray-local has served the console before a burst: its first
			// request and class loading are not what this measures
			for (Query query : queries) {
				post(base + query.path(), query.body());
			}
			long started = System.nanoTime();
			for (int i = 0; i < traces; i++) {
				traceDocuments(now - 600 + 600.0 * i / traces).forEach(ingest::document);
			}
			double loadSeconds = (System.nanoTime() - started) / 1e9;
			TraceStore.Stats stats = context.getBean(TraceStore.class).stats();

			System.out.printf(
					"## Queries over %,d stored traces (%,d segments; loaded through the parser in %.1f s)%n%n",
					stats.traces(), stats.documents(), loadSeconds);
			System.out.println("Each query ran once on the empty store before the burst; \"first\" is its first call"
					+ " right after the burst, in the same run.");
			System.out.println();
			System.out.println("| query | first call (ms) | median of 20 (ms) | max of 20 (ms) | result |");
			System.out.println("| --- | --- | --- | --- | --- |");
			for (Query query : queries) {
				query(base, query.name(), query.path(), query.body(), query.counted());
			}
			System.out.println();
		}
		finally {
			context.close();
		}
	}

	private static void query(String base, String name, String path, String body, String counted) throws Exception {
		double first = post(base + path, body).millis();
		double[] times = new double[20];
		Response last = null;
		for (int i = 0; i < times.length; i++) {
			last = post(base + path, body);
			times[i] = last.millis();
		}
		Arrays.sort(times);
		int count = last.body().split(counted, -1).length - 1;
		System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %d %s, %,d bytes |%n", name, first, times[10],
				times[19], count, switch (counted) {
					case "\"Id\"" -> "summaries (one page)";
					case "\"Timestamp\"" -> "points";
					default -> "nodes";
				}, last.body().length());
	}

	record Response(double millis, String body) {
	}

	private static Response post(String url, String body) throws Exception {
		long start = System.nanoTime();
		HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		double millis = (System.nanoTime() - start) / 1e6;
		if (response.statusCode() != 200) {
			throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
		}
		return new Response(millis, response.body());
	}

	// ------------------------------------------------------------------ ingest

	private static void ingest() throws Exception {
		ConfigurableApplicationContext context = start();
		try {
			UdpReceiver udp = context.getBean(UdpReceiver.class);
			Ingest ingest = context.getBean(Ingest.class);
			double now = System.currentTimeMillis() / 1000.0;
			List<byte[]> datagrams = new ArrayList<>();
			long bytes = 0;
			while (datagrams.size() < 60_000) {
				for (String document : traceDocuments(now)) {
					byte[] datagram = (Json.HEADER + document).getBytes(StandardCharsets.UTF_8);
					datagrams.add(datagram);
					bytes += datagram.length;
				}
			}
			System.out.printf(
					"## UDP ingest (datagrams of %d bytes on average, %d s per step, receive buffer %,d bytes)%n%n",
					bytes / datagrams.size(), 3, udp.receiveBufferSize());
			System.out.println("| target rate (/s) | sent rate (/s) | sent | received | accepted | lost | loss |");
			System.out.println("| --- | --- | --- | --- | --- | --- | --- |");
			int best = 0;
			int previous = 0;
			int next = 0;
			try (DatagramChannel channel = DatagramChannel.open()) {
				channel.connect(new InetSocketAddress("127.0.0.1", udp.port()));
				for (int rate : new int[] { 5_000, 10_000, 20_000, 30_000, 40_000, 50_000, 60_000, 80_000, 100_000 }) {
					long receivedBefore = ingest.datagrams();
					long acceptedBefore = ingest.accepted() + ingest.rejectedTotal();
					long sentStart = System.nanoTime();
					int sent = 0;
					long seconds = 3;
					long end = sentStart + seconds * 1_000_000_000L;
					ByteBuffer buffer = ByteBuffer.allocateDirect(65_536);
					while (System.nanoTime() < end) {
						// send what is due by now, in small bursts each 0.2 ms
						long due = (System.nanoTime() - sentStart) * rate / 1_000_000_000L;
						while (sent < due) {
							byte[] datagram = datagrams.get(next++ % datagrams.size());
							buffer.clear();
							buffer.put(datagram).flip();
							channel.write(buffer);
							sent++;
						}
						LockSupport.parkNanos(200_000);
					}
					double sentRate = sent / ((System.nanoTime() - sentStart) / 1e9);
					// let the queue drain
					long waitUntil = System.nanoTime() + 5_000_000_000L;
					while (System.nanoTime() < waitUntil && (ingest.accepted() + ingest.rejectedTotal()
							- acceptedBefore < ingest.datagrams() - receivedBefore || udp.queued() > 0)) {
						LockSupport.parkNanos(10_000_000);
					}
					LockSupport.parkNanos(200_000_000);
					long received = ingest.datagrams() - receivedBefore;
					long processed = ingest.accepted() + ingest.rejectedTotal() - acceptedBefore;
					long lost = sent - received;
					System.out.printf(Locale.ROOT, "| %,d | %,.0f | %,d | %,d | %,d | %,d | %.2f%% |%n", rate, sentRate,
							sent, received, processed, lost, 100.0 * lost / sent);
					if (lost == 0 && sentRate >= rate * 0.97 && best == previous) {
						best = rate;
					}
					previous = rate;
					if (lost > sent / 10) {
						break;
					}
				}
			}
			System.out.printf("%nHighest rate with zero loss at it and at every lower step: %,d segments/s%n%n", best);
			System.out.println("Rejected by reason during the run: " + ingest.rejected());
		}
		finally {
			context.close();
		}
	}

	// ------------------------------------------------------------------ cpu

	/**
	 * What the launcher gives xray-local locally ({@code Plan.JVM_DEFAULTS} and its
	 * heap).
	 */
	private static final List<String> LAUNCHER_JVM_FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
			"-Xss512k", "-XX:ReservedCodeCacheSize=48m", "-XX:MaxMetaspaceSize=192m", "-XX:+ExitOnOutOfMemoryError",
			"-Xmx256m");

	/** One run of one jar. */
	record CpuRun(String jar, int round, long sent, long accepted, double cpuMillis, double idleMillisPerSecond) {

		double microsPerSegment() {
			return this.cpuMillis * 1000 / this.accepted;
		}

	}

	/**
	 * CPU time xray-local spends per ingested segment, as the local shop runs it: its own
	 * process with the launcher's JVM flags, fed the real SDK's shop datagrams at a fixed
	 * rate; user + system time of the whole process (every thread: receive, parse, GC,
	 * JIT) from /proc. Several jars (e.g. before and after a change) take turns, round
	 * after round, so that they see the same machine.
	 */
	private static void cpu(String[] args) throws Exception {
		List<String> jars = stringArgs(args, "--jar=");
		if (jars.isEmpty()) {
			jars = List.of("xray-local/target/xray-local.jar");
		}
		int rate = intArg(args, "--rate=", 2_000);
		int seconds = intArg(args, "--seconds=", 20);
		int warmup = intArg(args, "--warmup=", 20);
		int rounds = intArg(args, "--rounds=", 2);
		List<byte[]> datagrams = SdkDatagrams.record(rate * (warmup + seconds) + 100);
		long bytes = datagrams.stream().mapToLong((d) -> d.length).sum();
		System.out.printf(Locale.ROOT,
				"## CPU per ingested segment (%,d segments/s, %d s warm-up then %d s measured, datagrams of %d bytes"
						+ " on average from the X-Ray Java SDK, %s)%n%n",
				rate, warmup, seconds, bytes / datagrams.size(), String.join(" ", LAUNCHER_JVM_FLAGS));
		System.out
			.println("| jar | round | sent | accepted | lost | CPU (ms) | CPU per segment (µs) | idle CPU (ms/s) |");
		System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- |");
		List<CpuRun> runs = new ArrayList<>();
		for (int round = 1; round <= rounds; round++) {
			for (String jar : jars) {
				CpuRun run = cpuRun(jar, round, datagrams, rate, warmup, seconds);
				runs.add(run);
				System.out.printf(Locale.ROOT, "| %s | %d | %,d | %,d | %,d | %,.0f | %.1f | %.1f |%n", jar, round,
						run.sent(), run.accepted(), run.sent() - run.accepted(), run.cpuMillis(),
						run.microsPerSegment(), run.idleMillisPerSecond());
			}
		}
		System.out.println();
		double first = 0;
		for (String jar : jars) {
			double[] micros = runs.stream()
				.filter((r) -> r.jar().equals(jar))
				.mapToDouble(CpuRun::microsPerSegment)
				.sorted()
				.toArray();
			double median = (micros[(micros.length - 1) / 2] + micros[micros.length / 2]) / 2;
			if (first == 0) {
				first = median;
			}
			System.out.printf(Locale.ROOT, "%s: median %.1f µs CPU per segment (%.0f%% of the first jar's)%n", jar,
					median, 100 * median / first);
		}
		System.out.println();
	}

	private static CpuRun cpuRun(String jar, int round, List<byte[]> datagrams, int rate, int warmup, int seconds)
			throws Exception {
		int httpPort;
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1,
				java.net.InetAddress.getLoopbackAddress())) {
			httpPort = socket.getLocalPort();
		}
		int udpPort;
		try (DatagramChannel probe = DatagramChannel.open()) {
			probe.bind(new InetSocketAddress("127.0.0.1", 0));
			udpPort = ((InetSocketAddress) probe.getLocalAddress()).getPort();
		}
		List<String> command = new ArrayList<>();
		command.add(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(LAUNCHER_JVM_FLAGS);
		command.addAll(List.of("-jar", jar, "--xray.local.port=" + httpPort, "--xray.local.udp-port=" + udpPort,
				"--xray.local.otlp.port=0", "--logging.level.root=warn", "--spring.main.banner-mode=off"));
		java.io.File log = new java.io.File(
				"xray-local/target/bench-cpu-" + round + "-" + java.nio.file.Path.of(jar).getFileName() + ".log");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
		try {
			String status = "http://127.0.0.1:" + httpPort + "/status";
			long deadline = System.nanoTime() + 120_000_000_000L;
			while (true) {
				try {
					get(status);
					break;
				}
				catch (java.io.IOException ex) {
					if (System.nanoTime() > deadline || !process.isAlive()) {
						throw new IllegalStateException(jar + " did not start; see " + log, ex);
					}
					LockSupport.parkNanos(200_000_000L);
				}
			}
			LockSupport.parkNanos(2_000_000_000L);
			double idleStart = cpuMillis(process.pid());
			long idleNanos = System.nanoTime();
			LockSupport.parkNanos(5_000_000_000L);
			double idle = (cpuMillis(process.pid()) - idleStart) / ((System.nanoTime() - idleNanos) / 1e9);
			try (DatagramChannel channel = DatagramChannel.open()) {
				channel.connect(new InetSocketAddress("127.0.0.1", udpPort));
				int warmupCount = rate * warmup;
				send(channel, datagrams.subList(0, warmupCount), rate);
				drained(status, warmupCount);
				double before = cpuMillis(process.pid());
				long acceptedBefore = accepted(status);
				int count = rate * seconds;
				send(channel, datagrams.subList(warmupCount, warmupCount + count), rate);
				drained(status, warmupCount + count);
				double cpu = cpuMillis(process.pid()) - before;
				return new CpuRun(jar, round, count, accepted(status) - acceptedBefore, cpu, idle);
			}
		}
		finally {
			process.destroy();
			process.waitFor();
		}
	}

	/** Sends at {@code rate} per second, what is due every 0.2 ms. */
	private static void send(DatagramChannel channel, List<byte[]> datagrams, int rate) throws java.io.IOException {
		ByteBuffer buffer = ByteBuffer.allocateDirect(65_536);
		long start = System.nanoTime();
		int sent = 0;
		while (sent < datagrams.size()) {
			long due = Math.min(datagrams.size(), (System.nanoTime() - start) * rate / 1_000_000_000L);
			while (sent < due) {
				buffer.clear();
				buffer.put(datagrams.get(sent++)).flip();
				channel.write(buffer);
			}
			LockSupport.parkNanos(200_000);
		}
	}

	/** Waits (at most 10 s) until xray-local has dealt with {@code count} datagrams. */
	private static void drained(String status, long count) throws Exception {
		long deadline = System.nanoTime() + 10_000_000_000L;
		while (System.nanoTime() < deadline) {
			tools.jackson.databind.JsonNode ingest = JSON.readTree(get(status)).get("ingest");
			if (ingest.get("accepted").asLong() + ingest.get("rejected").asLong() >= count) {
				return;
			}
			LockSupport.parkNanos(20_000_000L);
		}
	}

	private static long accepted(String status) throws Exception {
		return JSON.readTree(get(status)).get("ingest").get("accepted").asLong();
	}

	/** User + system time of a process, all its threads, in milliseconds. */
	private static double cpuMillis(long pid) throws java.io.IOException {
		String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat"));
		// fields after the command name in parentheses: state is field 3, utime 14, stime
		// 15
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
		// /proc counts in USER_HZ, 100 per second on Linux whatever the kernel's HZ
		return ticks * 1000.0 / 100;
	}

	private static String get(String url) throws Exception {
		HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(url + " answered " + response.statusCode());
		}
		return response.body();
	}

	private static ConfigurableApplicationContext start(String... args) {
		List<String> all = new ArrayList<>(List.of("--xray.local.port=0", "--xray.local.udp-port=0",
				"--logging.level.root=warn", "--spring.main.banner-mode=off"));
		all.addAll(List.of(args));
		return SpringApplication.run(XrayLocalApplication.class, all.toArray(String[]::new));
	}

}
