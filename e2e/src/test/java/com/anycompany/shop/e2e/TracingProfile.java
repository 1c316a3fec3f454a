package com.anycompany.shop.e2e;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.anycompany.shop.e2e.TracingOverheadBenchmark.Variant;
import com.anycompany.shop.launcher.process.Supervisor;
import com.anycompany.shop.launcher.stack.LocalShop;

/**
 * Where tracing spends its CPU: an untraced and a traced (every request sampled) local
 * shop under the same load at the same time, every JVM of both sampled by async-profiler
 * (CPU time, Java and kernel frames, attached with {@code jcmd}), then per process the
 * CPU per request of each shop and, in the traced one, the frames that do tracing work. A
 * sample is tracing work when its innermost X-Ray SDK or {@code tracing/} frame does the
 * work itself rather than call on into the request (a filter or interceptor that wraps
 * the rest of the request is not counted).
 * <p>
 * Unlike a throughput ratio this does not move with what else the machine runs, and
 * unlike JFR's execution samples it sees the kernel (datagrams, thread wake-ups), the
 * collector and xray-local.
 * <p>
 * Run with
 * {@code scripts/profile-tracing.sh [scenario=product] [seconds=20] [shoppers=4]}.
 */
public final class TracingProfile {

	/** Frames below which the rest is the request's own work, not tracing. */
	private static final List<String> WRAPPED_WORK = List.of("FilterChain", "DispatcherServlet",
			"InvocableHandlerMethod", "awssdk/core/internal/http/pipeline/stages/", "awssdk/core/internal/handler",
			"ClientHttpRequest", "InterceptingClientHttpRequest", "MethodProceedingJoinPoint", ".proceed",
			"invokeJoinpoint", "java/lang/reflect/Method.invoke", "jdk/proxy");

	private final PrintStream out = System.out;

	private final String scenario;

	private final Duration duration;

	private final int shoppers;

	private final Path profiler;

	private final Path output;

	private final Variant traced;

	private TracingProfile(String scenario, Duration duration, int shoppers, Path profiler, Path output,
			Variant traced) {
		this.traced = traced;
		this.scenario = scenario;
		this.duration = duration;
		this.shoppers = shoppers;
		this.profiler = profiler;
		this.output = output;
	}

	public static void main(String[] args) throws Exception {
		String scenario = (args.length > 0) ? args[0].replace('-', ' ') : "product";
		int seconds = (args.length > 1) ? Integer.parseInt(args[1]) : 20;
		int shoppers = (args.length > 2) ? Integer.parseInt(args[2]) : 4;
		Variant traced = (args.length > 3) ? Variant.of(args[3]) : Variant.ALL;
		Path profiler = Path.of(System.getProperty("asyncProfiler")).toAbsolutePath();
		Path output = Path.of("e2e", "target", "tracing-profile").toAbsolutePath();
		Files.createDirectories(output);
		new TracingProfile(scenario, Duration.ofSeconds(seconds), shoppers, profiler, output, traced).run();
	}

	private void run() throws Exception {
		Path logs = this.output.resolve("logs");
		Map<Variant, LocalShop> shops = new LinkedHashMap<>();
		try {
			for (Variant variant : List.of(Variant.UNTRACED, this.traced)) {
				shops.put(variant, TracingOverheadBenchmark.startShop(logs, variant, List.of(), this.out));
			}
			this.out.println("warming up both shops (" + this.scenario + ", 10 s)...");
			load(shops, Duration.ofSeconds(10));
			Map<Variant, Map<String, Long>> pids = new LinkedHashMap<>();
			for (Map.Entry<Variant, LocalShop> shop : shops.entrySet()) {
				pids.put(shop.getKey(), javaProcesses(shop.getValue()));
			}
			pids.values().forEach((byName) -> byName.values().forEach(this::startProfiler));
			Map<Variant, Long> requests = load(shops, this.duration);
			Map<Variant, Map<String, Path>> profiles = new LinkedHashMap<>();
			for (Map.Entry<Variant, Map<String, Long>> shop : pids.entrySet()) {
				Map<String, Path> files = new LinkedHashMap<>();
				for (Map.Entry<String, Long> process : shop.getValue().entrySet()) {
					Path file = this.output
						.resolve(shop.getKey().name().toLowerCase(Locale.ROOT) + "-" + process.getKey() + ".collapsed");
					stopProfiler(process.getValue(), file);
					files.put(process.getKey(), file);
				}
				profiles.put(shop.getKey(), files);
			}
			report(requests, profiles);
		}
		finally {
			for (LocalShop shop : shops.values()) {
				shop.close();
			}
		}
	}

