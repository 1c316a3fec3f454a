package com.anycompany.shop.randomizer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import com.anycompany.shop.schedule.Pauses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RandomizerSettingsTests {

	@TempDir
	Path dir;

	@Test
	void defaultsToThePodsOwnNamespaceAndTwoToFiveMinutes() throws IOException {
		Path namespaceFile = Files.writeString(this.dir.resolve("namespace"), "microservices-aws");

		RandomizerSettings settings = RandomizerSettings.fromEnvironment(Map.of(), namespaceFile);

		assertThat(settings.namespace()).isEqualTo("microservices-aws");
		assertThat(settings.schedule()).isEqualTo(Pauses.DEFAULT);
	}

	@Test
	void environmentWins() throws IOException {
		Path namespaceFile = Files.writeString(this.dir.resolve("namespace"), "microservices-aws");

		RandomizerSettings settings = RandomizerSettings.fromEnvironment(Map.of("RANDOMIZER_NAMESPACE", "shop-test",
				"RANDOMIZER_MIN_INTERVAL", "30s", "RANDOMIZER_MAX_INTERVAL", "PT1M"), namespaceFile);

		assertThat(settings.namespace()).isEqualTo("shop-test");
		assertThat(settings.schedule()).isEqualTo(new Pauses(Duration.ofSeconds(30), Duration.ofMinutes(1)));
	}

	@Test
	void failsClearlyWithoutANamespace() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> RandomizerSettings.fromEnvironment(Map.of(), this.dir.resolve("missing")))
			.withMessageContaining("RANDOMIZER_NAMESPACE");
	}

	@Test
	void namesTheVariableThatIsWrong() {
		Map<String, String> env = Map.of("RANDOMIZER_NAMESPACE", "x", "RANDOMIZER_MAX_INTERVAL", "soon");

		assertThatIllegalArgumentException().isThrownBy(() -> RandomizerSettings.fromEnvironment(env, this.dir))
			.withMessageStartingWith("RANDOMIZER_MAX_INTERVAL: 'soon' is not a duration");
	}

	@Test
	void rejectsAMinimumAboveTheDefaultMaximum() {
		Map<String, String> env = Map.of("RANDOMIZER_NAMESPACE", "x", "RANDOMIZER_MIN_INTERVAL", "10m");

		assertThatIllegalArgumentException().isThrownBy(() -> RandomizerSettings.fromEnvironment(env, this.dir))
			.withMessageContaining("is shorter than the shortest");
	}

}
