package com.anycompany.shop.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapKeySelector;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What holds in every variant as rendered ({@link Variants}): EKS, the local overlay, and
 * any overlay added later.
 */
class VariantTests {

	static Stream<Variants> variants() {
		return Variants.all().stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("variants")
	void everyPodOutsideKubeSystemMeetsTheRestrictedStandard(Variants variant) {
		List<String> violations = new ArrayList<>();
		for (Workloads workload : variant.workloads()) {
			if (workload.namespace().equals("kube-system")) {
				continue;
			}
			PodSecurityStandard.violations(workload.template().getMetadata(), workload.template().getSpec())
				.forEach((violation) -> violations.add(workload + ": " + violation));
		}

		assertThat(violations).as("%s: restricted Pod Security Standard", variant).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("variants")
	void theNamespacesOfThePodsEnforceTheRestrictedStandard(Variants variant) {
		Set<String> namespaces = new TreeSet<>();
		variant.workloads()
			.stream()
			.map(Workloads::namespace)
			.filter((namespace) -> !namespace.equals("kube-system"))
			.forEach(namespaces::add);

		assertThat(namespaces).isNotEmpty().allSatisfy((name) -> {
			Namespace namespace = variant.named(Namespace.class, name, name);
			assertThat(namespace.getMetadata().getLabels()).as("%s: labels of namespace %s", variant, name)
				.containsEntry("pod-security.kubernetes.io/enforce", "restricted");
		});
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("variants")
	void servicesSelectPodsAndNameTheirPorts(Variants variant) {
		for (Service service : variant.ofKind(Service.class)) {
			List<Workloads> selected = variant.workloads()
				.stream()
				.filter((workload) -> workload.namespace().equals(service.getMetadata().getNamespace())
						&& workload.podLabels().entrySet().containsAll(service.getSpec().getSelector().entrySet()))
				.toList();
			assertThat(selected).as("%s: pods of Service %s", variant, service.getMetadata().getName()).hasSize(1);
			Container container = selected.get(0).main();
			for (ServicePort port : service.getSpec().getPorts()) {
				List<ContainerPort> matching = container.getPorts()
					.stream()
					.filter((candidate) -> ((port.getTargetPort().getStrVal() != null)
							? port.getTargetPort().getStrVal().equals(candidate.getName())
							: port.getTargetPort().getIntVal().equals(candidate.getContainerPort()))
							&& protocol(candidate.getProtocol()).equals(protocol(port.getProtocol())))
					.toList();
				assertThat(matching)
					.as("%s: container port of Service %s port %s", variant, service.getMetadata().getName(),
							port.getName())
					.hasSize(1);
			}
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("variants")
	void everyConfigMapAPodReadsIsThereOrMadeAtDeployTime(Variants variant) {
		for (Workloads workload : variant.workloads()) {
			for (Container container : workload.containers()) {
				for (EnvFromSource source : container.getEnvFrom()) {
					assertThat(configMap(variant, workload.namespace(), source.getConfigMapRef().getName()))
						.as("%s: ConfigMap %s of %s", variant, source.getConfigMapRef().getName(), workload)
						.isNotNull();
				}
				for (EnvVar variable : container.getEnv()) {
					ConfigMapKeySelector key = (variable.getValueFrom() != null)
							? variable.getValueFrom().getConfigMapKeyRef() : null;
					if (key == null) {
						continue;
					}
					ConfigMap configMap = configMap(variant, workload.namespace(), key.getName());
					if (configMap != null) {
						assertThat(configMap.getData()).as("%s: %s of %s", variant, key.getName(), workload)
							.containsKey(key.getKey());
					}
					else {
						// on AWS, made from the tables' stack: a README's command must
						// give every key a pod reads
						Map<String, java.util.Set<String>> made = DeployReadme.configMapsMadeByCommands();
						assertThat(made)
							.as("%s: ConfigMap %s of %s, made by a README's command", variant,
									key.getName() + " in " + workload.namespace(), workload)
							.containsKey(workload.namespace() + "/" + key.getName());
						assertThat(made.get(workload.namespace() + "/" + key.getName()))
							.as("keys of the README's kubectl create configmap %s", key.getName())
							.contains(key.getKey());
					}
				}
			}
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("variants")
	void theFaultInjectionEndpointsStayOff(Variants variant) {
		for (var deployment : variant.storefront()) {
			Map<String, String> environment = ServiceEnvironmentTests.environmentOf(variant, deployment);
			assertThat(environment.getOrDefault("SHOP_CHAOS_ENABLED", "false"))
				.as("%s: %s", variant, deployment.getMetadata().getName())
				.isEqualTo("false");
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("variants")
	void theServicesSendToADaemonOfTheVariantOnUdpAndTcp(Variants variant) {
		for (var deployment : variant.storefront()) {
			Map<String, String> environment = ServiceEnvironmentTests.environmentOf(variant, deployment);
			if ("false".equals(environment.get("SHOP_TRACING_ENABLED"))) {
				// not traced by the X-Ray SDK in this variant (another tracer, or none)
				continue;
			}
			String address = environment.get("AWS_XRAY_DAEMON_ADDRESS");
			assertThat(address).as("%s: daemon address of %s", variant, deployment.getMetadata().getName())
				.matches("[a-z0-9-]+(\\.[a-z0-9-]+)?:\\d+");
			String host = address.substring(0, address.indexOf(':'));
			int port = Integer.parseInt(address.substring(address.indexOf(':') + 1));
			String namespace = host.contains(".") ? host.substring(host.indexOf('.') + 1)
					: deployment.getMetadata().getNamespace();
			String name = host.contains(".") ? host.substring(0, host.indexOf('.')) : host;
			// the daemon in kube-system is applied on its own (deploy/tracing/), as on
			// EKS
			Service service = variant.find(Service.class, namespace, name)
				.orElseGet(() -> Manifests.named(Service.class, namespace, name));
			assertThat(service.getSpec().getPorts()).as("%s: ports of %s", variant, address)
				.filteredOn((servicePort) -> servicePort.getPort() == port)
				.extracting((servicePort) -> protocol(servicePort.getProtocol()))
				.containsExactlyInAnyOrder("UDP", "TCP");
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("variants")
	void everyImageIsPinnedAndOursAreTheOnesBuildShBuilds(Variants variant) {
		for (Workloads workload : variant.workloads()) {
			for (Container container : workload.containers()) {
				String image = container.getImage();
				assertThat(image).as("%s: image of %s", variant, workload)
					.matches("[a-z0-9./-]+:[0-9A-Za-z][0-9A-Za-z._-]*")
					.doesNotEndWith(":latest");
				if (image.startsWith(DockerBuild.IMAGE_PREFIX)) {
					assertThat(DockerBuild.images()).as("images docker/build.sh builds")
						.contains(image.substring(DockerBuild.IMAGE_PREFIX.length(), image.indexOf(':')));
					assertThat(image).endsWith(":" + DockerBuild.unbuiltTag());
				}
			}
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("variants")
	void nothingIsDefinedTwice(Variants variant) {
		Set<String> seen = new TreeSet<>();
		for (HasMetadata object : variant.objects()) {
			String id = object.getKind() + " " + object.getMetadata().getNamespace() + "/"
					+ object.getMetadata().getName();
			assertThat(seen.add(id)).as("%s: %s twice", variant, id).isTrue();
		}
	}

	private static ConfigMap configMap(Variants variant, String namespace, String name) {
		return variant.find(ConfigMap.class, namespace, name).orElse(null);
	}

	private static String protocol(String protocol) {
		return (protocol != null) ? protocol : "TCP";
	}

}
