package com.anycompany.shop.tracing;

import java.lang.management.ManagementFactory;
import java.util.Arrays;

import com.amazonaws.xray.AWSXRayRecorderBuilder;
import com.amazonaws.xray.emitters.Emitter;
import com.amazonaws.xray.entities.Segment;
import com.amazonaws.xray.entities.Subsegment;
import com.amazonaws.xray.strategy.sampling.LocalizedSamplingStrategy;

/** What this module's main-method benchmarks share. */
final class Benchmarks {

	private static final com.sun.management.ThreadMXBean THREADS = (com.sun.management.ThreadMXBean) ManagementFactory
		.getThreadMXBean();

	private Benchmarks() {
	}

	/** The whole-number argument at {@code index}, else the default. */
	static int argument(String[] args, int index, int otherwise) {
		return (args.length > index) ? Integer.parseInt(args[index]) : otherwise;
	}

	/**
	 * A recorder whose segments go nowhere (the cost of sending is not what the
	 * benchmarks compare) and which never polls a daemon for sampling rules.
	 */
	static AWSXRayRecorderBuilder recorderSendingNothing() {
		return AWSXRayRecorderBuilder.standard()
			.withSamplingStrategy(new LocalizedSamplingStrategy())
			.withEmitter(new Emitter() {
				@Override
				public boolean sendSegment(Segment segment) {
					return true;
				}

				@Override
				public boolean sendSubsegment(Subsegment subsegment) {
					return true;
				}
			});
	}

	/**
	 * Runs the task for about {@code millis} on this thread: CPU nanoseconds and bytes
	 * allocated per run.
	 */
	static double[] measure(Runnable task, int millis) {
		long end = System.nanoTime() + millis * 1_000_000L;
		long runs = 0;
		long thread = Thread.currentThread().getId();
		long allocatedBefore = THREADS.getThreadAllocatedBytes(thread);
		long cpuBefore = THREADS.getCurrentThreadCpuTime();
		do {
			for (int i = 0; i < 100; i++) {
				task.run();
			}
			runs += 100;
		}
		while (System.nanoTime() < end);
		long cpu = THREADS.getCurrentThreadCpuTime() - cpuBefore;
		long allocated = THREADS.getThreadAllocatedBytes(thread) - allocatedBefore;
		return new double[] { (double) cpu / runs, (double) allocated / runs };
	}

	/**
	 * Runs the tasks in turn, first for the warm-up, then for the rounds: per task, the
	 * medians of the rounds' CPU nanoseconds and bytes per run.
	 */
	static double[][] alternate(int warmUpSeconds, int rounds, int roundMillis, Runnable... tasks) {
		long warmUpEnd = System.nanoTime() + warmUpSeconds * 1_000_000_000L;
		while (System.nanoTime() < warmUpEnd) {
			for (Runnable task : tasks) {
				measure(task, 50);
			}
		}
		double[][][] runs = new double[tasks.length][rounds][];
		for (int round = 0; round < rounds; round++) {
			for (int t = 0; t < tasks.length; t++) {
				runs[t][round] = measure(tasks[t], roundMillis);
			}
		}
		double[][] medians = new double[tasks.length][];
		for (int t = 0; t < tasks.length; t++) {
			medians[t] = new double[] { median(runs[t], 0), median(runs[t], 1) };
		}
		return medians;
	}

	/** The median of one column of {@link #measure}'s rounds. */
	static double median(double[][] rounds, int column) {
		double[] values = Arrays.stream(rounds).mapToDouble((round) -> round[column]).sorted().toArray();
		return values[values.length / 2];
	}

	static void printJvm() {
		System.out.printf("JVM: %s %s, flags %s%n", System.getProperty("java.vm.name"),
				System.getProperty("java.version"), ManagementFactory.getRuntimeMXBean().getInputArguments());
	}

}
