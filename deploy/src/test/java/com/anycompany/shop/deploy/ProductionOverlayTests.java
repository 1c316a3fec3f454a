package com.anycompany.shop.deploy;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code deploy/overlays/production}: the EKS variant with the production component, as
 * {@code kubectl kustomize} renders it, next to the daemon of {@code deploy/tracing/}. A
 * node-group upgrade drains one node at a time: every service must keep a ready pod on
 * another node, and the budgets must let the drain go on. The NetworkPolicies are
 * evaluated here the way the API defines them (a connection is allowed when a policy
 * selecting the pod allows it), for the connections the shop makes and a few it must not.
 */
class ProductionOverlayTests {

	private static final String NODE = "192.168.44.17";

	private static final String PUBLIC = "52.94.0.10";

	private final Variants production = Variants.named("production");

	@Test
	void everyServiceRunsTwiceOnTwoNodesPreferablyInTwoZonesWhileTheLabKeepsOne() {
		List<Deployment> storefront = this.production.storefront();
		assertThat(storefront).hasSize(6);
		for (Deployment deployment : storefront) {
			assertThat(deployment.getSpec().getReplicas()).as("%s replicas", name(deployment)).isEqualTo(2);
			List<TopologySpreadConstraint> spread = deployment.getSpec()
				.getTemplate()
				.getSpec()
				.getTopologySpreadConstraints();
			Map<String, String> labels = deployment.getSpec().getTemplate().getMetadata().getLabels();
			assertThat(spread).extracting(TopologySpreadConstraint::getTopologyKey)
				.containsExactlyInAnyOrder("topology.kubernetes.io/zone", "kubernetes.io/hostname");
			for (TopologySpreadConstraint constraint : spread) {
				assertThat(constraint.getMaxSkew()).isEqualTo(1);
				assertThat(selects(constraint.getLabelSelector(), labels))
					.as("%s spreads its own pods", name(deployment))
					.isTrue();
				// only this Deployment's pods count: its app label joins the selector
				assertThat(constraint.getMatchLabelKeys()).contains("app", "pod-template-hash");
				assertThat(constraint.getWhenUnsatisfiable())
					.isEqualTo(constraint.getTopologyKey().equals("kubernetes.io/hostname") ? "DoNotSchedule"
							: "ScheduleAnyway");
			}
		}
		assertThat(Variants.named("eks").storefront()).allSatisfy((deployment) -> {
			assertThat(deployment.getSpec().getReplicas()).as("the lab's %s", name(deployment)).isEqualTo(1);
			assertThat(deployment.getSpec().getTemplate().getSpec().getTopologySpreadConstraints()).isNullOrEmpty();
		});
		assertThat(Variants.named("eks").ofKind(PodDisruptionBudget.class)).isEmpty();
		assertThat(Variants.named("eks").ofKind(NetworkPolicy.class)).isEmpty();
	}

	@Test
	void aDrainKeepsOneReadyPodOfEveryServiceAndCanStillProceed() {
		List<PodDisruptionBudget> budgets = this.production.ofKind(PodDisruptionBudget.class);
		for (Deployment deployment : this.production.storefront()) {
			Map<String, String> labels = deployment.getSpec().getTemplate().getMetadata().getLabels();
			List<PodDisruptionBudget> own = budgets.stream()
				.filter((budget) -> budget.getMetadata().getNamespace().equals(deployment.getMetadata().getNamespace())
						&& selects(budget.getSpec().getSelector(), labels))
				.toList();
			assertThat(own).as("budgets of %s", name(deployment)).hasSize(1);
			IntOrString minAvailable = own.get(0).getSpec().getMinAvailable();
			assertThat(minAvailable.getIntVal()).as("%s: one stays, one may go", name(deployment))
				.isEqualTo(1)
				.isLessThan(deployment.getSpec().getReplicas());
			// a budget selecting several services would block one with the others
			assertThat(own.get(0).getSpec().getSelector().getMatchLabels()).containsKey("app");
		}
		assertThat(budgets).hasSize(6);
	}

