package com.anycompany.shop.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code docker/build.sh}, run for real on a copy of the repository's files with a
 * stand-in for {@code docker} that records how it is called: the images it asks buildx
 * for, and the manifests it rewrites, which are then rendered and read again.
 */
class BuildScriptTests {

	@TempDir
	Path temp;

	private Path root;

	private Path calls;

	@BeforeEach
	void copyTheRepository() throws Exception {
		this.root = Files.createDirectories(this.temp.resolve("repository"));
		assumeTrue(Processes.onPath("bash").isPresent() && Processes.onPath("git").isPresent(), "bash and git");
		copy(Repository.DOCKER, this.root.resolve("docker"));
		copy(Repository.DEPLOY, this.root.resolve("deploy"));
		Files.createDirectories(this.root.resolve("catalogservice/src"));
		Files.writeString(this.root.resolve("catalogservice/src/App.java"), "class App {}\n");
		// outside the copy, so that git sees no change the script did not make
		this.calls = this.temp.resolve("docker-calls");
		Path docker = this.temp.resolve("fake-docker");
		Files.writeString(docker, "#!/bin/sh\necho \"$*\" >> '" + this.calls + "'\n");
		docker.toFile().setExecutable(true);
		git("init", "-q");
		git("add", "-A");
		git("-c", "user.name=test", "-c", "user.email=test@example.com", "commit", "-q", "-m", "test");
	}

	@Test
	void withARegistryItBuildsEveryImageForAmd64PushesAndPointsEveryManifestAtIt() throws Exception {
		Processes.Result result = build(Map.of(), "registry.example.com/shop", "2.0.0");

		assertThat(result.exitCode()).as(result.stderr()).isZero();
		List<String> calls = Files.readAllLines(this.calls);
		assertThat(calls).hasSize(DockerBuild.images().size());
		for (String module : DockerBuild.modules()) {
			assertThat(calls).contains("buildx build --file docker/Dockerfile --build-arg MODULE=" + module
					+ " --platform linux/amd64 --tag registry.example.com/shop/" + module + ":2.0.0 --push .");
		}
		assertThat(calls).contains("buildx build --file docker/dynalite.Dockerfile --platform linux/amd64"
				+ " --tag registry.example.com/shop/dynalite:2.0.0 --push local-dynamodb");

		// the workshop's plain files and every variant now name what was pushed
		List<String> images = new ArrayList<>();
		for (Path file : yamlFiles(this.root.resolve("deploy"))) {
			images.addAll(images(Manifests.parse(Files.readString(file), file.toString())));
		}
		images.addAll(images(Manifests.parse(Variants.kustomize(this.root.resolve("deploy")), "eks")));
		images.addAll(images(Manifests.parse(Variants.kustomize(this.root.resolve("deploy/overlays/local")), "local")));
		// the X-Ray daemon (ECR Public) and the OpenTelemetry collector (GitHub's
		// registry)
		// are published by others
		assertThat(images).filteredOn((image) -> !image.startsWith("public.ecr.aws/") && !image.startsWith("ghcr.io/"))
			.isNotEmpty()
			.allMatch((image) -> image.matches("registry\\.example\\.com/shop/[a-z-]+:2\\.0\\.0"), "pushed image");
		assertThat(images).contains("registry.example.com/shop/randomizer:2.0.0",
				"registry.example.com/shop/xray-local:2.0.0", "registry.example.com/shop/dynalite:2.0.0");
	}

	@Test
	void withoutARegistryItBuildsForThisMachineAndTagsWithTheCommit() throws Exception {
		String commit = git("rev-parse", "--short=12", "HEAD").strip();

		Processes.Result result = build(Map.of());

		assertThat(result.exitCode()).as(result.stderr()).isZero();
		assertThat(Files.readAllLines(this.calls)).allSatisfy((call) -> {
			assertThat(call).doesNotContain("--platform").doesNotContain("--push").contains(" --load ");
			assertThat(call).containsPattern("--tag anycompany-shop/[a-z-]+:" + commit + " ");
		});
		assertThat(Files.readString(this.root.resolve("deploy/eks/randomizer.yaml")))
			.contains("image: anycompany-shop/randomizer:" + commit + "\n");
	}

