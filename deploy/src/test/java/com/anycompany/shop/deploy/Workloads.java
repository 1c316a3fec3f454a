package com.anycompany.shop.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/**
 * A Deployment or a DaemonSet, seen the same way: what runs and how it is selected.
 *
 * @param object the manifest object
 * @param selector its selector
 * @param template its pod template
 */
record Workloads(HasMetadata object, LabelSelector selector, PodTemplateSpec template) {

	static List<Workloads> all() {
		List<Workloads> workloads = new ArrayList<>();
		for (Deployment deployment : Manifests.ofKind(Deployment.class)) {
			workloads
				.add(new Workloads(deployment, deployment.getSpec().getSelector(), deployment.getSpec().getTemplate()));
		}
		for (DaemonSet daemonSet : Manifests.ofKind(DaemonSet.class)) {
			workloads
				.add(new Workloads(daemonSet, daemonSet.getSpec().getSelector(), daemonSet.getSpec().getTemplate()));
		}
		return workloads;
	}

	static Workloads of(Deployment deployment) {
		return new Workloads(deployment, deployment.getSpec().getSelector(), deployment.getSpec().getTemplate());
	}

	String name() {
		return this.object.getMetadata().getName();
	}

	String namespace() {
		return this.object.getMetadata().getNamespace();
	}

	Map<String, String> podLabels() {
		return this.template.getMetadata().getLabels();
	}

	List<Container> containers() {
		List<Container> containers = new ArrayList<>(this.template.getSpec().getContainers());
		containers.addAll(this.template.getSpec().getInitContainers());
		return containers;
	}

	/**
	 * The one container named after the workload (as {@code kubectl set image} expects).
	 */
	Container main() {
		return this.template.getSpec()
			.getContainers()
			.stream()
			.filter((container) -> container.getName().equals(name()))
			.findFirst()
			.orElseThrow(() -> new AssertionError(this + " has no container named " + name()));
	}

	boolean isOwnImage() {
		return main().getImage().startsWith(DockerBuild.IMAGE_PREFIX);
	}

	@Override
	public String toString() {
		return this.object.getKind() + " " + namespace() + "/" + name();
	}

}