	@Test
	void theDaemonsEndpointsAreNodeAddresses() {
		DaemonSet daemon = this.production.named(DaemonSet.class, "kube-system", "xray-daemon");
		assertThat(daemon.getSpec().getTemplate().getSpec().getHostNetwork())
			.as("the daemon's Service sends to node addresses only if it runs in the nodes' network")
			.isTrue();
		// so the rules opening 2000 name addresses: a pod or namespace selector matches
		// no
		// pod in the host's network
		List<NetworkPolicyPeer> to2000 = this.production.ofKind(NetworkPolicy.class)
			.stream()
			.flatMap((policy) -> (policy.getSpec().getEgress() != null) ? policy.getSpec().getEgress().stream()
					: java.util.stream.Stream.empty())
			.filter((rule) -> rule.getPorts() != null
					&& rule.getPorts().stream().anyMatch((port) -> port.getPort().getIntVal() == 2000))
			.flatMap((rule) -> rule.getTo().stream())
			.toList();
		assertThat(to2000).isNotEmpty().allSatisfy((peer) -> assertThat(peer.getIpBlock()).isNotNull());
	}

	@Test
	void podsReachDnsTheDaemonAwsOverHttpsPodIdentityAndEachOtherAndNothingElse() {
		Map<String, String> catalog = podLabels("catalogservice");
		Map<String, String> kubeDns = Map.of("k8s-app", "kube-dns");

		assertThat(egress(catalog, Peer.pod("kube-system", kubeDns), "UDP", 53)).isTrue();
		assertThat(egress(catalog, Peer.pod("kube-system", kubeDns), "TCP", 53)).isTrue();
		assertThat(egress(catalog, Peer.ip(NODE), "UDP", 2000)).as("segments to the daemon").isTrue();
		assertThat(egress(catalog, Peer.ip(NODE), "TCP", 2000)).as("sampling from the daemon").isTrue();
		assertThat(egress(catalog, Peer.ip(PUBLIC), "TCP", 443)).as("DynamoDB").isTrue();
		assertThat(egress(catalog, Peer.ip("169.254.170.23"), "TCP", 80)).as("EKS Pod Identity agent").isTrue();
		assertThat(egress(catalog, Peer.pod(Manifests.NAMESPACE, podLabels("frontend")), "TCP", 8080)).isTrue();

		assertThat(egress(catalog, Peer.ip(PUBLIC), "UDP", 2000)).as("2000 only to the nodes").isFalse();
		assertThat(egress(catalog, Peer.ip(NODE), "TCP", 22)).isFalse();
		assertThat(egress(catalog, Peer.ip(PUBLIC), "TCP", 80)).isFalse();
		assertThat(egress(catalog, Peer.ip("169.254.169.254"), "TCP", 80)).as("instance metadata").isFalse();
		assertThat(egress(catalog, Peer.pod("kube-system", Map.of("app", "other")), "UDP", 53)).isFalse();
		assertThat(egress(catalog, Peer.pod("other", Map.of()), "TCP", 8080)).isFalse();
	}

	@Test
	void theStorefrontIsPublicTheOtherServicesOnlyForTheShopAndTheNodes() {
		Map<String, String> frontend = podLabels("frontend");
		Map<String, String> catalog = podLabels("catalogservice");

		assertThat(ingress(frontend, Peer.ip(PUBLIC), "TCP", 8080)).as("clients through the load balancer").isTrue();
		assertThat(ingress(catalog, Peer.pod(Manifests.NAMESPACE, frontend), "TCP", 8080)).isTrue();
		assertThat(ingress(catalog, Peer.ip(NODE), "TCP", 8080)).as("the kubelet's probes").isTrue();
		assertThat(ingress(catalog, Peer.ip(PUBLIC), "TCP", 8080)).isFalse();
		assertThat(ingress(catalog, Peer.pod("other", Map.of()), "TCP", 8080)).isFalse();
		assertThat(ingress(frontend, Peer.ip(PUBLIC), "TCP", 22)).isFalse();
	}

	/** The other end of a connection: an address, or a pod by namespace and labels. */
	record Peer(String ip, String namespace, Map<String, String> labels) {

		static Peer ip(String ip) {
			return new Peer(ip, null, null);
		}

		static Peer pod(String namespace, Map<String, String> labels) {
			return new Peer(null, namespace, labels);
		}

	}

	private boolean egress(Map<String, String> pod, Peer to, String protocol, int port) {
		List<NetworkPolicy> selecting = selecting(pod, "Egress");
		assertThat(selecting).as("a policy isolates the pod's egress").isNotEmpty();
		return selecting.stream()
			.flatMap((policy) -> policy.getSpec().getEgress() == null ? java.util.stream.Stream.empty()
					: policy.getSpec().getEgress().stream())
			.anyMatch((rule) -> peers(rule.getTo(), to) && ports(rule.getPorts(), protocol, port));
	}

