package com.anycompany.shop.schedule;

import java.time.Duration;

import picocli.CommandLine;

/**
 * Durations on a picocli command line as people type them ({@link Durations#parse}), for
 * the programs that have one (picocli is an optional dependency of this module).
 */
public final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

	@Override
	public Duration convert(String value) {
		try {
			return Durations.parse(value);
		}
		catch (IllegalArgumentException ex) {
			throw new CommandLine.TypeConversionException(ex.getMessage());
		}
	}

}
