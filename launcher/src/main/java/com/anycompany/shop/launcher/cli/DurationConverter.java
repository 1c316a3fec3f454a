package com.anycompany.shop.launcher.cli;

import java.time.Duration;

import com.anycompany.shop.schedule.Durations;
import picocli.CommandLine;

/** Durations on the command line as people type them ({@link Durations#parse}). */
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
