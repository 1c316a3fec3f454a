package com.anycompany.shop.schedule;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people type them ({@code 500ms}, {@code 20s}, {@code 2m}, {@code 1h},
 * {@code 1m30s}, ISO-8601 {@code PT2M}, or {@code 0}) and as they read them.
 */
public final class Durations {

	private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h)");

	private static final Pattern WHOLE = Pattern.compile("(\\d+(ms|s|m|h))+");

	private Durations() {
	}

	/**
	 * Reads a duration.
	 * @param text what was typed
	 * @return the duration
	 * @throws IllegalArgumentException with a message for the user when it is none
	 */
	public static Duration parse(String text) {
		String trimmed = text.strip().toLowerCase(Locale.ROOT);
		if (trimmed.equals("0")) {
			return Duration.ZERO;
		}
		if (WHOLE.matcher(trimmed).matches()) {
			Duration total = Duration.ZERO;
			Matcher part = PART.matcher(trimmed);
			while (part.find()) {
				long amount = Long.parseLong(part.group(1));
				total = total.plus(switch (part.group(2)) {
					case "ms" -> Duration.ofMillis(amount);
					case "s" -> Duration.ofSeconds(amount);
					case "m" -> Duration.ofMinutes(amount);
					default -> Duration.ofHours(amount);
				});
			}
			return total;
		}
		try {
			return Duration.parse(trimmed.toUpperCase(Locale.ROOT));
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("'" + text + "' is not a duration: use e.g. 20s, 2m, 1m30s or PT2M", ex);
		}
	}

	/** {@code 850ms}, {@code 12.3s}, {@code 4m05s}. */
	public static String format(Duration duration) {
		long millis = duration.toMillis();
		if (millis < 1000) {
			return millis + "ms";
		}
		if (millis < 60_000) {
			return String.format(Locale.ROOT, "%.1fs", millis / 1000.0);
		}
		long seconds = duration.toSeconds();
		return String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
	}

}
