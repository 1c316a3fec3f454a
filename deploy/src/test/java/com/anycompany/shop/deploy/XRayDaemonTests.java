package com.anycompany.shop.deploy;

import java.util.List;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * {@code deploy/tracing/} as the workshop uses it:
 * {@code kubectl apply -f deploy/tracing/}, then
 * {@code kubectl get pods -l app=xray-daemon -n kube-system}.
 */
class XRayDaemonTests {

	private final DaemonSet daemonSet = Manifests.named(DaemonSet.class, "kube-system", "xray-daemon");

	@Test
	void theFolderHoldsTheDaemonAndWhatItNeedsInKubeSystem() {
		List<HasMetadata> objects = Manifests.byFile()
			.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().startsWith("deploy/tracing"))
			.flatMap((entry) -> entry.getValue().stream())
			.toList();

		assertThat(objects).extracting(HasMetadata::getKind)
			.containsExactlyInAnyOrder("ServiceAccount", "ConfigMap", "DaemonSet", "Service");
		assertThat(objects).allSatisfy((object) -> {
			assertThat(object.getMetadata().getNamespace()).isEqualTo("kube-system");
			assertThat(object.getMetadata().getLabels()).containsEntry("app", "xray-daemon");
		});
	}

	@Test
	void podsAreFoundByTheWorkshopsLabel() {
		assertThat(this.daemonSet.getSpec().getSelector().getMatchLabels()).containsEntry("app", "xray-daemon");
		assertThat(this.daemonSet.getSpec().getTemplate().getMetadata().getLabels()).containsEntry("app",
				"xray-daemon");
		assertThat(pod().getServiceAccountName()).isEqualTo("xray-daemon");
		Manifests.named(ServiceAccount.class, "kube-system", "xray-daemon");
	}

	@Test
	void runsThePinnedOfficialImage() {
		assertThat(daemon().getImage()).matches("amazon/aws-xray-daemon:\\d+\\.\\d+\\.\\d+");
	}

	@Test
	void listensOnUdpAndTcp2000OfItsNode() {
		// services send to status.hostIP:2000: the daemon must be there, on every node
		assertThat(pod().getHostNetwork()).isTrue();
		assertThat(daemon().getPorts())
			.extracting(ContainerPort::getProtocol, ContainerPort::getContainerPort, ContainerPort::getHostPort)
			.containsExactlyInAnyOrder(tuple("UDP", 2000, 2000), tuple("TCP", 2000, 2000));
	}

	@Test
	void itsConfigurationBindsAllAddressesOfTheNode() {
		JsonNode config = configFile();

		// 127.0.0.1, the daemon's default, would not be reachable from the pods
		assertThat(config.at("/Socket/UDPAddress").asString()).isEqualTo("0.0.0.0:2000");
		assertThat(config.at("/Socket/TCPAddress").asString()).isEqualTo("0.0.0.0:2000");
		assertThat(config.at("/Version").asInt()).isEqualTo(2);
		assertThat(config.at("/LocalMode").asBoolean()).as("LocalMode skips the node's metadata").isFalse();
	}

	@Test
	void theDaemonReadsTheFileTheConfigMapMounts() {
		List<String> args = daemon().getArgs();
		String path = args.get(args.indexOf("--config") + 1);
		VolumeMount mount = daemon().getVolumeMounts()
			.stream()
			.filter((candidate) -> path.startsWith(candidate.getMountPath() + "/"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("nothing mounted at " + path));
		Volume volume = pod().getVolumes()
			.stream()
			.filter((candidate) -> candidate.getName().equals(mount.getName()))
			.findFirst()
			.orElseThrow();
		ConfigMap configMap = Manifests.configMap("kube-system", volume.getConfigMap().getName());

		assertThat(configMap.getData()).containsKey(path.substring(mount.getMountPath().length() + 1));
	}

	@Test
	void aServiceNamesTheDaemonsOnBothProtocols() {
		Service service = Manifests.named(Service.class, "kube-system", "xray-daemon");

		assertThat(service.getSpec().getSelector()).containsEntry("app", "xray-daemon");
		assertThat(service.getSpec().getPorts()).extracting(ServicePort::getProtocol, ServicePort::getPort)
			.containsExactlyInAnyOrder(tuple("UDP", 2000), tuple("TCP", 2000));
	}

	private PodSpec pod() {
		return this.daemonSet.getSpec().getTemplate().getSpec();
	}

	private Container daemon() {
		return pod().getContainers().get(0);
	}

	private JsonNode configFile() {
		ConfigMap configMap = Manifests.configMap("kube-system", "xray-daemon-config");
		assertThat(configMap.getData()).hasSize(1);
		return YAMLMapper.builder().build().readTree(configMap.getData().values().iterator().next());
	}

}
