package com.anycompany.shop.schedule;

import java.time.Duration;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PausesTests {

	@Test
	void theDefaultIsTheWorkshopsTwoToFiveMinutes() {
		assertThat(Pauses.of(null, null, null)).isEqualTo(Pauses.DEFAULT)
			.isEqualTo(new Pauses(Duration.ofMinutes(2), Duration.ofMinutes(5)));
		assertThat(Pauses.DEFAULT.describe()).isEqualTo("2m00s to 5m00s");
	}

	@Test
	void pausesStayWithinBoundsAndSpreadOverThem() {
		SplittableRandom random = new SplittableRandom(7);
		Duration shortest = Duration.ofDays(1);
		Duration longest = Duration.ZERO;

		for (int i = 0; i < 2000; i++) {
			Duration pause = Pauses.DEFAULT.next(random);
			assertThat(pause).isBetween(Duration.ofMinutes(2), Duration.ofMinutes(5));
			shortest = (pause.compareTo(shortest) < 0) ? pause : shortest;
			longest = (pause.compareTo(longest) > 0) ? pause : longest;
		}

		assertThat(shortest).isLessThan(Duration.ofSeconds(130));
		assertThat(longest).isGreaterThan(Duration.ofSeconds(290));
	}

	@Test
	void anIntervalFixesThePause() {
		Pauses pauses = Pauses.of(Duration.ofSeconds(20), Duration.ofMinutes(1), null);

		assertThat(pauses.next(new SplittableRandom())).isEqualTo(Duration.ofSeconds(20));
		assertThat(pauses.describe()).isEqualTo("20.0s");
	}

	@Test
	void aLoneBoundBeyondTheOtherDefaultMovesIt() {
		assertThat(Pauses.of(null, Duration.ofMinutes(10), null)).isEqualTo(Pauses.every(Duration.ofMinutes(10)));
		assertThat(Pauses.of(null, null, Duration.ofSeconds(30))).isEqualTo(Pauses.every(Duration.ofSeconds(30)));
		assertThat(Pauses.of(null, Duration.ofMinutes(3), null))
			.isEqualTo(new Pauses(Duration.ofMinutes(3), Duration.ofMinutes(5)));
	}

	@Test
	void rejectsBoundsThatMakeNoSense() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Pauses.of(null, Duration.ofMinutes(3), Duration.ofMinutes(1)))
			.withMessage("The longest pause (1m00s) is shorter than the shortest (3m00s)");
		assertThatIllegalArgumentException().isThrownBy(() -> new Pauses(Duration.ZERO, Duration.ofMinutes(2)))
			.withMessageContaining("must be positive");
	}

}
