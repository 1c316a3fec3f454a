package com.anycompany.shop.randomizer;

import java.time.Duration;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ChaosScheduleTests {

	@ParameterizedTest
	@CsvSource({ "500ms, PT0.5S", "90s, PT1M30S", "2m, PT2M", "1h, PT1H", "PT2M, PT2M", "pt5m, PT5M", "' 3m ', PT3M",
			"PT1M30S, PT1M30S" })
	void readsDurationsAsPeopleWriteThem(String text, Duration expected) {
		assertThat(ChaosSchedule.parseDuration(text)).isEqualTo(expected);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "2", "two minutes", "2 m", "-2m", "2d" })
	void rejectsWhatIsNotADuration(String text) {
		assertThatIllegalArgumentException().isThrownBy(() -> ChaosSchedule.parseDuration(text))
			.withMessageContaining("is not a duration");
	}

	@Test
	void defaultIsTheWorkshopsTwoToFiveMinutes() {
		assertThat(ChaosSchedule.DEFAULT).isEqualTo(new ChaosSchedule(Duration.ofMinutes(2), Duration.ofMinutes(5)));
	}

	@Test
	void pausesStayWithinBoundsAndSpreadOverThem() {
		ChaosSchedule schedule = ChaosSchedule.DEFAULT;
		SplittableRandom random = new SplittableRandom(7);
		Duration shortest = Duration.ofDays(1);
		Duration longest = Duration.ZERO;

		for (int i = 0; i < 2000; i++) {
			Duration pause = schedule.nextPause(random);
			assertThat(pause).isBetween(schedule.min(), schedule.max());
			shortest = (pause.compareTo(shortest) < 0) ? pause : shortest;
			longest = (pause.compareTo(longest) > 0) ? pause : longest;
		}

		assertThat(shortest).isLessThan(Duration.ofSeconds(130));
		assertThat(longest).isGreaterThan(Duration.ofSeconds(290));
	}

	@Test
	void aFixedPauseIsAllowed() {
		ChaosSchedule schedule = new ChaosSchedule(Duration.ofSeconds(30), Duration.ofSeconds(30));

		assertThat(schedule.nextPause(new SplittableRandom())).isEqualTo(Duration.ofSeconds(30));
	}

	@Test
	void rejectsBoundsThatMakeNoSense() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ChaosSchedule(Duration.ofMinutes(5), Duration.ofMinutes(2)))
			.withMessageContaining("below the minimum");
		assertThatIllegalArgumentException().isThrownBy(() -> new ChaosSchedule(Duration.ZERO, Duration.ofMinutes(2)))
			.withMessageContaining("must be positive");
	}

}
