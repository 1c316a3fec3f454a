package com.anycompany.shop.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code deploy/components/opentelemetry}: the shop rendered by {@code kubectl kustomize}
 * with the component added to {@code deploy/kustomization.yaml}, as the component's
 * README says, and parsed with fabric8: an OpenTelemetry collector DaemonSet in place of
 * the X-Ray daemon, and every storefront service on the OpenTelemetry Java agent with the
 * X-Ray SDK switched off.
 */
class OpenTelemetryComponentTests {

	private static final YAMLMapper yaml = YAMLMapper.builder().build();

	@TempDir
	Path temp;

	private List<HasMetadata> rendered;

	@BeforeEach
	void render() throws Exception {
		Optional<Path> kubectl = Processes.onPath("kubectl");
		assumeTrue(kubectl.isPresent(), "kubectl is not installed: the OpenTelemetry component is not rendered");
		Path copy = copyOfDeploy();
		Files.writeString(copy.resolve("kustomization.yaml"), "\ncomponents:\n  - components/opentelemetry\n",
				java.nio.file.StandardOpenOption.APPEND);
		Path kubeconfig = Files.writeString(this.temp.resolve("kubeconfig"), "");
		Processes.Result result = Processes.run(List.of(kubectl.get().toString(), "kustomize", copy.toString()),
				this.temp, Map.of("KUBECONFIG", kubeconfig.toString()), 120);
		assertThat(result.exitCode()).as("kubectl kustomize: %s", result.stderr()).isZero();
		this.rendered = Manifests.parse(result.stdout(), "kubectl kustomize with components/opentelemetry");
	}

	@Test
	void theCollectorTakesTheDaemonsPlaceAndExportsBothKindsToXRay() {
		assertThat(this.rendered).noneMatch((object) -> object.getMetadata().getName().startsWith("xray-daemon"));
		DaemonSet collector = one(DaemonSet.class, "otel-collector");
		assertThat(collector.getMetadata().getNamespace()).isEqualTo("kube-system");
		Container container = collector.getSpec().getTemplate().getSpec().getContainers().get(0);
		assertThat(container.getImage()).matches("otel/opentelemetry-collector-contrib:\\d+\\.\\d+\\.\\d+");
		assertThat(container.getPorts()).extracting((port) -> port.getHostPort() + "/" + port.getProtocol())
			.containsExactlyInAnyOrder("2000/UDP", "2000/TCP", "4317/TCP", "4318/TCP");
		assertThat(container.getPorts()).allMatch((port) -> port.getHostPort().equals(port.getContainerPort()));
		assertRestricted(collector.getSpec().getTemplate().getSpec(), container);

		JsonNode config = yaml.readTree(one(ConfigMap.class, "otel-collector-config").getData().get("collector.yaml"));
		JsonNode traces = config.at("/service/pipelines/traces");
		assertThat(values(traces.get("receivers"))).containsExactly("otlp", "awsxray");
		assertThat(values(traces.get("exporters"))).containsExactly("awsxray");
		assertThat(config.at("/receivers/awsxray/endpoint").asString()).isEqualTo("0.0.0.0:2000");
		assertThat(config.at("/receivers/awsxray/transport").asString()).isEqualTo("udp");
		assertThat(config.at("/receivers/awsxray/proxy_server/endpoint").asString()).isEqualTo("0.0.0.0:2000");
		assertThat(config.at("/receivers/otlp/protocols/http/endpoint").asString()).isEqualTo("0.0.0.0:4318");
		// every component the pipeline names is defined
		for (String section : List.of("receivers", "processors", "exporters")) {
			assertThat(values(traces.get(section)))
				.allSatisfy((name) -> assertThat(config.get(section).has(name)).as("%s.%s", section, name).isTrue());
		}
		String probePort = String.valueOf(container.getLivenessProbe().getHttpGet().getPort().getIntVal());
		assertThat(config.at("/extensions/health_check/endpoint").asString()).endsWith(":" + probePort);
	}