	/** The same closed-loop load on every shop at once; the requests each completed. */
	private Map<Variant, Long> load(Map<Variant, LocalShop> shops, Duration duration) throws Exception {
		ExecutorService workers = Executors.newFixedThreadPool(this.shoppers * shops.size());
		try {
			long deadline = System.nanoTime() + duration.toNanos();
			Map<Variant, List<Future<long[]>>> running = new LinkedHashMap<>();
			int[] errors = new int[this.shoppers * shops.size()];
			int worker = 0;
			for (Map.Entry<Variant, LocalShop> shop : shops.entrySet()) {
				for (int i = 0; i < this.shoppers; i++) {
					int id = worker++;
					running.computeIfAbsent(shop.getKey(), (k) -> new ArrayList<>())
						.add(workers.submit(() -> TracingOverheadBenchmark.loop(shop.getValue(), this.scenario, id,
								deadline, errors)));
				}
			}
			Map<Variant, Long> requests = new LinkedHashMap<>();
			for (Map.Entry<Variant, List<Future<long[]>>> shop : running.entrySet()) {
				long count = 0;
				for (Future<long[]> done : shop.getValue()) {
					count += done.get().length;
				}
				requests.put(shop.getKey(), count);
			}
			return requests;
		}
		finally {
			workers.shutdownNow();
		}
	}

	private static Map<String, Long> javaProcesses(LocalShop shop) throws IOException {
		Map<String, Long> pids = new LinkedHashMap<>();
		for (Supervisor.Status status : shop.status()) {
			if (status.pid() > 0
					&& Files.readString(Path.of("/proc", Long.toString(status.pid()), "cmdline")).contains("java")) {
				pids.put(status.name(), status.pid());
			}
		}
		return pids;
	}

	private void startProfiler(long pid) {
		// the inner quotes keep jcmd from reading the options' '=' as its own
		// arguments
		jcmd(pid, "\"start,event=cpu,interval=1ms\"");
	}

	private void stopProfiler(long pid, Path file) {
		jcmd(pid, "\"stop,file=" + file + ",collapsed\"");
	}

