package com.anycompany.shop.launcher.process;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One process the supervisor runs.
 *
 * @param name its name in progress lines and logs, e.g. {@code catalogservice}
 * @param command the command line
 * @param environment variables set on top of the launcher's own environment
 * @param directory the working directory
 * @param logFile where its standard output and error go (appended)
 * @param health how to know it is ready
 * @param restart whether it is restarted when it dies (as Kubernetes restarts a
 * container)
 * @param tier stop order: higher tiers stop first (the services before the DynamoDB they
 * use)
 */
public record ComponentSpec(String name, List<String> command, Map<String, String> environment, Path directory,
		Path logFile, HealthCheck health, boolean restart, int tier) {

	public ComponentSpec {
		Objects.requireNonNull(name, "name");
		command = List.copyOf(command);
		environment = Map.copyOf(environment);
		Objects.requireNonNull(directory, "directory");
		Objects.requireNonNull(logFile, "logFile");
		Objects.requireNonNull(health, "health");
	}

}