	/**
	 * A local load carries no attestations (with the containerd image store,
	 * {@code kind load docker-image} fails on them), and the printed {@code kind load}
	 * names the cluster deploy/README.md creates, with every image just built.
	 */
	@Test
	void aLocalBuildLoadsWithoutAttestationsAndPrintsAKindLoadForTheReadmesCluster() throws Exception {
		String commit = git("rev-parse", "--short=12", "HEAD").strip();

		Processes.Result result = build(Map.of());

		assertThat(result.exitCode()).as(result.stderr()).isZero();
		assertThat(Files.readAllLines(this.calls)).hasSize(DockerBuild.images().size())
			.allSatisfy((call) -> assertThat(call.split(" ")).contains("--load", "--provenance=false", "--sbom=false"));
		Matcher created = Pattern.compile("kind create cluster --name (\\S+)").matcher(DeployReadme.text());
		assertThat(created.find()).as("deploy/README.md creates a kind cluster").isTrue();
		Matcher load = Pattern.compile("(?m)^\\s*kind load docker-image --name (\\S+)((?: \\S+)+)$")
			.matcher(result.stdout());
		assertThat(load.find()).as("printed: %s", result.stdout()).isTrue();
		assertThat(load.group(1)).isEqualTo(created.group(1));
		assertThat(load.group(2).strip().split(" ")).containsExactlyInAnyOrderElementsOf(
				DockerBuild.images().stream().map((image) -> "anycompany-shop/" + image + ":" + commit).toList());
	}

	@Test
	void withARegistryTheAttestationsArePushed() throws Exception {
		build(Map.of("IMAGES", "frontend"), "registry.example.com/shop", "2.0.0");

		assertThat(Files.readAllLines(this.calls)).singleElement()
			.asString()
			.doesNotContain("--provenance")
			.doesNotContain("--sbom");
	}

	/**
	 * Until built, the manifests name the images under a host that can never resolve
	 * (".invalid" is reserved, RFC 2606), not a Docker Hub name anyone could register;
	 * build.sh finds and rewrites exactly those.
	 */
	@Test
	void theCommittedManifestsNameAHostThatNeverResolvesUntilBuilt() throws Exception {
		assertThat(DockerBuild.IMAGE_PREFIX).isEqualTo(DockerBuild.placeholderRegistry() + "/");
		assertThat(DockerBuild.placeholderRegistry().split("/")[0]).endsWith(".invalid");
		List<String> images = new ArrayList<>();
		for (Path file : yamlFiles(Repository.DEPLOY)) {
			if (!file.startsWith(Repository.DEPLOY.resolve("src"))) {
				images.addAll(images(Manifests.parse(Files.readString(file), file.toString())));
			}
		}
		List<String> ours = images.stream()
			.filter((image) -> DockerBuild.images().contains(image.replaceAll("^.*/([a-z-]+):[^/]+$", "$1")))
			.toList();
		assertThat(ours).as("images of docker/build.sh in the committed manifests")
			.hasSizeGreaterThanOrEqualTo(DockerBuild.images().size())
			.allSatisfy((image) -> assertThat(image).startsWith(DockerBuild.IMAGE_PREFIX)
				.endsWith(":" + DockerBuild.unbuiltTag()));
	}

	@Test
	void aBuildOfChangedSourcesGetsATagOfItsOwnButRewrittenManifestsDoNotCount() throws Exception {
		String commit = git("rev-parse", "--short=12", "HEAD").strip();
		build(Map.of("IMAGES", "frontend"));
		assertThat(Files.readAllLines(this.calls)).singleElement().asString().contains(":" + commit + " ");

		// build.sh has just rewritten deploy/: still the commit's tag
		Files.delete(this.calls);
		build(Map.of("IMAGES", "frontend"));
		assertThat(Files.readAllLines(this.calls)).singleElement().asString().contains(":" + commit + " ");

		Files.writeString(this.root.resolve("catalogservice/src/App.java"), "class App { int changed; }\n");
		Files.delete(this.calls);
		build(Map.of("IMAGES", "frontend"));
		assertThat(Files.readAllLines(this.calls)).singleElement()
			.asString()
			.containsPattern(":" + commit + "-dirty-\\d{14} ");
	}

