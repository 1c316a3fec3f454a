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

	private Benchmark() {
	}

	public static void main(String[] args) throws Exception {
		List<String> parts = (args.length > 0) ? Arrays.asList(args) : List.of("memory", "queries", "ingest");
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

	private static ConfigurableApplicationContext start(String... args) {
		List<String> all = new ArrayList<>(List.of("--xray.local.port=0", "--xray.local.udp-port=0",
				"--logging.level.root=warn", "--spring.main.banner-mode=off"));
		all.addAll(List.of(args));
		return SpringApplication.run(XrayLocalApplication.class, all.toArray(String[]::new));
	}

}
