package com.anycompany.shop.randomizer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.anycompany.shop.randomizer.VictimPicker.Choice;
import com.anycompany.shop.randomizer.VictimPicker.Skip;
import com.anycompany.shop.randomizer.VictimPicker.Victim;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The randomizer against fabric8's mock API server in CRUD mode: pods really disappear.
 */
@EnableKubernetesMockClient(https = false, crud = true)
class PodRandomizerTests {

	private static final String NAMESPACE = "microservices-aws";

	static KubernetesMockServer server;

	static KubernetesClient client;

	private PodRandomizer randomizer;

	@BeforeEach
	void createPods() throws InterruptedException {
		server.reset();
		this.randomizer = new PodRandomizer(client, NAMESPACE, new VictimPicker(new SplittableRandom(3)));
		for (String app : List.of("frontend", "catalogservice", "cartservice")) {
			create(pod(app + "-1", NAMESPACE, Map.of("app", app, "product", "storefront"), "Running"));
		}
		create(pod("orderservice-1", NAMESPACE, Map.of("app", "orderservice", "product", "storefront"), "Pending"));
		create(pod("loadgen-1", NAMESPACE, Map.of("app", "loadgen"), "Running"));
		create(pod("randomizer-1", NAMESPACE, Map.of("app", "randomizer", "product", "chaos"), "Running"));
		create(pod("frontend-1", "other", Map.of("app", "frontend", "product", "storefront"), "Running"));
		drainRecordedRequests();
	}

	@Test
	void killsOneRunningStorefrontPodPerRound() {
		Choice choice = this.randomizer.runRound();

		assertThat(choice).isInstanceOf(Victim.class);
		String victim = ((Victim) choice).candidate().name();
		assertThat(victim).isIn("frontend-1", "catalogservice-1", "cartservice-1");
		assertThat(((Victim) choice).outOf()).isEqualTo(3);
		assertThat(podNames(NAMESPACE)).hasSize(5).doesNotContain(victim);
	}

	@Test
	void neverTouchesPodsWithoutTheLabelOrInAnotherNamespaceAndSaysWhyItSkips() {
		Set<String> killed = new HashSet<>();
		for (int round = 0; round < 3; round++) {
			killed.add(((Victim) this.randomizer.runRound()).candidate().name());
		}

		Choice last = this.randomizer.runRound();

		assertThat(killed).containsExactlyInAnyOrder("frontend-1", "catalogservice-1", "cartservice-1");
		assertThat(last).isEqualTo(new Skip("none of the 1 candidates may be killed now (1 Pending)"));
		assertThat(podNames(NAMESPACE)).containsExactlyInAnyOrder("orderservice-1", "loadgen-1", "randomizer-1");
		assertThat(podNames("other")).containsExactly("frontend-1");
	}

	@Test
	void skipsAnEmptyNamespace() {
		PodRandomizer elsewhere = new PodRandomizer(client, "empty", new VictimPicker(new SplittableRandom(1)));

		assertThat(elsewhere.runRound()).isEqualTo(new Skip("no candidates"));
	}

	@Test
	void skipsPodsAlreadyTerminating() {
		// a finalizer keeps a deleted pod around, terminating, as a slow shutdown does
		Pod leaving = pod("imageservice-1", "shop", Map.of("app", "imageservice", "product", "storefront"), "Running");
		leaving.getMetadata().setFinalizers(List.of("example.com/slow-shutdown"));
		create(leaving);
		client.resource(leaving).delete();
		PodRandomizer inShop = new PodRandomizer(client, "shop", new VictimPicker(new SplittableRandom(1)));

		assertThat(inShop.runRound()).isEqualTo(new Skip("none of the 1 candidates may be killed now (1 Terminating)"));
	}

	@Test
	void needsNoMoreThanItsRoleGrants() throws Exception {
		this.randomizer.runRound();
		this.randomizer.runRound();

		Set<String> verbs = new HashSet<>();
		for (RecordedRequest request : drainRecordedRequests()) {
			String path = request.getPath();
			assertThat(path).startsWith("/api/v1/namespaces/" + NAMESPACE + "/pods");
			boolean collection = path.split("\\?")[0].endsWith("/pods");
			verbs.add(switch (request.getMethod()) {
				case "GET" -> collection ? "list" : "get";
				case "DELETE" -> collection ? "deletecollection" : "delete";
				default -> request.getMethod();
			});
		}

		Role role = roleFrom(Path.of("..", "deploy", "eks", "randomizer.yaml"));
		assertThat(role.getMetadata().getNamespace()).isEqualTo(NAMESPACE);
		assertThat(role.getRules()).singleElement().satisfies((PolicyRule rule) -> {
			assertThat(rule.getApiGroups()).containsExactly("");
			assertThat(rule.getResources()).containsExactly("pods");
			assertThat(rule.getVerbs()).containsExactlyInAnyOrderElementsOf(verbs);
		});
		assertThat(verbs).containsExactlyInAnyOrder("list", "delete");
	}

	private Role roleFrom(Path manifest) throws IOException {
		try (InputStream in = Files.newInputStream(manifest)) {
			List<HasMetadata> objects = client.getKubernetesSerialization().unmarshal(in);
			return objects.stream().filter(Role.class::isInstance).map(Role.class::cast).reduce((a, b) -> {
				throw new AssertionError("more than one Role in " + manifest);
			}).orElseThrow(() -> new AssertionError("no Role in " + manifest));
		}
	}

	private List<String> podNames(String namespace) {
		return client.pods()
			.inNamespace(namespace)
			.list()
			.getItems()
			.stream()
			.map((pod) -> pod.getMetadata().getName())
			.toList();
	}

	private void create(Pod pod) {
		client.resource(pod).create();
	}

	private List<RecordedRequest> drainRecordedRequests() throws InterruptedException {
		List<RecordedRequest> requests = new ArrayList<>();
		RecordedRequest request;
		while ((request = server.takeRequest(10, TimeUnit.MILLISECONDS)) != null) {
			requests.add(request);
		}
		return requests;
	}

	private static Pod pod(String name, String namespace, Map<String, String> labels, String phase) {
		return new PodBuilder().withNewMetadata()
			.withName(name)
			.withNamespace(namespace)
			.withLabels(labels)
			.endMetadata()
			.withNewSpec()
			.addNewContainer()
			.withName("main")
			.withImage("example/" + name)
			.endContainer()
			.endSpec()
			.withNewStatus()
			.withPhase(phase)
			.endStatus()
			.build();
	}

}
