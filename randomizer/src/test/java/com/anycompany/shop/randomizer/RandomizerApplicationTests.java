package com.anycompany.shop.randomizer;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class RandomizerApplicationTests {

	@ParameterizedTest
	@CsvSource({ "PT0.5S, 500ms", "PT45S, 45s", "PT2M, 2m", "PT3M12.345S, 3m12s", "PT1H, 60m" })
	void logsPausesAsPeopleWriteThem(Duration pause, String expected) {
		assertThat(RandomizerApplication.format(pause)).isEqualTo(expected);
	}

}
