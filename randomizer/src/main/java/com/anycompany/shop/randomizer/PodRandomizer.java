package com.anycompany.shop.randomizer;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.StatusDetails;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.anycompany.shop.randomizer.VictimPicker.Candidate;
import com.anycompany.shop.randomizer.VictimPicker.Choice;
import com.anycompany.shop.randomizer.VictimPicker.Skip;
import com.anycompany.shop.randomizer.VictimPicker.Victim;

/**
 * One chaos round in Kubernetes: lists the storefront pods of one namespace and deletes
 * one running pod chosen at random. It lists and deletes pods, nothing else, which is all
 * its Role allows ({@code deploy/eks/randomizer.yaml}).
 */
final class PodRandomizer {

	static final String LABEL = "product";

	static final String LABEL_VALUE = "storefront";

	private static final Logger logger = LoggerFactory.getLogger(PodRandomizer.class);

	private final KubernetesClient client;

	private final String namespace;

	private final VictimPicker picker;

	PodRandomizer(KubernetesClient client, String namespace, VictimPicker picker) {
		this.client = Objects.requireNonNull(client, "client");
		this.namespace = Objects.requireNonNull(namespace, "namespace");
		this.picker = Objects.requireNonNull(picker, "picker");
	}

	/**
	 * Runs one round.
	 * @return whom it killed, or why it killed no one
	 */
	Choice runRound() {
		List<Pod> pods = this.client.pods()
			.inNamespace(this.namespace)
			.withLabel(LABEL, LABEL_VALUE)
			.list()
			.getItems()
			.stream()
			// the API server already filtered; checking again costs nothing and keeps
			// a wrong answer from widening what may be killed
			.filter(this::isStorefrontPodHere)
			.toList();
		Map<String, Pod> byName = pods.stream()
			.collect(Collectors.toMap((pod) -> pod.getMetadata().getName(), Function.identity()));
		Choice choice = this.picker.choose(pods.stream().map(PodRandomizer::toCandidate).toList());
		if (choice instanceof Victim victim) {
			kill(byName.get(victim.candidate().name()), victim.outOf());
		}
		else if (choice instanceof Skip skip) {
			logger.info("Skipping this round, no pod labelled {}={} in namespace {} to kill: {}", LABEL, LABEL_VALUE,
					this.namespace, skip.reason());
		}
		return choice;
	}

	private void kill(Pod pod, int outOf) {
		String name = pod.getMetadata().getName();
		String app = pod.getMetadata().getLabels().getOrDefault("app", "?");
		List<StatusDetails> deleted = this.client.pods().inNamespace(this.namespace).withName(name).delete();
		if (deleted.isEmpty()) {
			logger.info("Wanted to kill pod {} (app={}), but it was already gone", name, app);
		}
		else {
			logger.info("Killed pod {} (app={}), chosen at random from {} running pods labelled {}={} in namespace {}",
					name, app, outOf, LABEL, LABEL_VALUE, this.namespace);
		}
	}

	private boolean isStorefrontPodHere(Pod pod) {
		return this.namespace.equals(pod.getMetadata().getNamespace())
				&& LABEL_VALUE.equals(pod.getMetadata().getLabels().get(LABEL));
	}

	private static Candidate toCandidate(Pod pod) {
		String name = pod.getMetadata().getName();
		if (pod.getMetadata().getDeletionTimestamp() != null) {
			return new Candidate(name, "Terminating", false);
		}
		String phase = (pod.getStatus() != null && pod.getStatus().getPhase() != null) ? pod.getStatus().getPhase()
				: "Unknown";
		return new Candidate(name, phase, "Running".equals(phase));
	}

}
