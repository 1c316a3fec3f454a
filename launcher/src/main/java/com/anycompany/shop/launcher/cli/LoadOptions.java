package com.anycompany.shop.launcher.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Option;

/**
 * How much load: options shared by {@code ./shop load} and {@code ./shop up --load}.
 */
public final class LoadOptions {

	@Option(names = { "-u", "--users" }, paramLabel = "N", defaultValue = "5",
			description = "Simulated shoppers. Default: ${DEFAULT-VALUE}")
	int users;

	@Option(names = { "-d", "--duration" }, paramLabel = "D", defaultValue = "0",
			description = "How long, e.g. 30s or 5m; 0 until stopped. Default: ${DEFAULT-VALUE}")
	Duration duration;

	/** The load generator's own options for these. */
	List<String> arguments() {
		List<String> arguments = new ArrayList<>(List.of("--users", String.valueOf(this.users)));
		if (!this.duration.isZero()) {
			arguments.addAll(List.of("--duration", this.duration.toMillis() + "ms"));
		}
		return arguments;
	}

}
