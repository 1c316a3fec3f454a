package com.anycompany.shop.loadgen;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How a run behaves.
 *
 * @param target the storefront's base URL
 * @param users how many shoppers, each with its own session
 * @param duration how long to run; zero for until stopped
 * @param rate requests per second over all shoppers at most; zero for no limit beyond
 * think time
 * @param thinkTime a shopper's average pause between two actions (each pause is drawn
 * between half and one and a half of it)
 * @param iterations actions per shopper at most; zero for no limit
 * @param progressInterval how often a progress line is printed; zero for never
 * @param requestTimeout how long one request may take
 * @param waitForTarget how long to wait for the storefront to answer at the start
 * @param seed seed of the shoppers' choices, for reproducible runs; null for random
 */
record LoadSettings(URI target, int users, Duration duration, double rate, Duration thinkTime, long iterations,
		Duration progressInterval, Duration requestTimeout, Duration waitForTarget, Long seed) {

	LoadSettings {
		Objects.requireNonNull(target, "target");
		if (!"http".equals(target.getScheme()) && !"https".equals(target.getScheme())) {
			throw new IllegalArgumentException("the target must be an http(s) URL, was " + target);
		}
		if (users < 1) {
			throw new IllegalArgumentException("users must be at least 1, was " + users);
		}
		if (rate < 0) {
			throw new IllegalArgumentException("rate must not be negative, was " + rate);
		}
		if (iterations < 0) {
			throw new IllegalArgumentException("iterations must not be negative, was " + iterations);
		}
		requirePositiveOrZero("duration", duration);
		requirePositiveOrZero("think time", thinkTime);
		requirePositiveOrZero("progress interval", progressInterval);
		requirePositiveOrZero("wait for target", waitForTarget);
		if (requestTimeout.isNegative() || requestTimeout.isZero()) {
			throw new IllegalArgumentException("the request timeout must be positive, was " + requestTimeout);
		}
		String text = target.toString();
		if (text.endsWith("/")) {
			target = URI.create(text.substring(0, text.length() - 1));
		}
	}

	private static void requirePositiveOrZero(String name, Duration value) {
		Objects.requireNonNull(value, name);
		if (value.isNegative()) {
			throw new IllegalArgumentException(name + " must not be negative, was " + value);
		}
	}

	URI resolve(String path) {
		return URI.create(this.target + path);
	}

}
