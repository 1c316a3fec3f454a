package com.anycompany.shop.randomizer;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long to wait before each chaos round: a random pause between a minimum and a
 * maximum, both inclusive (the workshop's "every 2 - 5 minutes").
 *
 * @param min the shortest pause
 * @param max the longest pause
 */
public record ChaosSchedule(Duration min, Duration max) {

	/** The workshop's rhythm: a victim every 2 to 5 minutes. */
	public static final ChaosSchedule DEFAULT = new ChaosSchedule(Duration.ofMinutes(2), Duration.ofMinutes(5));

	private static final Pattern SIMPLE = Pattern.compile("(\\d+)(ms|s|m|h)");

	public ChaosSchedule {
		Objects.requireNonNull(min, "min");
		Objects.requireNonNull(max, "max");
		if (min.isNegative() || min.isZero()) {
			throw new IllegalArgumentException("the minimum pause must be positive, was " + min);
		}
		if (max.compareTo(min) < 0) {
			throw new IllegalArgumentException("the maximum pause (" + max + ") is below the minimum (" + min + ")");
		}
	}

	/**
	 * Draws the next pause.
	 * @param random the source of randomness
	 * @return a pause in {@code [min, max]}, at millisecond resolution
	 */
	public Duration nextPause(RandomGenerator random) {
		long spread = this.max.toMillis() - this.min.toMillis();
		return this.min.plusMillis((spread > 0) ? random.nextLong(spread + 1) : 0);
	}

	/**
	 * Reads a duration as people write it in an environment variable: ISO-8601
	 * ({@code PT2M}) or a number with a unit ({@code 500ms}, {@code 90s}, {@code 2m},
	 * {@code 1h}).
	 * @param text the text to read
	 * @return the duration
	 * @throws IllegalArgumentException if the text is neither
	 */
	public static Duration parseDuration(String text) {
		String trimmed = text.strip().toLowerCase(Locale.ROOT);
		Matcher simple = SIMPLE.matcher(trimmed);
		if (simple.matches()) {
			long amount = Long.parseLong(simple.group(1));
			return switch (simple.group(2)) {
				case "ms" -> Duration.ofMillis(amount);
				case "s" -> Duration.ofSeconds(amount);
				case "m" -> Duration.ofMinutes(amount);
				default -> Duration.ofHours(amount);
			};
		}
		try {
			return Duration.parse(trimmed.toUpperCase(Locale.ROOT));
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException(
					"'" + text + "' is not a duration: use e.g. 90s, 2m, 1h or ISO-8601 like PT2M", ex);
		}
	}

}
