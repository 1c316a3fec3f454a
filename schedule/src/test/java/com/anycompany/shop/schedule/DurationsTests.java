package com.anycompany.shop.schedule;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DurationsTests {

	@ParameterizedTest
	@CsvSource({ "500ms, PT0.5S", "90s, PT1M30S", "2m, PT2M", "1h, PT1H", "1m30s, PT1M30S", "1h30m, PT1H30M",
			"PT2M, PT2M", "pt5m, PT5M", "' 3m ', PT3M", "PT1M30S, PT1M30S", "0, PT0S" })
	void readsDurationsAsPeopleWriteThem(String text, Duration expected) {
		assertThat(Durations.parse(text)).isEqualTo(expected);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "2", "two minutes", "2 m", "-2m", "2d", "m" })
	void rejectsWhatIsNotADuration(String text) {
		assertThatIllegalArgumentException().isThrownBy(() -> Durations.parse(text))
			.withMessageContaining("is not a duration");
	}

	@Test
	void formatsForReading() {
		assertThat(Durations.format(Duration.ofMillis(850))).isEqualTo("850ms");
		assertThat(Durations.format(Duration.ofMillis(12_345))).isEqualTo("12.3s");
		assertThat(Durations.format(Duration.ofSeconds(245))).isEqualTo("4m05s");
	}

}
