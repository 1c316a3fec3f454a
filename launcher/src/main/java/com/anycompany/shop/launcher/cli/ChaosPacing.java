package com.anycompany.shop.launcher.cli;

import java.time.Duration;

import com.anycompany.shop.launcher.stack.ChaosMonkey;

import com.anycompany.shop.schedule.Pauses;
import picocli.CommandLine.Option;

/**
 * How often chaos strikes: options shared by {@code ./shop chaos} and
 * {@code ./shop up --chaos} (which reads them with the {@code --chaos-} prefix).
 */
public final class ChaosPacing {

	@Option(names = { "--interval", "--chaos-interval" }, paramLabel = "D",
			description = "A fixed pause between kills, e.g. 20s.")
	Duration interval;

	@Option(names = { "--min", "--chaos-min" }, paramLabel = "D",
			description = "The shortest pause between kills. Default: 2m")
	Duration min;

	@Option(names = { "--max", "--chaos-max" }, paramLabel = "D",
			description = "The longest pause between kills. Default: 5m")
	Duration max;

	/** The pauses asked for, or a message for the user. */
	Pauses pauses() {
		return ChaosMonkey.pauses(this.interval, this.min, this.max);
	}

}
