package com.anycompany.shop.tracing.context;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import com.amazonaws.xray.strategy.ContextMissingStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes lost trace context visible instead of silent. The SDK calls this whenever code
 * wants to add a subsegment or annotation but the thread has no segment: typically work
 * handed to a thread pool that does not carry the context, so the call vanishes from the
 * trace. Each code path is logged once, at WARN, with the thread and the stack that shows
 * where it happened; every occurrence is counted ({@link #count()}, and the
 * {@code xray.context.missing} metric when Micrometer is present).
 * <p>
 * Start-up work on the main thread (table bootstrap, seeding) runs before any request and
 * is untraced on purpose, so it is not reported until the application is ready.
 * Background work and health probes run inside a no-op segment and never get here.
 */
public class ContextMissingReporter implements ContextMissingStrategy {

	private static final Logger logger = LoggerFactory.getLogger(ContextMissingReporter.class);

	/** Frames of the tracing machinery itself: not where the context was lost. */
	private static final Set<String> MACHINERY = Set.of("com.amazonaws.xray.", "software.amazon.awssdk.",
			"org.springframework.", "java.", "jdk.", "sun.", "tools.jackson.");

	/**
	 * This module's own packages (not its test application's): the root, where the public
	 * API and the HTTP client interceptor are, and the packages by concern.
	 */
	private static final String MODULE = "com.anycompany.shop.tracing.";

	private static final Set<String> MODULE_PACKAGES = Set.of("aop.", "autoconfigure.", "context.", "servlet.");

	private final AtomicLong count = new AtomicLong();

	private final Map<String, AtomicLong> byPath = new ConcurrentHashMap<>();

	private volatile Thread startupThread = Thread.currentThread();

	@Override
	public void contextMissing(String message, Class<? extends RuntimeException> exceptionClass) {
		if (Thread.currentThread() == this.startupThread) {
			return;
		}
		this.count.incrementAndGet();
		StackTraceElement[] stack = new Throwable().getStackTrace();
		String path = codePath(stack);
		AtomicLong seen = this.byPath.computeIfAbsent(path, (key) -> new AtomicLong());
		if (seen.getAndIncrement() == 0) {
			Throwable where = new Throwable("trace context missing here");
			where.setStackTrace(stack);
			logger.warn(
					"Trace context lost on thread '{}' at {}: {}. The call is missing from its trace; "
							+ "hand work to other threads through an executor that carries the context "
							+ "(see tracing/README.md). Logged once per code path.",
					Thread.currentThread().getName(), path, message, where);
		}
	}

	/**
	 * Called when the application is ready: from now on the main thread is no exception.
	 */
	public void startupFinished() {
		this.startupThread = null;
	}

	/** Times the context was missing since start. */
	public long count() {
		return this.count.get();
	}

	/** Times per code path (the first frame of the service's own code). */
	public Map<String, Long> countsByPath() {
		return this.byPath.entrySet()
			.stream()
			.collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, (entry) -> entry.getValue().get()));
	}

	private static boolean isMachinery(String className) {
		boolean ownClass = className.startsWith(MODULE) && (className.indexOf('.', MODULE.length()) < 0
				|| MODULE_PACKAGES.stream().anyMatch((sub) -> className.startsWith(MODULE + sub)));
		return ownClass || MACHINERY.stream().anyMatch(className::startsWith);
	}

	private static String codePath(StackTraceElement[] stack) {
		return Arrays.stream(stack)
			.filter((frame) -> !isMachinery(frame.getClassName()))
			.findFirst()
			.map(StackTraceElement::toString)
			.orElseGet(() -> (stack.length > 3) ? stack[3].toString() : "unknown");
	}

}
