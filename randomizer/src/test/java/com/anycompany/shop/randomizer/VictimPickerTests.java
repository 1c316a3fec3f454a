package com.anycompany.shop.randomizer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import com.anycompany.shop.randomizer.VictimPicker.Candidate;
import com.anycompany.shop.randomizer.VictimPicker.Choice;
import com.anycompany.shop.randomizer.VictimPicker.Skip;
import com.anycompany.shop.randomizer.VictimPicker.Victim;

import static org.assertj.core.api.Assertions.assertThat;

class VictimPickerTests {

	private final VictimPicker picker = new VictimPicker(new SplittableRandom(42));

	@Test
	void skipsWhenThereIsNoCandidate() {
		Choice choice = this.picker.choose(List.of());

		assertThat(choice).isEqualTo(new Skip("no candidates"));
	}

	@Test
	void skipsWhenNoCandidateIsEligibleAndSaysWhatStatesItSaw() {
		Choice choice = this.picker.choose(List.of(new Candidate("a", "Pending", false),
				new Candidate("b", "Terminating", false), new Candidate("c", "Pending", false)));

		assertThat(choice).isInstanceOf(Skip.class);
		assertThat(((Skip) choice).reason())
			.isEqualTo("none of the 3 candidates may be killed now (2 Pending, 1 Terminating)");
	}

	@Test
	void choosesOnlyEligibleCandidates() {
		List<Candidate> candidates = List.of(new Candidate("pending", "Pending", false),
				new Candidate("running", "Running", true), new Candidate("leaving", "Terminating", false));

		for (int i = 0; i < 50; i++) {
			Choice choice = this.picker.choose(candidates);
			assertThat(choice).isEqualTo(new Victim(new Candidate("running", "Running", true), 1));
		}
	}

	@Test
	void choosesEveryEligibleCandidateAboutEquallyOften() {
		List<Candidate> candidates = List.of(new Candidate("a", "Running", true), new Candidate("b", "Running", true),
				new Candidate("c", "Running", true), new Candidate("d", "Pending", false));
		Map<String, Integer> counts = new HashMap<>();

		for (int i = 0; i < 3000; i++) {
			Victim victim = (Victim) this.picker.choose(candidates);
			assertThat(victim.outOf()).isEqualTo(3);
			counts.merge(victim.candidate().name(), 1, Integer::sum);
		}

		assertThat(counts).containsOnlyKeys("a", "b", "c");
		assertThat(counts.values()).allSatisfy((count) -> assertThat(count).isBetween(900, 1100));
	}

}
