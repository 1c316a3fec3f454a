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
import com.amazonaws.xray.config.DaemonConfiguration;
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
	void runsAPinnedDaemonBuiltWithTheAwsSdkForGoV2FromEcrPublic() {
		// 3.6.0 moved to the AWS SDK for Go v2, the first to take EKS Pod Identity
		// credentials;
		// ECR Public has no Docker Hub pull limits
		assertThat(daemon().getImage()).matches("public\\.ecr\\.aws/xray/aws-xray-daemon:\\d+\\.\\d+\\.\\d+");
		String[] version = daemon().getImage().substring(daemon().getImage().indexOf(':') + 1).split("\\.");
		assertThat(Integer.parseInt(version[0]) * 100 + Integer.parseInt(version[1]))
			.as("version %s", daemon().getImage())
			.isGreaterThanOrEqualTo(306);
	}

	@Test
	void runsOnEveryNodeAsANodeAgent() {
		assertThat(pod().getPriorityClassName()).isEqualTo("system-node-critical");
		// tainted nodes too: every taint, every effect
		assertThat(pod().getTolerations()).singleElement().satisfies((toleration) -> {
			assertThat(toleration.getOperator()).isEqualTo("Exists");
			assertThat(toleration.getKey()).isNull();
			assertThat(toleration.getEffect()).isNull();
		});
		// the node's resolver: no dependency on the cluster's DNS for reaching AWS
		assertThat(pod().getDnsPolicy()).isEqualTo("Default");
		assertThat(this.daemonSet.getMetadata().getNamespace()).as("a privileged namespace, for hostNetwork")
			.isEqualTo("kube-system");
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
	void theServicesSendToTheDaemonOfTheirOwnNodeByName() {
		Service service = Manifests.named(Service.class, "kube-system", "xray-daemon");
		String address = Manifests.configMap(Manifests.NAMESPACE, "shop-config")
			.getData()
			.get("AWS_XRAY_DAEMON_ADDRESS");

		assertThat(address)
			.isEqualTo(service.getMetadata().getName() + "." + service.getMetadata().getNamespace() + ":2000");
		assertThat(service.getSpec().getSelector()).containsEntry("app", "xray-daemon");
		assertThat(service.getSpec().getType()).isEqualTo("ClusterIP");
		assertThat(service.getSpec().getClusterIP()).as("not headless").isNull();
		// a pod's datagrams go to the daemon on its own node, never across nodes
		assertThat(service.getSpec().getInternalTrafficPolicy()).isEqualTo("Local");
		assertThat(service.getSpec().getIpFamilyPolicy()).isEqualTo("PreferDualStack");
		assertThat(service.getSpec().getPorts()).extracting(ServicePort::getProtocol, ServicePort::getPort)
			.containsExactlyInAnyOrder(tuple("UDP", 2000), tuple("TCP", 2000));
	}

	@Test
	void theXRaySdkAcceptsTheAddressButNoIpv6Literal() {
		String address = Manifests.configMap(Manifests.NAMESPACE, "shop-config")
			.getData()
			.get("AWS_XRAY_DAEMON_ADDRESS");

		// the SDK itself (names resolve through src/test/resources/hosts: nothing is
		// looked up)
		assertThat(new DaemonConfiguration().setUDPAndTCPAddress(address)).as("the SDK takes %s", address).isTrue();
		// what $(HOST_IP):2000 becomes on an IPv6 cluster, with or without brackets
		assertThat(new DaemonConfiguration().setUDPAndTCPAddress("fd00:ec2::254:2000")).isFalse();
		assertThat(new DaemonConfiguration().setUDPAndTCPAddress("[fd00:ec2::254]:2000")).isFalse();
	}

	@Test
	void theEksPluginMayReadTheClusterNameAndNothingElse() {
		List<HasMetadata> objects = Manifests.byFile()
			.get(java.nio.file.Path.of("deploy/eks/cluster-info-reader.yaml"));
		io.fabric8.kubernetes.api.model.rbac.Role role = (io.fabric8.kubernetes.api.model.rbac.Role) objects.get(0);
		io.fabric8.kubernetes.api.model.rbac.RoleBinding binding = (io.fabric8.kubernetes.api.model.rbac.RoleBinding) objects
			.get(1);

		// the SDK's EKS plugin GETs amazon-cloudwatch/configmaps/cluster-info with the
		// pod's token
		assertThat(role.getMetadata().getNamespace()).isEqualTo("amazon-cloudwatch");
		assertThat(role.getRules()).singleElement().satisfies((rule) -> {
			assertThat(rule.getResources()).containsExactly("configmaps");
			assertThat(rule.getResourceNames()).containsExactly("cluster-info");
			assertThat(rule.getVerbs()).containsExactly("get");
		});
		assertThat(binding.getRoleRef().getName()).isEqualTo(role.getMetadata().getName());
		assertThat(binding.getSubjects()).extracting((subject) -> subject.getNamespace() + "/" + subject.getName())
			.containsExactlyInAnyOrderElementsOf(Manifests.storefront()
				.stream()
				.map((deployment) -> Manifests.NAMESPACE + "/"
						+ deployment.getSpec().getTemplate().getSpec().getServiceAccountName())
				.toList());
		// never part of `kubectl apply -k deploy/`: the namespace is Container Insights'
		assertThat(Variants.named("eks").objects()).noneMatch((object) -> object.getMetadata() != null
				&& "amazon-cloudwatch".equals(object.getMetadata().getNamespace()) && !objects.contains(object));
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
