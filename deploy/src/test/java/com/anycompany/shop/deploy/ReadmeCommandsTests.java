package com.anycompany.shop.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code kubectl} commands of deploy/README.md (and of the OpenTelemetry component's
 * README) against the objects they act on, in every variant: the namespace, the kind and
 * name (or label selector), and the container of a {@code set image}. A command that
 * names nothing would do nothing, or fail, on the cluster; here it fails the build.
 */
class ReadmeCommandsTests {

	/** kubectl's short kind names as the README writes them. */
	private static final Map<String, String> KINDS = Map.of("deployment", "Deployment", "service", "Service", "pods",
			"Pod", "pod", "Pod", "pdb", "PodDisruptionBudget", "ds", "DaemonSet", "daemonset", "DaemonSet", "configmap",
			"ConfigMap", "serviceaccount", "ServiceAccount");

	@Test
	void everyKubectlCommandNamesObjectsThatExist() {
		List<String> commands = kubectlCommands();
		assertThat(commands).hasSizeGreaterThan(10);
		List<String> checked = new ArrayList<>();
		for (String command : commands) {
			String namespace = option(command, "-n");
			String selector = option(command, "-l") != null ? option(command, "-l") : option(command, "--selector");
			Matcher named = Pattern.compile("\\b(deployment|service|ds|daemonset|pdb|configmap)/([a-z0-9-]+)")
				.matcher(command);
			Matcher plain = Pattern
				.compile("^kubectl (?:get|patch|delete|wait|rollout \\w+|set \\w+|logs(?: -f)?) "
						+ "(deployment|service|pods|pod|pdb|ds|daemonset)(?:,[a-z,]+)? ([a-z0-9-]+)?")
				.matcher(command);
			if (named.find()) {
				String kind = KINDS.get(named.group(1));
				String name = named.group(2);
				assertThat(objects(kind, namespace)).as("%s: a %s %s in %s", command, kind, name, namespace)
					.anyMatch((object) -> object.getMetadata().getName().equals(name));
				setImage(command, name);
				checked.add(command);
			}
			else if (plain.find() && (selector != null || plain.group(2) != null)) {
				String kind = KINDS.get(plain.group(1));
				if (selector != null) {
					assertThat(selected(kind, namespace, selector)).as("%s: %s selected", command, kind).isNotEmpty();
				}
				else if (!plain.group(2).startsWith("-")) {
					assertThat(objects(kind, namespace)).as("%s", command)
						.anyMatch((object) -> object.getMetadata().getName().equals(plain.group(2)));
				}
				checked.add(command);
			}
		}
		assertThat(checked).as("commands checked").hasSizeGreaterThan(8);
	}

	/**
	 * The way back from the page's "pre-built containers" loop: undoes exactly the six
	 * services' rollouts, with a flag this kubectl knows.
	 */
	@Test
	void theWayBackFromThePagesImagesUndoesExactlyTheSixServices() throws Exception {
		List<String> undo = kubectlCommands().stream()
			.filter((command) -> command.startsWith("kubectl rollout undo"))
			.toList();
		assertThat(undo).as("a kubectl rollout undo in deploy/README.md").isNotEmpty();
		for (String command : undo) {
			assertThat(command).startsWith("kubectl rollout undo deployment ");
			String selector = option(command, "-l");
			assertThat(selector).as(command).isNotNull();
			assertThat(option(command, "-n")).isEqualTo(Manifests.NAMESPACE);
			for (Variants variant : Variants.all()) {
				// rollout undo selects Deployments by their own labels
				assertThat(variant.ofKind(Deployment.class)
					.stream()
					.filter((deployment) -> matches(deployment.getMetadata().getLabels(), selector))
					.map((deployment) -> deployment.getMetadata().getName()))
					.as("%s in %s", command, variant)
					.containsExactlyInAnyOrderElementsOf(variant.storefront()
						.stream()
						.map((deployment) -> deployment.getMetadata().getName())
						.toList());
			}
		}
		Processes.Result help = Processes.run(
				List.of(Processes.onPath("kubectl").orElseThrow().toString(), "rollout", "undo", "--help"),
				Path.of(System.getProperty("java.io.tmpdir")), Map.of("KUBECONFIG", "/dev/null"), 30);
		assertThat(help.stdout()).contains("-l, --selector");
		assertThat(DeployReadme.text()).as("what the page's images really do")
			.contains("rollout")
			.contains("stalls")
			.doesNotContain("restart without end");
	}

