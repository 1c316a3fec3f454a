package com.anycompany.shop.randomizer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import com.anycompany.shop.schedule.Durations;
import com.anycompany.shop.schedule.Pauses;

/**
 * What the randomizer reads from its environment.
 *
 * @param namespace the only namespace whose pods it may delete
 * @param schedule how long it waits between rounds
 */
record RandomizerSettings(String namespace, Pauses schedule) {

	/** Where Kubernetes tells a pod its own namespace. */
	static final Path SERVICE_ACCOUNT_NAMESPACE = Path.of("/var/run/secrets/kubernetes.io/serviceaccount/namespace");

	static final String NAMESPACE = "RANDOMIZER_NAMESPACE";

	static final String MIN_INTERVAL = "RANDOMIZER_MIN_INTERVAL";

	static final String MAX_INTERVAL = "RANDOMIZER_MAX_INTERVAL";

	/**
	 * Reads the settings.
	 * @param env the environment variables
	 * @param namespaceFile the service-account namespace file, used when
	 * {@value #NAMESPACE} is not set
	 * @return the settings
	 * @throws IllegalArgumentException when a setting is missing or wrong, with a message
	 * for the operator
	 */
	static RandomizerSettings fromEnvironment(Map<String, String> env, Path namespaceFile) {
		Duration min = durationOf(env, MIN_INTERVAL, Pauses.DEFAULT.min());
		Duration max = durationOf(env, MAX_INTERVAL, Pauses.DEFAULT.max());
		return new RandomizerSettings(namespaceOf(env, namespaceFile), new Pauses(min, max));
	}

	private static Duration durationOf(Map<String, String> env, String name, Duration fallback) {
		String value = env.get(name);
		if (value == null || value.isBlank()) {
			return fallback;
		}
		try {
			return Durations.parse(value);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(name + ": " + ex.getMessage(), ex);
		}
	}

	private static String namespaceOf(Map<String, String> env, Path namespaceFile) {
		String value = env.get(NAMESPACE);
		if (value != null && !value.isBlank()) {
			return value.strip();
		}
		if (Files.isReadable(namespaceFile)) {
			try {
				String fromFile = Files.readString(namespaceFile).strip();
				if (!fromFile.isEmpty()) {
					return fromFile;
				}
			}
			catch (IOException ex) {
				throw new IllegalArgumentException("cannot read " + namespaceFile + ": " + ex.getMessage(), ex);
			}
		}
		throw new IllegalArgumentException("no namespace: set " + NAMESPACE + " or run in a pod whose service account "
				+ "token is mounted (" + namespaceFile + ")");
	}

}
