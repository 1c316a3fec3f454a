package com.anycompany.shop.randomizer;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

/**
 * Chooses the victim of one chaos round: uniformly at random among the candidates that
 * may be killed, or no one, with the reason why.
 * <p>
 * Knows nothing about Kubernetes, so that a local supervisor can use it with process
 * names: a candidate is just a name, a state to report and whether it may be killed.
 */
public final class VictimPicker {

	private final RandomGenerator random;

	public VictimPicker(RandomGenerator random) {
		this.random = Objects.requireNonNull(random, "random");
	}

	/**
	 * Chooses one eligible candidate, or explains why there is none.
	 * @param candidates everything that could be a victim, eligible or not
	 * @return a {@link Victim} or a {@link Skip}
	 */
	public Choice choose(Collection<Candidate> candidates) {
		if (candidates.isEmpty()) {
			return new Skip("no candidates");
		}
		List<Candidate> eligible = candidates.stream().filter(Candidate::eligible).toList();
		if (eligible.isEmpty()) {
			return new Skip("none of the " + candidates.size() + " candidates may be killed now ("
					+ describeStates(candidates) + ")");
		}
		return new Victim(eligible.get(this.random.nextInt(eligible.size())), eligible.size());
	}

	private static String describeStates(Collection<Candidate> candidates) {
		Map<String, Long> byState = candidates.stream()
			.collect(Collectors.groupingBy(Candidate::state, TreeMap::new, Collectors.counting()));
		return byState.entrySet()
			.stream()
			.map((entry) -> entry.getValue() + " " + entry.getKey())
			.collect(Collectors.joining(", "));
	}

	/**
	 * Something that could be killed.
	 *
	 * @param name what to report and what to kill (a pod or process name)
	 * @param state its state, as the owner reports it (e.g. {@code Running},
	 * {@code Pending})
	 * @param eligible whether it may be killed in this round
	 */
	public record Candidate(String name, String state, boolean eligible) {

		public Candidate {
			Objects.requireNonNull(name, "name");
			Objects.requireNonNull(state, "state");
		}

	}

	/**
	 * The outcome of {@link #choose(Collection)}.
	 */
	public sealed interface Choice permits Victim, Skip {

	}

	/**
	 * The candidate to kill.
	 *
	 * @param candidate the chosen one
	 * @param outOf how many eligible candidates it was chosen from
	 */
	public record Victim(Candidate candidate, int outOf) implements Choice {

	}

	/**
	 * Nobody is killed this round.
	 *
	 * @param reason why, for the log
	 */
	public record Skip(String reason) implements Choice {

	}

}