	/** {@code kubectl set image deployment/NAME CONTAINER=...}: the container exists. */
	private static void setImage(String command, String deployment) {
		Matcher setImage = Pattern.compile("^kubectl set image deployment/[a-z0-9-]+ ([a-z0-9-]+)=").matcher(command);
		if (setImage.find()) {
			for (Variants variant : Variants.all()) {
				variant.find(Deployment.class, Manifests.NAMESPACE, deployment)
					.ifPresent((found) -> assertThat(found.getSpec().getTemplate().getSpec().getContainers())
						.extracting(Container::getName)
						.as("%s in %s", command, variant)
						.contains(setImage.group(1)));
			}
		}
	}

	/**
	 * Every {@code kubectl} command of deploy/README.md and the OpenTelemetry
	 * component's, in code blocks (continuation lines joined) or quoted in the prose.
	 */
	static List<String> kubectlCommands() {
		List<String> commands = new ArrayList<>();
		boolean code = false;
		String[] lines = (DeployReadme.text() + "\n"
				+ Repository.read(Repository.DEPLOY.resolve("components/opentelemetry/README.md")))
			.split("\n");
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i].strip();
			if (line.startsWith("```")) {
				code = !code;
				continue;
			}
			if (!code) {
				// commands quoted in the prose count too
				Matcher inline = Pattern.compile("`(kubectl [^`]+)`").matcher(line);
				while (inline.find()) {
					commands.add(inline.group(1));
				}
				continue;
			}
			if (line.startsWith("kubectl ")) {
				StringBuilder command = new StringBuilder();
				while (line.endsWith("\\") && i + 1 < lines.length) {
					command.append(line, 0, line.length() - 1).append(' ');
					line = lines[++i].strip();
				}
				commands.add(command.append(line).toString().replaceAll("\\s+#.*$", ""));
			}
		}
		return commands;
	}

	private static String option(String command, String name) {
		Matcher matcher = Pattern.compile("(?:^|\\s)" + Pattern.quote(name) + "(?:=|\\s+)(\\S+)").matcher(command);
		return matcher.find() ? matcher.group(1) : null;
	}

	/**
	 * Objects of a kind in a namespace, in any variant; pods are the workloads'
	 * templates.
	 */
	private static List<HasMetadata> objects(String kind, String namespace) {
		List<HasMetadata> found = new ArrayList<>();
		for (Variants variant : Variants.all()) {
			for (HasMetadata object : variant.objects()) {
				if (object.getKind().equals(kind)
						&& (namespace == null || namespace.equals(object.getMetadata().getNamespace()))) {
					found.add(object);
				}
			}
		}
		return found;
	}

	/**
	 * What a label selector picks: for pods, the workloads whose pods carry the labels.
	 */
	private static List<String> selected(String kind, String namespace, String selector) {
		List<String> found = new ArrayList<>();
		for (Variants variant : Variants.all()) {
			if (kind.equals("Pod")) {
				variant.workloads()
					.stream()
					.filter((workload) -> namespace == null || workload.namespace().equals(namespace))
					.filter((workload) -> matches(workload.podLabels(), selector))
					.forEach((workload) -> found.add(variant + ": " + workload));
			}
			else {
				variant.objects()
					.stream()
					.filter((object) -> object.getKind().equals(kind))
					.filter((object) -> namespace == null || namespace.equals(object.getMetadata().getNamespace()))
					.filter((object) -> matches(object.getMetadata().getLabels(), selector))
					.forEach((object) -> found.add(variant + ": " + object.getMetadata().getName()));
			}
		}
		return found;
	}

	/** Equality selectors only ({@code a=b,c=d}); anything else fails here. */
	static boolean matches(Map<String, String> labels, String selector) {
		Map<String, String> wanted = new LinkedHashMap<>();
		for (String term : selector.split(",")) {
			String[] pair = term.split("=");
			assertThat(pair).as("an equality selector: %s", selector).hasSize(2);
			wanted.put(pair[0], pair[1]);
		}
		return labels != null && labels.entrySet().containsAll(Set.copyOf(wanted.entrySet()));
	}

}
