package com.anycompany.shop.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code deploy/kustomization.yaml}: everything but the chaos, with the registry and tag
 * set in one place. Rendered with the local {@code kubectl kustomize} where it is
 * installed (no cluster is contacted: kustomize only reads files).
 */
class KustomizationTests {

	private static final YAMLMapper yaml = YAMLMapper.builder().build();

	private final JsonNode kustomization = yaml
		.readTree(Repository.read(Repository.DEPLOY.resolve("kustomization.yaml")));

	@TempDir
	Path temp;

	@Test
	void itAppliesEveryManifestButTheChaos() {
		Set<String> resources = new TreeSet<>();
		this.kustomization.get("resources").forEach((resource) -> resources.add(resource.asString()));
		Set<String> manifests = Manifests.byFile()
			.keySet()
			.stream()
			.map((file) -> Repository.DEPLOY.relativize(Repository.ROOT.resolve(file)).toString())
			.filter((file) -> !file.startsWith("eks/"))
			.collect(Collectors.toCollection(TreeSet::new));

		assertThat(resources).isEqualTo(manifests);
	}

	@Test
	void itSetsRegistryAndTagOfEveryImageDockerBuilds() {
		Set<String> names = new TreeSet<>();
		this.kustomization.get("images").forEach((image) -> {
			String name = image.get("name").asString();
			names.add(name);
			assertThat(image.get("newName").asString()).as("newName of %s", name)
				.endsWith(name.substring(name.indexOf('/')));
			assertThat(image.get("newTag").asString()).isEqualTo(DockerBuild.defaultTag());
		});
		Set<String> deployed = DockerBuild.modules()
			.stream()
			.filter((module) -> !module.equals("xray-local"))
			.map((module) -> DockerBuild.defaultRegistry() + "/" + module)
			.collect(Collectors.toCollection(TreeSet::new));

		assertThat(names).isEqualTo(deployed);
	}

	@Test
	void kubectlRendersItWithYourRegistry() throws Exception {
		Optional<Path> kubectl = Processes.onPath("kubectl");
		assumeTrue(kubectl.isPresent(), "kubectl is not installed: `kubectl kustomize deploy` not tried");
		Path copy = copyOfDeploy();
		String mine = Repository.read(copy.resolve("kustomization.yaml"))
			.replace("newName: " + DockerBuild.defaultRegistry() + "/", "newName: registry.example.com/shop/")
			.replace("newTag: \"" + DockerBuild.defaultTag() + "\"", "newTag: \"2.0.0\"");
		Files.writeString(copy.resolve("kustomization.yaml"), mine);

		List<HasMetadata> rendered = Manifests.parse(kustomize(kubectl.get(), copy), "kubectl kustomize");

		assertThat(rendered)
			.hasSize(Manifests.all().size() - Manifests.byFile().get(Path.of("deploy/eks/randomizer.yaml")).size());
		assertThat(rendered.get(0).getKind()).as("kustomize creates the namespace first").isEqualTo("Namespace");
		for (String image : images(rendered)) {
			if (image.startsWith("amazon/")) {
				continue;
			}
			assertThat(image).matches("registry\\.example\\.com/shop/[a-z-]+:2\\.0\\.0");
		}
		assertThat(images(rendered)).hasSize(8);
	}

	@Test
	void kubectlRendersItAsCommitted() throws Exception {
		Optional<Path> kubectl = Processes.onPath("kubectl");
		assumeTrue(kubectl.isPresent(), "kubectl is not installed: `kubectl kustomize deploy` not tried");

		List<HasMetadata> rendered = Manifests.parse(kustomize(kubectl.get(), Repository.DEPLOY), "kubectl kustomize");

		assertThat(images(rendered)).contains(DockerBuild.image("frontend"));
	}

	private String kustomize(Path kubectl, Path directory) throws Exception {
		// an empty kubeconfig: kustomize needs none, and nothing may reach for a cluster
		Path kubeconfig = Files.writeString(this.temp.resolve("kubeconfig"), "");
		Processes.Result result = Processes.run(List.of(kubectl.toString(), "kustomize", directory.toString()),
				this.temp, Map.of("KUBECONFIG", kubeconfig.toString()), 120);
		assertThat(result.exitCode()).as("kubectl kustomize: %s", result.stderr()).isZero();
		return result.stdout();
	}

	private Path copyOfDeploy() throws IOException {
		Path copy = Files.createDirectories(this.temp.resolve("deploy"));
		Files.copy(Repository.DEPLOY.resolve("kustomization.yaml"), copy.resolve("kustomization.yaml"));
		for (String folder : Manifests.FOLDERS) {
			Path target = Files.createDirectories(copy.resolve(folder));
			try (var files = Files.list(Repository.DEPLOY.resolve(folder))) {
				for (Path file : files.toList()) {
					Files.copy(file, target.resolve(file.getFileName()));
				}
			}
		}
		return copy;
	}

	private static List<String> images(List<HasMetadata> objects) {
		List<String> images = new ArrayList<>();
		for (HasMetadata object : objects) {
			PodTemplateSpec template = null;
			if (object instanceof Deployment deployment) {
				template = deployment.getSpec().getTemplate();
			}
			else if (object instanceof DaemonSet daemonSet) {
				template = daemonSet.getSpec().getTemplate();
			}
			if (template != null) {
				template.getSpec().getContainers().stream().map(Container::getImage).forEach(images::add);
			}
		}
		return images;
	}

}
