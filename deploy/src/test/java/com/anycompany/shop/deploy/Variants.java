package com.anycompany.shop.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every way this repository is put on a cluster, as {@code kubectl kustomize} renders it
 * (only files are read; no cluster is contacted), together with the plain files the
 * operator applies next to it: on EKS the daemon
 * ({@code kubectl apply -f deploy/tracing/}) and the chaos
 * ({@code deploy/eks/randomizer.yaml}); on a laptop cluster the same chaos. Every
 * kustomization under {@code deploy/overlays/} is a variant, including ones added later.
 *
 * @param name the variant's name ({@code eks}, or the overlay's folder)
 * @param directory the kustomization rendered
 * @param objects the rendered objects, strictly parsed, then the plain files' objects
 */
record Variants(String name, Path directory, List<HasMetadata> objects) {

	private static Map<String, Variants> all;

	static synchronized List<Variants> all() {
		if (all == null) {
			Map<String, Variants> rendered = new LinkedHashMap<>();
			rendered.put("eks", render("eks", Repository.DEPLOY, List.of("tracing", "eks")));
			for (Path overlay : overlays()) {
				String name = overlay.getFileName().toString();
				rendered.put(name, render(name, overlay, alsoApplied(name)));
			}
			all = rendered;
		}
		return List.copyOf(all.values());
	}

	static Variants named(String name) {
		return all().stream()
			.filter((variant) -> variant.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no variant " + name));
	}

	static List<Path> overlays() {
		Path overlays = Repository.DEPLOY.resolve("overlays");
		try (Stream<Path> list = Files.list(overlays)) {
			return list.filter((dir) -> Files.isRegularFile(dir.resolve("kustomization.yaml"))).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The plain files deploy/README.md has the operator apply next to an overlay: the
	 * chaos everywhere; the X-Ray daemon on EKS, except where the OpenTelemetry collector
	 * takes its place.
	 */
	private static List<String> alsoApplied(String overlay) {
		return switch (overlay) {
			case "local", "opentelemetry" -> List.of("eks/randomizer.yaml");
			default -> List.of("tracing", "eks");
		};
	}

	/**
	 * Renders a kustomization with the local kubectl; an empty kubeconfig: no cluster.
	 */
	static String kustomize(Path directory) {
		Optional<Path> kubectl = Processes.onPath("kubectl");
		assertThat(kubectl).as("kubectl (with its kustomize) on the PATH: the variants are rendered with it")
			.isPresent();
		try {
			Path temp = Files.createTempDirectory("kustomize");
			try {
				Path kubeconfig = Files.writeString(temp.resolve("kubeconfig"), "");
				Processes.Result result = Processes.run(
						List.of(kubectl.get().toString(), "kustomize", directory.toString()), temp,
						Map.of("KUBECONFIG", kubeconfig.toString()), 120);
				assertThat(result.exitCode()).as("kubectl kustomize %s: %s", directory, result.stderr()).isZero();
				return result.stdout();
			}
			finally {
				try (Stream<Path> files = Files.list(temp)) {
					for (Path file : files.toList()) {
						Files.delete(file);
					}
				}
				Files.delete(temp);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static Variants render(String name, Path directory, List<String> alsoApplied) {
		List<HasMetadata> objects = new ArrayList<>(
				Manifests.parse(kustomize(directory), "kubectl kustomize " + Repository.ROOT.relativize(directory)));
		for (String plain : alsoApplied) {
			Manifests.byFile().forEach((file, parsed) -> {
				if (file.startsWith(Path.of("deploy", plain))) {
					objects.addAll(parsed);
				}
			});
		}
		return new Variants(name, directory, List.copyOf(objects));
	}

	<T extends HasMetadata> List<T> ofKind(Class<T> kind) {
		return this.objects.stream().filter(kind::isInstance).map(kind::cast).toList();
	}

	/**
	 * An object by namespace and name; a cluster-wide one (a Namespace) by name alone.
	 */
	<T extends HasMetadata> Optional<T> find(Class<T> kind, String namespace, String name) {
		return ofKind(kind).stream()
			.filter((object) -> name.equals(object.getMetadata().getName())
					&& (object.getMetadata().getNamespace() == null
							|| object.getMetadata().getNamespace().equals(namespace)))
			.findFirst();
	}

	<T extends HasMetadata> T named(Class<T> kind, String namespace, String name) {
		return find(kind, namespace, name).orElseThrow(
				() -> new AssertionError(this.name + ": no " + kind.getSimpleName() + " " + namespace + "/" + name));
	}

	ConfigMap configMap(String namespace, String name) {
		return named(ConfigMap.class, namespace, name);
	}

	Service service(String namespace, String name) {
		return named(Service.class, namespace, name);
	}

	List<Workloads> workloads() {
		List<Workloads> workloads = new ArrayList<>();
		ofKind(Deployment.class).forEach((deployment) -> workloads.add(Workloads.of(deployment)));
		ofKind(DaemonSet.class).forEach((daemonSet) -> workloads
			.add(new Workloads(daemonSet, daemonSet.getSpec().getSelector(), daemonSet.getSpec().getTemplate())));
		return workloads;
	}

	List<Deployment> storefront() {
		return ofKind(Deployment.class).stream()
			.filter((deployment) -> "storefront".equals(deployment.getMetadata().getLabels().get("product")))
			.toList();
	}

	@Override
	public String toString() {
		return this.name;
	}

}
