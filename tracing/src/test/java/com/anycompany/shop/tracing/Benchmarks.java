package com.anycompany.shop.tracing;

import java.lang.management.ManagementFactory;

import com.amazonaws.xray.AWSXRayRecorderBuilder;
import com.amazonaws.xray.emitters.Emitter;
import com.amazonaws.xray.entities.Segment;
import com.amazonaws.xray.entities.Subsegment;
import com.amazonaws.xray.strategy.sampling.LocalizedSamplingStrategy;

/** What this module's main-method benchmarks share. */
final class Benchmarks {

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

	static void printJvm() {
		System.out.printf("JVM: %s %s, flags %s%n", System.getProperty("java.vm.name"),
				System.getProperty("java.version"), ManagementFactory.getRuntimeMXBean().getInputArguments());
	}

}