	private void jcmd(long pid, String options) {
		try {
			Process process = new ProcessBuilder("jcmd", Long.toString(pid), "JVMTI.agent_load",
					this.profiler.toString(), options)
				.redirectErrorStream(true)
				.start();
			String answer = new String(process.getInputStream().readAllBytes());
			if (!process.waitFor(30, TimeUnit.SECONDS) || !answer.contains("return code: 0")) {
				throw new IllegalStateException("async-profiler in " + pid + ": " + answer.trim());
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("jcmd failed for " + pid, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private void report(Map<Variant, Long> requests, Map<Variant, Map<String, Path>> profiles) throws IOException {
		long untracedRequests = requests.get(Variant.UNTRACED);
		long tracedRequests = requests.get(this.traced);
		this.out.printf(Locale.ROOT,
				"%nCPU per request, %s, %d shoppers per shop, %d s, both shops at once: "
						+ "%d untraced and %d traced requests (%.1f%%; ms of CPU per request, Java and kernel)%n",
				this.scenario, this.shoppers, this.duration.toSeconds(), untracedRequests, tracedRequests,
				100.0 * tracedRequests / untracedRequests);
		this.out.println("| process | untraced | " + this.traced.label + " | difference | of it, tracing work |");
		this.out.println("| --- | ---: | ---: | ---: | ---: |");
		Map<String, Long> work = new HashMap<>();
		double[] totals = new double[3];
		for (String process : profiles.get(this.traced).keySet()) {
			Profile traced = Profile.read(profiles.get(this.traced).get(process));
			Path untracedFile = profiles.get(Variant.UNTRACED).get(process);
			Profile untraced = (untracedFile != null) ? Profile.read(untracedFile) : Profile.EMPTY;
			traced.work.forEach((frame, samples) -> work.merge(process + " " + frame, samples, Long::sum));
			double on = traced.samples / (double) tracedRequests;
			double off = untraced.samples / (double) untracedRequests;
			double tracing = traced.workSamples() / (double) tracedRequests;
			totals[0] += off;
			totals[1] += on;
			totals[2] += tracing;
			this.out.printf(Locale.ROOT, "| %s | %.3f | %.3f | %+.3f | %.3f |%n", process, off, on, on - off, tracing);
		}
		this.out.printf(Locale.ROOT, "| all | %.3f | %.3f | %+.3f (%+.1f%%) | %.3f |%n", totals[0], totals[1],
				totals[1] - totals[0], 100 * (totals[1] - totals[0]) / totals[0], totals[2]);
		printKinds(profiles, untracedRequests, tracedRequests);
		this.out.printf(Locale.ROOT, "%nTop tracing work in the traced shop (ms of CPU per request, innermost X-Ray "
				+ "or tracing/ frame)%n");
		this.out.println("| process | frame | ms per request |");
		this.out.println("| --- | --- | ---: |");
		work.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
			.limit(20)
			.forEach((entry) -> {
				String[] parts = entry.getKey().split(" ", 2);
				this.out.printf(Locale.ROOT, "| %s | %s | %.4f |%n", parts[0], parts[1].replace('/', '.'),
						entry.getValue() / (double) tracedRequests);
			});
		this.out.println("\nProfiles (collapsed stacks, for flame graphs): " + this.output);
	}

	/** Where the difference goes: all processes of each shop, by kind of work. */
	private void printKinds(Map<Variant, Map<String, Path>> profiles, long untracedRequests, long tracedRequests)
			throws IOException {
		Map<Variant, Map<String, Long>> byKind = new HashMap<>();
		for (Variant variant : List.of(Variant.UNTRACED, this.traced)) {
			Map<String, Long> sums = new HashMap<>();
			for (Map.Entry<String, Path> process : profiles.get(variant).entrySet()) {
				Profile profile = Profile.read(process.getValue());
				if (process.getKey().equals("xray-local")) {
					// the daemon's and the console's part, on EKS another pod
					sums.merge("xray-local", profile.samples(), Long::sum);
				}
				else {
					profile.kinds().forEach((kind, samples) -> sums.merge(kind, samples, Long::sum));
				}
			}
			byKind.put(variant, sums);
		}
		this.out.printf(Locale.ROOT, "%nThe same CPU by kind of work, all processes (ms per request)%n");
		this.out.println("| kind | untraced | " + this.traced.label + " | difference |");
		this.out.println("| --- | ---: | ---: | ---: |");
		List<String> kinds = new ArrayList<>(Profile.KINDS);
		kinds.add("xray-local");
		for (String kind : kinds) {
			double off = byKind.get(Variant.UNTRACED).getOrDefault(kind, 0L) / (double) untracedRequests;
			double on = byKind.get(this.traced).getOrDefault(kind, 0L) / (double) tracedRequests;
			this.out.printf(Locale.ROOT, "| %s | %.3f | %.3f | %+.3f |%n", kind, off, on, on - off);
		}
	}

	/**
	 * One process's samples, those of them that are tracing work by frame, and all of
	 * them by kind of work.
	 */
	record Profile(long samples, Map<String, Long> work, Map<String, Long> kinds) {

		static final Profile EMPTY = new Profile(0, Map.of(), Map.of());

		/** The kinds of work, in the order the table shows them. */
		static final List<String> KINDS = List.of("tracing frames", "garbage collection", "JIT compiler",
				"everything else");

		long workSamples() {
			return this.work.values().stream().mapToLong(Long::longValue).sum();
		}

		static Profile read(Path collapsed) throws IOException {
			long samples = 0;
			Map<String, Long> work = new HashMap<>();
			Map<String, Long> kinds = new HashMap<>();
			try (Stream<String> lines = Files.lines(collapsed)) {
				for (String line : (Iterable<String>) lines::iterator) {
					int space = line.lastIndexOf(' ');
					if (space < 0) {
						continue;
					}
					long count = Long.parseLong(line.substring(space + 1));
					samples += count;
					String stack = line.substring(0, space);
					String frame = tracingFrame(stack.split(";"));
					if (frame != null) {
						work.merge(frame, count, Long::sum);
					}
					kinds.merge(kind(stack, frame != null), count, Long::sum);
				}
			}
			return new Profile(samples, work, kinds);
		}

		/**
		 * The collector and the compiler run on threads of their own (the serial
		 * collector on the VM thread): what tracing adds there is not in any tracing
		 * frame but comes from the garbage and the code that tracing adds.
		 */
		static String kind(String stack, boolean tracing) {
			if (stack.contains("CompileBroker::")) {
				return "JIT compiler";
			}
			if (stack.contains("VM_GenCollect") || stack.contains("CollectedHeap::") || stack.contains("SerialHeap::")
					|| stack.contains("GCTaskThread") || stack.contains("WorkerThread::")) {
				return "garbage collection";
			}
			return tracing ? "tracing frames" : "everything else";
		}

		/** The innermost tracing frame of a stack, if it does the work itself. */
		static String tracingFrame(String[] frames) {
			int innermost = -1;
			for (int i = 0; i < frames.length; i++) {
				if (frames[i].startsWith("com/amazonaws/xray/")
						|| frames[i].startsWith("com/anycompany/shop/tracing/")) {
					innermost = i;
				}
			}
			if (innermost < 0) {
				return null;
			}
			for (int i = innermost + 1; i < frames.length; i++) {
				String frame = frames[i];
				if (WRAPPED_WORK.stream().anyMatch(frame::contains)) {
					return null;
				}
			}
			return frames[innermost];
		}

	}

}
