package com.anycompany.shop.deploy;

import java.util.Map;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * {@code deploy/overlays/local}: the lab on any Kubernetes without AWS, as rendered, with
 * the randomizer applied as on EKS. (What every variant must be, VariantTests checks.)
 */
class LocalOverlayTests {

	private final Variants local = Variants.named("local");

	@Test
	void nothingGoesToKubeSystemOrNeedsTheNodesNetwork() {
		assertThat(this.local.objects())
			.noneMatch((object) -> "kube-system".equals(object.getMetadata().getNamespace()));
		assertThat(this.local.ofKind(DaemonSet.class)).isEmpty();
		assertThat(this.local.workloads())
			.allSatisfy((workload) -> assertThat(workload.template().getSpec().getHostNetwork()).isNotEqualTo(true));
	}

	@Test
	void theStorefrontAndTheConsoleAreReachedByPortForward() {
		assertThat(this.local.ofKind(Service.class)).extracting((service) -> service.getSpec().getType())
			.containsOnly("ClusterIP");
		assertThat(this.local.service(Manifests.NAMESPACE, "frontend").getSpec().getPorts())
			.extracting((port) -> (port.getProtocol() != null) ? port.getProtocol() : "TCP", ServicePort::getPort)
			.containsExactly(tuple("TCP", 80));
		// kubectl port-forward carries TCP only: the console is on the TCP side of 2000
		assertThat(this.local.service(Manifests.NAMESPACE, "xray-local").getSpec().getPorts())
			.extracting(ServicePort::getProtocol, ServicePort::getPort)
			.containsExactlyInAnyOrder(tuple("UDP", 2000), tuple("TCP", 2000));
	}

	@Test
	void xrayLocalIsOneStoreForEveryNode() {
		Deployment xrayLocal = this.local.named(Deployment.class, Manifests.NAMESPACE, "xray-local");
		Map<String, String> environment = ServiceEnvironmentTests.environmentOf(this.local, xrayLocal);

		assertThat(xrayLocal.getSpec().getReplicas()).isEqualTo(1);
		assertThat(xrayLocal.getSpec().getStrategy().getType()).as("never two stores at once").isEqualTo("Recreate");
		// its default is loopback, where no other pod can reach it
		assertThat(environment).containsEntry("XRAY_LOCAL_ADDRESS", "0.0.0.0");
		assertThat(xrayLocal.getSpec().getTemplate().getMetadata().getLabels()).doesNotContainKey("product");
	}

	@Test
	void theServicesUseDynaliteAndXrayLocalAndNothingOfAws() {
		for (Deployment deployment : this.local.storefront()) {
			Map<String, String> environment = ServiceEnvironmentTests.environmentOf(this.local, deployment);
			String name = deployment.getMetadata().getName();

			assertThat(environment).as(name)
				.containsEntry("DYNAMODB_ENDPOINT", "http://dynalite:8000")
				.containsEntry("DYNAMODB_CREATE_TABLES", "true")
				.containsEntry("SHOP_TRACING_PLUGINS", "")
				.containsEntry("AWS_EC2_METADATA_DISABLED", "true")
				.containsEntry("AWS_XRAY_DAEMON_ADDRESS", "xray-local:2000");
		}
		assertThat(this.local.service(Manifests.NAMESPACE, "dynalite").getSpec().getPorts())
			.extracting(ServicePort::getPort)
			.containsExactly(8000);
		assertThat(this.local.named(Deployment.class, Manifests.NAMESPACE, "dynalite")
			.getSpec()
			.getTemplate()
			.getMetadata()
			.getLabels()).doesNotContainKey("product");
	}

	@Test
	void theLoadGeneratorAndTheRandomizerRunAsOnEks() {
		Variants eks = Variants.named("eks");
		for (String name : new String[] { "loadgen", "randomizer" }) {
			Deployment here = this.local.named(Deployment.class, Manifests.NAMESPACE, name);
			Deployment there = eks.named(Deployment.class, Manifests.NAMESPACE, name);
			assertThat(here).as(name).isEqualTo(there);
		}
		assertThat(this.local.objects()).extracting(HasMetadata::getKind).contains("ValidatingAdmissionPolicy");
	}

}