	@Test
	void thePlatformCanBeChosenButSeveralOnlyForARegistry() throws Exception {
		Processes.Result arm = build(Map.of("PLATFORM", "linux/arm64", "IMAGES", "frontend"),
				"registry.example.com/shop", "2.0.0");
		assertThat(arm.exitCode()).as(arm.stderr()).isZero();
		assertThat(Files.readAllLines(this.calls)).singleElement().asString().contains("--platform linux/arm64 ");

		Processes.Result both = build(Map.of("PLATFORM", "linux/amd64,linux/arm64", "IMAGES", "frontend"));
		assertThat(both.exitCode()).isEqualTo(2);
		assertThat(both.stderr()).contains("needs a registry");
	}

	@Test
	void onlyTheImagesBuiltAreRewrittenAndAnUnknownOneIsRefused() throws Exception {
		build(Map.of("IMAGES", "loadgen"), "registry.example.com/shop", "2.0.0");

		assertThat(Files.readString(this.root.resolve("deploy/base/loadgen.yaml")))
			.contains("image: registry.example.com/shop/loadgen:2.0.0");
		assertThat(Files.readString(this.root.resolve("deploy/base/frontend.yaml")))
			.contains("image: " + DockerBuild.image("frontend"));
		Processes.Result unknown = build(Map.of("IMAGES", "frontent"));
		assertThat(unknown.exitCode()).isEqualTo(2);
		assertThat(unknown.stderr()).contains("unknown image 'frontent'");
	}

	private Processes.Result build(Map<String, String> environment, String... arguments) throws Exception {
		List<String> command = new ArrayList<>(List.of(Processes.onPath("bash").orElseThrow().toString(),
				this.root.resolve("docker/build.sh").toString()));
		command.addAll(List.of(arguments));
		Map<String, String> env = new HashMap<>(environment);
		env.put("DOCKER", this.temp.resolve("fake-docker").toString());
		return Processes.run(command, this.root, env, 60);
	}

	private String git(String... arguments) throws Exception {
		List<String> command = new ArrayList<>(List.of("git"));
		command.addAll(List.of(arguments));
		Processes.Result result = Processes.run(command, this.root, Map.of("GIT_CONFIG_NOSYSTEM", "1"), 30);
		assertThat(result.exitCode()).as("git %s: %s", String.join(" ", arguments), result.stderr()).isZero();
		return result.stdout();
	}

	private static void copy(Path from, Path to) throws IOException {
		try (Stream<Path> walk = Files.walk(from)) {
			for (Path source : walk.toList()) {
				Path relative = from.relativize(source);
				if (relative.startsWith("src") || relative.startsWith("target")) {
					continue;
				}
				Path target = to.resolve(relative.toString());
				if (Files.isDirectory(source)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(source, target);
				}
			}
		}
	}

	private static List<Path> yamlFiles(Path deploy) throws IOException {
		try (Stream<Path> walk = Files.walk(deploy)) {
			return walk.filter((file) -> file.toString().endsWith(".yaml"))
				.filter((file) -> !file.getFileName().toString().startsWith("kustomization")
						&& !file.getFileName().toString().equals("shop-config.yaml")
						&& !file.getFileName().toString().endsWith("-patch.yaml")
						&& !file.startsWith(deploy.resolve("aws")))
				.toList();
		}
	}

	private static List<String> images(List<HasMetadata> objects) {
		List<String> images = new ArrayList<>();
		for (HasMetadata object : objects) {
			PodTemplateSpec template = (object instanceof Deployment deployment) ? deployment.getSpec().getTemplate()
					: (object instanceof DaemonSet daemonSet) ? daemonSet.getSpec().getTemplate() : null;
			if (template != null) {
				template.getSpec().getContainers().stream().map(Container::getImage).forEach(images::add);
			}
		}
		return images;
	}

}
