package com.anycompany.shop.deploy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import com.anycompany.shop.launcher.stack.LocalShop;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every workload of {@code deploy/} must be: selected by its own labels, probed on
 * the actuator groups, sized, locked down, and running the images {@code docker/} builds.
 */
class WorkloadTests {

	/** The launcher's catalogue: a service added there needs its manifest here. */
	private static final Set<String> SERVICES = Set.copyOf(LocalShop.SERVICES);

	@Test
	void theSixServicesAreTheStorefront() {
		assertThat(Manifests.storefront()).extracting((deployment) -> deployment.getMetadata().getName())
			.containsExactlyInAnyOrderElementsOf(SERVICES);
		assertThat(Manifests.storefront()).allSatisfy((deployment) -> {
			assertThat(deployment.getMetadata().getNamespace()).isEqualTo(Manifests.NAMESPACE);
			assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels()).containsEntry("product",
					"storefront");
		});
	}

	@Test
	void selectorsMatchTheirOwnPodsAndLabelsFollowTheConvention() {
		assertThat(Workloads.all()).hasSizeGreaterThanOrEqualTo(9).allSatisfy((workload) -> {
			assertThat(workload.selector().getMatchExpressions()).as("%s selector", workload).isEmpty();
			assertThat(workload.podLabels()).as("%s pod labels", workload)
				.containsAllEntriesOf(workload.selector().getMatchLabels())
				.containsEntry("app", workload.name())
				.containsEntry("app.kubernetes.io/name", workload.name())
				.containsEntry("app.kubernetes.io/part-of", "anycompany-shop");
			assertThat(workload.object().getMetadata().getLabels()).as("%s labels", workload)
				.containsEntry("app", workload.name());
			// no other workload's pods match this selector
			Workloads.all()
				.stream()
				.filter((other) -> !other.equals(workload) && other.namespace().equals(workload.namespace()))
				.forEach((other) -> assertThat(
						other.podLabels().entrySet().containsAll(workload.selector().getMatchLabels().entrySet()))
					.as("%s selects pods of %s", workload, other)
					.isFalse());
		});
	}

	@Test
	void everyServiceHasItsServiceAccountServiceAndNamedContainer() {
		for (Deployment deployment : Manifests.storefront()) {
			String name = deployment.getMetadata().getName();
			Workloads workload = Workloads.of(deployment);
			PodSpec pod = workload.template().getSpec();
			assertThat(pod.getServiceAccountName()).isEqualTo(name);
			Manifests.named(ServiceAccount.class, Manifests.NAMESPACE, name);

			Service service = Manifests.named(Service.class, Manifests.NAMESPACE, name);
			assertThat(service.getSpec().getSelector()).as("selector of Service %s", name)
				.isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
			assertThat(service.getSpec().getType()).isEqualTo(name.equals("frontend") ? "LoadBalancer" : "ClusterIP");
			ServicePort port = service.getSpec().getPorts().get(0);
			assertThat(service.getSpec().getPorts()).hasSize(1);
			assertThat(port.getPort()).as("Service %s port", name).isEqualTo(80);
			assertThat(port.getTargetPort().getStrVal()).isEqualTo("http");
			assertThat(workload.main().getPorts()).extracting(ContainerPort::getName).contains("http");
		}
	}

	@Test
	void servicesAreProbedOnTheActuatorHealthGroups() {
		for (Deployment deployment : Manifests.storefront()) {
			Container container = Workloads.of(deployment).main();
			assertThat(httpGet(container.getStartupProbe(), container)).as("%s startup probe", container.getName())
				.isEqualTo("/actuator/health/liveness");
			assertThat(httpGet(container.getLivenessProbe(), container)).as("%s liveness probe", container.getName())
				.isEqualTo("/actuator/health/liveness");
			assertThat(httpGet(container.getReadinessProbe(), container)).as("%s readiness probe", container.getName())
				.isEqualTo("/actuator/health/readiness");
			// a slow JVM start is the startup probe's business, not a reason to restart
			Probe startup = container.getStartupProbe();
			assertThat(startup.getPeriodSeconds() * startup.getFailureThreshold()).isGreaterThanOrEqualTo(120);
		}
	}

	@Test
	void aProbeWaitsLongerThanTheCheckBehindIt() {
		Duration check = Repository.readinessCheckTimeout();
		assertThat(check).as("the readiness check's DynamoDB timeout, read from the code").isPositive();
		for (Deployment deployment : Manifests.storefront()) {
			Container container = Workloads.of(deployment).main();
			// the default is one second: a readiness check that may take three would fail
			// its probe while DynamoDB is merely slow, and take the pod out of its
			// Service
			assertThat(Duration.ofSeconds(container.getReadinessProbe().getTimeoutSeconds()))
				.as("%s readiness timeoutSeconds", container.getName())
				.isGreaterThan(check);
			for (Probe probe : List.of(container.getStartupProbe(), container.getLivenessProbe(),
					container.getReadinessProbe())) {
				assertThat(probe.getTimeoutSeconds()).as("%s probe timeoutSeconds", container.getName())
					.isGreaterThan(1)
					.isLessThanOrEqualTo(probe.getPeriodSeconds());
			}
		}
	}

	/** The probe's path, after checking it targets the container's http port. */
	private static String httpGet(Probe probe, Container container) {
		assertThat(probe).as("%s probe", container.getName()).isNotNull();
		HTTPGetAction get = probe.getHttpGet();
		assertThat(get).as("%s probe uses HTTP GET", container.getName()).isNotNull();
		assertThat(get.getPort().getStrVal()).isEqualTo("http");
		return get.getPath();
	}

	@Test
	void everyContainerHasRequestsAndLimits() {
		for (Workloads workload : Workloads.all()) {
			for (Container container : workload.containers()) {
				Map<String, Quantity> requests = container.getResources().getRequests();
				Map<String, Quantity> limits = container.getResources().getLimits();
				assertThat(requests).as("%s requests", workload).containsKeys("cpu", "memory");
				assertThat(limits).as("%s limits", workload).containsKeys("cpu", "memory");
				assertThat(Quantity.getAmountInBytes(limits.get("cpu")))
					.isGreaterThanOrEqualTo(Quantity.getAmountInBytes(requests.get("cpu")));
				if (workload.isOwnImage()) {
					// a JVM's heap follows the limit (MaxRAMPercentage): give it all of
					// it
					// from the start, and enough for Spring and the SDKs
					assertThat(requests.get("memory")).as("%s memory request = limit", workload)
						.isEqualTo(limits.get("memory"));
					assertThat(Quantity.getAmountInBytes(limits.get("memory")).longValue())
						.as("%s memory limit", workload)
						.isGreaterThanOrEqualTo(192L << 20);
				}
			}
		}
	}

	@Test
	void everyPodMeetsTheRestrictedSecurityStandardAndRunsLockedDown() {
		for (Workloads workload : Workloads.all()) {
			PodSpec pod = workload.template().getSpec();
			PodSecurityContext podSecurity = pod.getSecurityContext();
			if (!workload.namespace().equals("kube-system")) {
				assertThat(PodSecurityStandard.violations(workload.template().getMetadata(), pod)).as("%s", workload)
					.isEmpty();
			}
			else {
				// only the daemon is in kube-system, and the node's network is the one
				// exception it needs (deploy/tracing/xray-daemon.yaml says why)
				assertThat(PodSecurityStandard.violations(workload.template().getMetadata(), pod)).as("%s", workload)
					.allMatch((violation) -> violation.startsWith("Host namespaces: spec.hostNetwork")
							|| violation.startsWith("Host ports:"));
			}
			assertThat(podSecurity.getRunAsNonRoot()).as("%s runAsNonRoot", workload).isTrue();
			assertThat(podSecurity.getRunAsUser()).as("%s runAsUser", workload).isPositive();
			if (workload.isOwnImage()) {
				assertThat(podSecurity.getRunAsUser()).as("%s runs as the image's user", workload)
					.isEqualTo(DockerBuild.user());
				assertThat(podSecurity.getRunAsGroup()).isEqualTo(DockerBuild.userGroup());
			}
			for (Container container : workload.containers()) {
				SecurityContext security = container.getSecurityContext();
				assertThat(security).as("%s security context", workload).isNotNull();
				assertThat(security.getAllowPrivilegeEscalation()).as("%s allowPrivilegeEscalation", workload)
					.isFalse();
				assertThat(security.getReadOnlyRootFilesystem()).as("%s readOnlyRootFilesystem", workload).isTrue();
				assertThat(security.getPrivileged()).isNotEqualTo(Boolean.TRUE);
				Capabilities capabilities = security.getCapabilities();
				assertThat(capabilities.getDrop()).as("%s drops", workload).containsExactly("ALL");
				assertThat(capabilities.getAdd()).as("%s adds", workload).isEmpty();
			}
		}
	}

	@Test
	void javaContainersWriteOnlyToAPrivateTmp() {
		for (Workloads workload : Workloads.all()) {
			if (!workload.isOwnImage()) {
				continue;
			}
			List<VolumeMount> mounts = workload.main().getVolumeMounts();
			assertThat(mounts).as("%s mounts", workload).extracting(VolumeMount::getMountPath).containsExactly("/tmp");
			Volume tmp = workload.template()
				.getSpec()
				.getVolumes()
				.stream()
				.filter((volume) -> volume.getName().equals(mounts.get(0).getName()))
				.findFirst()
				.orElseThrow();
			assertThat(tmp.getEmptyDir()).as("%s /tmp is an emptyDir", workload).isNotNull();
			assertThat(tmp.getEmptyDir().getSizeLimit()).as("%s /tmp size limit", workload).isNotNull();
		}
	}

	@Test
	void imagesArePinnedAndOursAreWhatDockerBuilds() {
		for (Workloads workload : Workloads.all()) {
			for (Container container : workload.containers()) {
				String image = container.getImage();
				if (workload.isOwnImage()) {
					// not built yet: docker/build.sh writes what it built here
					assertThat(DockerBuild.modules()).as("modules docker/build.sh builds").contains(workload.name());
					assertThat(image).isEqualTo(DockerBuild.image(workload.name()));
				}
				else {
					assertThat(image).as("%s image", workload).matches("[a-z0-9./-]+:[0-9][0-9A-Za-z._-]*");
				}
			}
		}
	}

	@Test
	void theStorefrontGetsAPublicLoadBalancer() {
		Service frontend = Manifests.named(Service.class, Manifests.NAMESPACE, "frontend");

		// the AWS Load Balancer Controller (2.5 and later) makes internal NLBs unless
		// told
		assertThat(frontend.getMetadata().getAnnotations())
			.containsEntry("service.beta.kubernetes.io/aws-load-balancer-scheme", "internet-facing");
		// the participant's own address goes in at deploy time (deploy/README.md)
		assertThat(frontend.getSpec().getLoadBalancerSourceRanges()).isEmpty();
		assertThat(DeployReadme.text()).contains("loadBalancerSourceRanges");
	}

}
