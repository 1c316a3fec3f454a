package com.anycompany.shop.randomizer;

import java.time.Duration;
import java.util.random.RandomGenerator;

import com.anycompany.shop.schedule.Durations;
import com.anycompany.shop.schedule.Pauses;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The randomizer as it runs in the cluster: forever, a random pause, then one round.
 * <p>
 * Environment: {@code RANDOMIZER_MIN_INTERVAL} and {@code RANDOMIZER_MAX_INTERVAL}
 * (default 2m and 5m; {@code 90s}, {@code 2m} or ISO-8601 {@code PT2M}),
 * {@code RANDOMIZER_NAMESPACE} (default: the pod's own namespace).
 */
public final class RandomizerApplication {

	private static final Logger logger = LoggerFactory.getLogger(RandomizerApplication.class);

	private RandomizerApplication() {
	}

	public static void main(String[] args) {
		RandomizerSettings settings;
		try {
			settings = RandomizerSettings.fromEnvironment(System.getenv(),
					RandomizerSettings.SERVICE_ACCOUNT_NAMESPACE);
		}
		catch (IllegalArgumentException ex) {
			logger.error("Cannot start: {}", ex.getMessage());
			System.exit(2);
			return;
		}
		RandomGenerator random = RandomGenerator.getDefault();
		try (KubernetesClient client = new KubernetesClientBuilder().build()) {
			PodRandomizer randomizer = new PodRandomizer(client, settings.namespace(), new VictimPicker(random));
			logger.info("Randomizer started: every {}, it deletes one running pod labelled {}={} in namespace {}",
					settings.schedule().describe(), PodRandomizer.LABEL, PodRandomizer.LABEL_VALUE,
					settings.namespace());
			loop(randomizer, settings.schedule(), random);
		}
	}

	private static void loop(PodRandomizer randomizer, Pauses schedule, RandomGenerator random) {
		while (!Thread.currentThread().isInterrupted()) {
			Duration pause = schedule.next(random);
			logger.info("Next round in {}", Durations.format(pause));
			try {
				Thread.sleep(pause.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			try {
				randomizer.runRound();
			}
			catch (KubernetesClientException ex) {
				// e.g. a missing RoleBinding (HTTP 403): say so and try again next round
				logger.warn("Round failed (HTTP {}): {}", ex.getCode(), ex.getMessage());
			}
		}
	}

}