	private boolean ingress(Map<String, String> pod, Peer from, String protocol, int port) {
		List<NetworkPolicy> selecting = selecting(pod, "Ingress");
		assertThat(selecting).as("a policy isolates the pod's ingress").isNotEmpty();
		return selecting.stream()
			.flatMap((policy) -> policy.getSpec().getIngress() == null ? java.util.stream.Stream.empty()
					: policy.getSpec().getIngress().stream())
			.anyMatch((rule) -> peers(rule.getFrom(), from) && ports(rule.getPorts(), protocol, port));
	}

	private List<NetworkPolicy> selecting(Map<String, String> pod, String type) {
		return this.production.ofKind(NetworkPolicy.class)
			.stream()
			.filter((policy) -> policy.getMetadata().getNamespace().equals(Manifests.NAMESPACE)
					&& policy.getSpec().getPolicyTypes().contains(type)
					&& selects(policy.getSpec().getPodSelector(), pod))
			.toList();
	}

	/** Empty or absent: every peer. */
	private static boolean peers(List<NetworkPolicyPeer> peers, Peer peer) {
		if (peers == null || peers.isEmpty()) {
			return true;
		}
		for (NetworkPolicyPeer candidate : peers) {
			if (candidate.getIpBlock() != null) {
				if (peer.ip() != null && inCidr(peer.ip(), candidate.getIpBlock().getCidr())
						&& (candidate.getIpBlock().getExcept() == null || candidate.getIpBlock()
							.getExcept()
							.stream()
							.noneMatch((except) -> inCidr(peer.ip(), except)))) {
					return true;
				}
				continue;
			}
			if (peer.namespace() == null) {
				continue;
			}
			boolean namespace = (candidate.getNamespaceSelector() == null)
					? peer.namespace().equals(Manifests.NAMESPACE) : selects(candidate.getNamespaceSelector(),
							Map.of("kubernetes.io/metadata.name", peer.namespace()));
			boolean pod = candidate.getPodSelector() == null || selects(candidate.getPodSelector(), peer.labels());
			if (namespace && pod) {
				return true;
			}
		}
		return false;
	}

	/** Empty or absent: every port; a port without protocol is TCP. */
	private static boolean ports(List<NetworkPolicyPort> ports, String protocol, int port) {
		if (ports == null || ports.isEmpty()) {
			return true;
		}
		return ports.stream()
			.anyMatch(
					(candidate) -> protocol.equals((candidate.getProtocol() != null) ? candidate.getProtocol() : "TCP")
							&& (candidate.getPort() == null || candidate.getPort().getIntVal() == port));
	}

	/** matchLabels only (the manifests use nothing else; anything more fails here). */
	static boolean selects(LabelSelector selector, Map<String, String> labels) {
		assertThat(selector.getMatchExpressions()).as("matchExpressions are not evaluated here").isNullOrEmpty();
		return selector.getMatchLabels() == null || labels.entrySet().containsAll(selector.getMatchLabels().entrySet());
	}

	static boolean inCidr(String ip, String cidr) {
		try {
			String[] parts = cidr.split("/");
			byte[] address = InetAddress.getByName(ip).getAddress();
			byte[] network = InetAddress.getByName(parts[0]).getAddress();
			if (address.length != network.length) {
				return false;
			}
			int bits = address.length * 8;
			int prefix = Integer.parseInt(parts[1]);
			BigInteger mask = (prefix == 0) ? BigInteger.ZERO
					: BigInteger.ONE.shiftLeft(bits)
						.subtract(BigInteger.ONE)
						.shiftRight(bits - prefix)
						.shiftLeft(bits - prefix);
			return new BigInteger(1, address).and(mask).equals(new BigInteger(1, network).and(mask));
		}
		catch (UnknownHostException ex) {
			throw new AssertionError("not an address: " + ip + " or " + cidr, ex);
		}
	}

	private Map<String, String> podLabels(String deployment) {
		return this.production.named(Deployment.class, Manifests.NAMESPACE, deployment)
			.getSpec()
			.getTemplate()
			.getMetadata()
			.getLabels();
	}

	private static String name(Deployment deployment) {
		return deployment.getMetadata().getName();
	}

}
