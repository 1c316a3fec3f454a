package com.anycompany.shop.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.fabric8.kubernetes.api.model.HasMetadata;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kustomizations: {@code deploy/base} is the shop, {@code deploy/} (EKS) and every
 * overlay build on it. Rendered with the local {@code kubectl kustomize} (no cluster is
 * contacted: kustomize only reads files).
 */
class KustomizationTests {

	private static final YAMLMapper yaml = YAMLMapper.builder().build();

	@Test
	void theBaseAppliesEveryFileOfItsFolder() {
		Set<String> manifests = Manifests.byFile()
			.keySet()
			.stream()
			.filter((file) -> file.startsWith(Path.of("deploy", "base")))
			.map((file) -> file.getFileName().toString())
			.collect(Collectors.toCollection(TreeSet::new));

		assertThat(resources(Repository.DEPLOY.resolve("base"))).containsExactlyInAnyOrderElementsOf(manifests);
	}

	@Test
	void eksIsTheBaseAsItIs() {
		assertThat(resources(Repository.DEPLOY)).containsExactly("base");
		List<HasMetadata> rendered = Variants.named("eks").objects();
		long base = Manifests.byFile()
			.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().startsWith(Path.of("deploy", "base")))
			.mapToLong((entry) -> entry.getValue().size())
			.sum();
		long plain = Manifests.byFile()
			.entrySet()
			.stream()
			.filter((entry) -> !entry.getKey().startsWith(Path.of("deploy", "base")))
			.mapToLong((entry) -> entry.getValue().size())
			.sum();

		assertThat(rendered).hasSize((int) (base + plain));
		assertThat(rendered.get(0).getKind()).as("kustomize creates the namespace first").isEqualTo("Namespace");
	}

	@Test
	void everyOverlayBuildsOnTheBase() {
		assertThat(Variants.overlays()).isNotEmpty().allSatisfy((overlay) -> {
			// kustomize refuses a base that contains the overlay (deploy/ itself)
			assertThat(resources(overlay)).as("resources of %s", overlay)
				.contains("../../base")
				.doesNotContain("../..");
		});
	}

	private static List<String> resources(Path directory) {
		JsonNode kustomization = yaml.readTree(Repository.read(directory.resolve("kustomization.yaml")));
		List<String> resources = new ArrayList<>();
		kustomization.get("resources").forEach((resource) -> resources.add(resource.asString()));
		return resources;
	}

}