	@Test
	void everyStorefrontServiceRunsTheAgentWithTheSdkSwitchedOff() {
		List<Deployment> storefront = this.rendered.stream()
			.filter(Deployment.class::isInstance)
			.map(Deployment.class::cast)
			.filter((d) -> "storefront".equals(d.getMetadata().getLabels().get("product")))
			.toList();
		assertThat(storefront).hasSize(6);
		for (Deployment deployment : storefront) {
			PodSpec pod = deployment.getSpec().getTemplate().getSpec();
			Container service = pod.getContainers().get(0);
			List<String> env = service.getEnv().stream().map(EnvVar::getName).toList();
			Map<String, EnvVar> byName = service.getEnv().stream().collect(Collectors.toMap(EnvVar::getName, (e) -> e));

			assertThat(byName.get("SHOP_TRACING_ENABLED").getValue()).isEqualTo("false");
			assertThat(byName.get("JAVA_TOOL_OPTIONS").getValue()).contains("-javaagent:/otel/javaagent.jar")
				.contains("-Dotel.experimental.config.file=/otel-config/agent.yaml");
			assertThat(byName.get("OTEL_SERVICE_NAME").getValueFrom().getFieldRef().getFieldPath())
				.isEqualTo("metadata.labels['app']");
			assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels().get("app"))
				.isEqualTo(deployment.getMetadata().getName());
			assertThat(byName.get("OTEL_EXPORTER_OTLP_ENDPOINT").getValue()).isEqualTo("http://$(HOST_IP):4318");
			// $(HOST_IP) is only expanded from variables defined before it
			assertThat(env.indexOf("HOST_IP")).isNotNegative().isLessThan(env.indexOf("OTEL_EXPORTER_OTLP_ENDPOINT"));
			assertThat(byName.get("OTEL_PROPAGATORS").getValue()).contains("xray").contains("tracecontext");
			assertThat(byName.get("HOST_IP").getValueFrom().getFieldRef().getFieldPath()).isEqualTo("status.hostIP");

			Container init = pod.getInitContainers().get(0);
			assertThat(init.getImage())
				.isEqualTo("ghcr.io/open-telemetry/opentelemetry-operator/autoinstrumentation-java:" + agentVersion());
			assertThat(init.getCommand()).containsExactly("cp", "/javaagent.jar", "/otel/javaagent.jar");
			assertRestricted(pod, init);
			assertThat(init.getVolumeMounts())
				.anyMatch((m) -> m.getName().equals("otel-agent") && m.getMountPath().equals("/otel"));
			assertThat(service.getVolumeMounts()).anyMatch((m) -> m.getName().equals("otel-agent")
					&& m.getMountPath().equals("/otel") && Boolean.TRUE.equals(m.getReadOnly()));
			assertThat(service.getVolumeMounts())
				.anyMatch((m) -> m.getName().equals("otel-agent-config") && m.getMountPath().equals("/otel-config"));
			assertThat(pod.getVolumes()).anyMatch((v) -> v.getName().equals("otel-agent") && v.getEmptyDir() != null);
			assertThat(pod.getVolumes()).anyMatch((v) -> v.getName().equals("otel-agent-config")
					&& v.getConfigMap().getName().equals("otel-agent-config"));
			assertThat(service.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
		}
		// the load generator is no storefront service: untouched
		Deployment loadgen = one(Deployment.class, "loadgen");
		assertThat(loadgen.getSpec().getTemplate().getSpec().getInitContainers()).isNullOrEmpty();
	}

	@Test
	void theAgentsConfigurationIsTheLocalShopsWithoutThePeerMapping() {
		ConfigMap agent = one(ConfigMap.class, "otel-agent-config");
		assertThat(agent.getMetadata().getNamespace()).isEqualTo(Manifests.NAMESPACE);
		JsonNode cluster = yaml.readTree(agent.getData().get("agent.yaml"));
		JsonNode local = yaml
			.readTree(Repository.read(Repository.ROOT.resolve("launcher/src/main/resources/otel/agent-config.yaml")));
		assertThat(cluster.get("file_format")).isEqualTo(local.get("file_format"));
		assertThat(cluster.at("/tracer_provider/sampler")).isEqualTo(local.at("/tracer_provider/sampler"));
		assertThat(cluster.at("/propagator")).isEqualTo(local.at("/propagator"));
		assertThat(cluster.at("/tracer_provider/processors/0/batch/exporter"))
			.isEqualTo(local.at("/tracer_provider/processors/0/batch/exporter"));
		// no resource detector: nothing asks instance metadata from the pods either
		assertThat(cluster.at("/resource/detection/development").isMissingNode()).isTrue();
		assertThat(cluster.at("/instrumentation/development").isMissingNode()).isTrue();
	}

	private static void assertRestricted(PodSpec pod, Container container) {
		assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
		assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
		assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
		assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
		assertThat(container.getResources().getLimits()).containsKey("memory");
	}

	/** The agent version the Maven build fetches for the local shop (root pom). */
	private static String agentVersion() {
		Matcher version = Pattern.compile("<opentelemetry-javaagent.version>([^<]+)<")
			.matcher(Repository.read(Repository.ROOT.resolve("pom.xml")));
		assertThat(version.find()).isTrue();
		return version.group(1);
	}

	private <T extends HasMetadata> T one(Class<T> kind, String name) {
		List<T> found = this.rendered.stream()
			.filter(kind::isInstance)
			.map(kind::cast)
			.filter((object) -> object.getMetadata().getName().equals(name))
			.toList();
		assertThat(found).as("%s %s", kind.getSimpleName(), name).hasSize(1);
		return found.get(0);
	}

	private static List<String> values(JsonNode array) {
		List<String> values = new ArrayList<>();
		array.forEach((value) -> values.add(value.asString()));
		return values;
	}

	private Path copyOfDeploy() throws IOException {
		Path copy = this.temp.resolve("deploy");
		try (Stream<Path> files = Files.walk(Repository.DEPLOY)) {
			for (Path file : files.toList()) {
				Path relative = Repository.DEPLOY.relativize(file);
				if (relative.startsWith("src") || relative.startsWith("target")) {
					continue;
				}
				if (Files.isDirectory(file)) {
					Files.createDirectories(copy.resolve(relative.toString()));
				}
				else {
					Files.copy(file, copy.resolve(relative.toString()));
				}
			}
		}
		return copy;
	}

}
