package com.anycompany.shop.deploy;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The commands of deploy/README.md name files and objects that exist. */
class DeployReadmeTests {

	@Test
	void everyFileAKubectlCommandAppliesExists() {
		Matcher command = Pattern.compile("kubectl (?:apply|delete) -[fk] ([^\\s`);]+)").matcher(DeployReadme.text());
		List<String> paths = new ArrayList<>();
		while (command.find()) {
			paths.add(command.group(1));
		}

		assertThat(paths).contains("deploy/tracing/", "deploy/", "deploy/eks/randomizer.yaml", "deploy/overlays/local")
			.allSatisfy((path) -> assertThat(Files.exists(Repository.ROOT.resolve(path))).as(path).isTrue());
	}

	@Test
	void thePreBuiltContainersStepSwitchesTracingOnTheSixServices() {
		String readme = DeployReadme.text();
		Matcher setEnv = Pattern
			.compile("kubectl set env deployment --selector (\\S+)=(\\S+) SHOP_TRACING_ENABLED=(true|false) -n (\\S+)")
			.matcher(readme);
		List<String> values = new ArrayList<>();
		while (setEnv.find()) {
			values.add(setEnv.group(3));
			String label = setEnv.group(1);
			String value = setEnv.group(2);
			// the selector picks exactly the six services, not the load generator or the
			// chaos
			assertThat(Manifests.ofKind(io.fabric8.kubernetes.api.model.apps.Deployment.class)
				.stream()
				.filter((deployment) -> value
					.equals(deployment.getSpec().getTemplate().getMetadata().getLabels().get(label)))
				.map((deployment) -> deployment.getMetadata().getName()))
				.containsExactlyInAnyOrderElementsOf(Manifests.storefront()
					.stream()
					.map((deployment) -> deployment.getMetadata().getName())
					.toList());
			assertThat(setEnv.group(4)).isEqualTo(Manifests.NAMESPACE);
		}
		assertThat(values).containsExactly("false", "true");
		assertThat(Manifests.configMap(Manifests.NAMESPACE, "shop-config").getData())
			.containsKey("SHOP_TRACING_ENABLED");
		// the 2018 images the page names would replace ours
		assertThat(readme).contains("Do not run the page's `kubectl set image … ckassen/$n:xray` loop");
	}

}
