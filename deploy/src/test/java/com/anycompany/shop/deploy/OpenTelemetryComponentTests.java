package com.anycompany.shop.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code deploy/overlays/opentelemetry} (the EKS base with
 * {@code components/opentelemetry}) as {@code kubectl kustomize} renders it: an
 * OpenTelemetry collector DaemonSet in place of the X-Ray daemon, exporting the way AWS
 * now documents (OTLP/HTTP with SigV4 to X-Ray's OTLP endpoint), and every storefront
 * service on the OpenTelemetry Java agent. The collector's configuration is read as the
 * collector reads it (its files merged in the order of its {@code --config} arguments)
 * and against what opentelemetry-collector-contrib's source accepts.
 */
class OpenTelemetryComponentTests {

	private static final YAMLMapper yaml = YAMLMapper.builder().build();

	/**
	 * The configuration keys each component used here has, from its {@code Config}
	 * struct's {@code mapstructure} tags in opentelemetry-collector-contrib (and the
	 * collector core for otlp, otlphttp, batch, memory_limiter): a misspelt or invented
	 * key makes the collector refuse to start.
	 */
	private static final Map<String, Set<String>> KEYS = Map.ofEntries(Map.entry("receivers/otlp", Set.of("protocols")),
			// receiver/awsxrayreceiver/config.go: confignet.AddrConfig (endpoint,
			// transport), proxy_server
			Map.entry("receivers/awsxray", Set.of("endpoint", "transport", "proxy_server")),
			// internal/aws/proxy/cfg.go
			Map.entry("receivers/awsxray/proxy_server",
					Set.of("endpoint", "proxy_address", "tls", "region", "role_arn", "aws_endpoint", "local_mode",
							"service_name")),
			Map.entry("extensions/awsproxy",
					Set.of("endpoint", "proxy_address", "tls", "region", "role_arn", "aws_endpoint", "local_mode",
							"service_name")),
			// extension/sigv4authextension/config.go
			Map.entry("extensions/sigv4auth", Set.of("region", "service", "assume_role")),
			Map.entry("extensions/health_check", Set.of("endpoint", "path")),
			Map.entry("exporters/otlphttp",
					Set.of("endpoint", "traces_endpoint", "encoding", "compression", "auth", "headers", "timeout",
							"tls", "retry_on_failure", "sending_queue")),
			Map.entry("exporters/awsxray",
					Set.of("region", "indexed_attributes", "index_all_attributes", "endpoint", "role_arn", "local_mode",
							"num_workers")),
			Map.entry("processors/memory_limiter",
					Set.of("check_interval", "limit_percentage", "spike_limit_percentage", "limit_mib",
							"spike_limit_mib")),
			Map.entry("processors/batch", Set.of("timeout", "send_batch_size", "send_batch_max_size")),
			Map.entry("processors/resourcedetection", Set.of("detectors", "timeout", "override")));

	/**
	 * What each resource detector needs when the processor is created or run, read in its
	 * source (processor/resourcedetectionprocessor/internal/...): eks builds a Kubernetes
	 * client from the in-cluster config in NewDetector (the collector exits when it
	 * cannot) and then asks the instance metadata (or ec2:DescribeInstances); ec2 the
	 * instance metadata; env and system nothing.
	 */
	private static final Map<String, Set<String>> DETECTOR_NEEDS = Map.of("env", Set.of(), "system", Set.of(), "eks",
			Set.of("kubernetes-api", "instance-metadata"), "ec2", Set.of("instance-metadata"), "k8snode",
			Set.of("kubernetes-api"));

	@TempDir
	Path temp;

	private final Variants otel = Variants.named("opentelemetry");

	@Test
	void theCollectorStartsItsDetectorsNeedNothingThePodCannotReach() {
		DaemonSet collector = this.otel.named(DaemonSet.class, "kube-system", "otel-collector");
		PodSpec pod = collector.getSpec().getTemplate().getSpec();
		ServiceAccount account = this.otel.named(ServiceAccount.class, "kube-system", pod.getServiceAccountName());
		boolean token = !Boolean.FALSE.equals((pod.getAutomountServiceAccountToken() != null)
				? pod.getAutomountServiceAccountToken() : account.getAutomountServiceAccountToken());
		// hop limit 1 (deploy/README.md): only a pod in the node's network reaches it
		boolean instanceMetadata = Boolean.TRUE.equals(pod.getHostNetwork());

		JsonNode config = merged(collector);
		List<String> detectors = values(config.at("/processors/resourcedetection/detectors"));
		assertThat(detectors).isNotEmpty();
		for (String detector : detectors) {
			assertThat(DETECTOR_NEEDS).as("a detector this test knows").containsKey(detector);
			if (DETECTOR_NEEDS.get(detector).contains("kubernetes-api")) {
				assertThat(token).as("detector %s needs the service-account token", detector).isTrue();
			}
			if (DETECTOR_NEEDS.get(detector).contains("instance-metadata")) {
				assertThat(instanceMetadata).as("detector %s needs the instance metadata (hop limit 1)", detector)
					.isTrue();
			}
		}
		// what the eks detector would have given, from the environment instead
		Map<String, EnvVar> env = env(collector.getSpec().getTemplate().getSpec().getContainers().get(0));
		assertThat(detectors).contains("env");
		assertThat(env.get("OTEL_RESOURCE_ATTRIBUTES").getValue()).contains("cloud.platform=aws_eks")
			.contains("cloud.provider=aws")
			.contains("cloud.region=$(AWS_REGION)");
		List<String> names = new ArrayList<>(env.keySet());
		assertThat(names.indexOf("AWS_REGION")).isLessThan(names.indexOf("OTEL_RESOURCE_ATTRIBUTES"));
		// and nothing else reaches for the instance metadata: the proxies have their
		// region
		for (String proxy : List.of("/extensions/awsproxy", "/receivers/awsxray/proxy_server")) {
			assertThat(config.at(proxy + "/region").asString()).as(proxy).isEqualTo("${env:AWS_REGION}");
			assertThat(config.at(proxy + "/local_mode").asBoolean()).as(proxy).isTrue();
		}
	}

	@Test
	void itExportsOtlpSignedWithSigV4ToTheRegionsXRayEndpoint() {
		DaemonSet collector = this.otel.named(DaemonSet.class, "kube-system", "otel-collector");
		JsonNode config = merged(collector);
		assertEveryComponentIsDefinedWithKnownKeys(config);

		assertThat(values(config.at("/service/pipelines/traces/receivers"))).containsExactly("otlp", "awsxray");
		assertThat(values(config.at("/service/pipelines/traces/exporters"))).containsExactly("otlphttp/xray");
		JsonNode exporter = config.at("/exporters/otlphttp~1xray");
		assertThat(exporter.get("traces_endpoint").asString())
			.isEqualTo("https://xray.${env:AWS_REGION}.amazonaws.com/v1/traces");
		assertThat(exporter.at("/auth/authenticator").asString()).isEqualTo("sigv4auth");
		assertThat(exporter.get("compression").asString()).isIn("gzip", "none");
		assertThat(config.at("/extensions/sigv4auth/service").asString()).isEqualTo("xray");
		assertThat(config.at("/extensions/sigv4auth/region").asString()).isEqualTo("${env:AWS_REGION}");
		assertThat(values(config.at("/service/extensions"))).contains("sigv4auth", "awsproxy", "health_check");
		// X-Ray's limits per request: 10,000 spans
		assertThat(config.at("/processors/batch/send_batch_max_size").asInt()).isBetween(1, 10000);

		// the region is the stack's: a ConfigMap the component's README makes from its
		// output
		EnvVar region = env(collector.getSpec().getTemplate().getSpec().getContainers().get(0)).get("AWS_REGION");
		String configMap = region.getValueFrom().getConfigMapKeyRef().getName();
		Matcher create = Pattern
			.compile("kubectl create configmap " + configMap
					+ " -n kube-system((?: \\\\\\s+--from-literal=[^\\n\\\\]*[^\\s\\\\])+)")
			.matcher(componentReadme());
		assertThat(create.find()).as("the README's kubectl create configmap %s", configMap).isTrue();
		assertThat(create.group(1)).contains("--from-literal=AWS_REGION=$(stack_output ShopRegion)");
		for (EnvVar variable : collector.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()) {
			if (variable.getValueFrom() != null && variable.getValueFrom().getConfigMapKeyRef() != null) {
				assertThat(variable.getValueFrom().getConfigMapKeyRef().getName()).isEqualTo(configMap);
				assertThat(create.group(1))
					.contains("--from-literal=" + variable.getValueFrom().getConfigMapKeyRef().getKey() + "=");
			}
		}
		assertThat(Repository.read(Repository.DEPLOY.resolve("aws/shop-tables.yaml"))).contains("  ShopRegion:");
	}

	@Test
	void withoutTransactionSearchTheAwsxrayExporterIsOneComponentAway() throws IOException, InterruptedException {
		Path overlay = Files.createDirectories(this.temp.resolve("deploy/overlays/otel-awsxray"));
		copyDeploy();
		Files.writeString(overlay.resolve("kustomization.yaml"), """
				apiVersion: kustomize.config.k8s.io/v1beta1
				kind: Kustomization
				resources:
				  - ../../base
				components:
				  - ../../components/opentelemetry
				  - ../../components/opentelemetry-awsxray
				""");
		List<HasMetadata> rendered = Manifests.parse(Variants.kustomize(overlay), "opentelemetry + awsxray");
		DaemonSet collector = rendered.stream()
			.filter(DaemonSet.class::isInstance)
			.map(DaemonSet.class::cast)
			.findFirst()
			.orElseThrow();
		JsonNode config = merged(collector, rendered);
		assertEveryComponentIsDefinedWithKnownKeys(config);
		assertThat(values(config.at("/service/pipelines/traces/exporters"))).containsExactly("awsxray");
		assertThat(config.at("/exporters/awsxray/region").asString()).isEqualTo("${env:AWS_REGION}");
		assertThat(values(config.at("/exporters/awsxray/indexed_attributes"))).contains("ProductID", "OrderID",
				"UserID");
		assertThat(values(config.at("/service/extensions"))).contains("awsproxy").doesNotContain("sigv4auth");
	}

	/**
	 * The SDK services send to {@code xray-daemon.kube-system:2000} (shop-config): in
	 * this variant that name is the collector's, segments on UDP and sampling on TCP, and
	 * the README's command that removes the daemon leaves it.
	 */
	@Test
	void servicesStillOnTheSdkKeepSendingWhileTheDaemonIsRemoved() {
		String address = this.otel.configMap(Manifests.NAMESPACE, "shop-config")
			.getData()
			.get("AWS_XRAY_DAEMON_ADDRESS");
		Matcher name = Pattern.compile("([a-z0-9-]+)\\.([a-z0-9-]+):(\\d+)").matcher(address);
		assertThat(name.matches()).as(address).isTrue();
		Service service = this.otel.service(name.group(2), name.group(1));
		DaemonSet collector = this.otel.named(DaemonSet.class, "kube-system", "otel-collector");
		assertThat(collector.getSpec().getTemplate().getMetadata().getLabels())
			.containsAllEntriesOf(service.getSpec().getSelector());
		assertThat(service.getSpec().getPorts()).extracting((port) -> port.getPort() + "/" + port.getProtocol())
			.contains(name.group(3) + "/UDP", name.group(3) + "/TCP");
		assertThat(service.getSpec().getInternalTrafficPolicy()).isEqualTo("Local");
		JsonNode config = merged(collector);
		assertThat(config.at("/receivers/awsxray/endpoint").asString()).isEqualTo("0.0.0.0:" + name.group(3));
		assertThat(config.at("/receivers/awsxray/transport").asString()).isEqualTo("udp");
		assertThat(config.at("/extensions/awsproxy/endpoint").asString()).isEqualTo("0.0.0.0:" + name.group(3));
		assertThat(values(config.at("/service/extensions"))).contains("awsproxy");

		// kubectl delete KINDS -l SELECTOR -n kube-system: the daemon's objects, not the
		// Service
		Matcher delete = Pattern.compile("kubectl delete ([a-z,]+) -l (\\S+) -n kube-system")
			.matcher(componentReadme());
		assertThat(delete.find()).as("the README removes the daemon by label").isTrue();
		List<String> kinds = List.of(delete.group(1).split(","));
		assertThat(kinds).doesNotContain("service", "svc", "services");
		Map<String, String> selector = Map.of(delete.group(2).split("=")[0], delete.group(2).split("=")[1]);
		List<HasMetadata> daemon = Manifests.byFile().get(Path.of("deploy/tracing/xray-daemon.yaml"));
		assertThat(daemon.stream().filter((object) -> !(object instanceof Service))).allSatisfy((object) -> {
			assertThat(kinds).contains(object.getKind().toLowerCase());
			assertThat(object.getMetadata().getLabels()).containsAllEntriesOf(selector);
		});
		assertThat(this.otel.objects())
			.filteredOn((object) -> object.getMetadata().getNamespace() != null
					&& object.getMetadata().getNamespace().equals("kube-system")
					&& kinds.contains(object.getKind().toLowerCase()))
			.as("the component's own objects the command would delete")
			.noneMatch((object) -> object.getMetadata().getLabels().entrySet().containsAll(selector.entrySet()));
		assertThat(service.getMetadata().getLabels().entrySet()).doesNotContainAnyElementsOf(selector.entrySet());
		assertThat(componentReadme()).doesNotContainPattern("(?m)^kubectl delete -f deploy/tracing");
	}

	@Test
	void theCollectorsCredentialsAreForItsOwnServiceAccountNotTheNodes() {
		DaemonSet collector = this.otel.named(DaemonSet.class, "kube-system", "otel-collector");
		String account = collector.getSpec().getTemplate().getSpec().getServiceAccountName();
		String readme = componentReadme();
		assertThat(readme)
			.contains("eksctl create podidentityassociation --cluster $CLUSTER --namespace kube-system \\\n"
					+ "  --service-account-name " + account + " ");
		assertThat(readme).contains(
				"eksctl create iamserviceaccount --cluster $CLUSTER --namespace kube-system --name " + account + " ");
		assertThat(readme).as("the node role is out of reach with hop limit 1")
			.doesNotContainPattern("(?i)give it\\s+to the node role");
		assertThat(Boolean.TRUE.equals(collector.getSpec().getTemplate().getSpec().getHostNetwork())).isFalse();
	}

	/**
	 * IPv6 clusters: the services reach the collector by a name, never a node address in
	 * a URL; the image is not a Docker Hub one (anonymous pull limits); and every path
	 * the component's files name exists.
	 */
	@Test
	void theAgentSendsByNameTheImageIsNotFromDockerHubAndThePathsItNamesExist() {
		for (Deployment deployment : this.otel.storefront()) {
			Map<String, EnvVar> env = env(deployment.getSpec().getTemplate().getSpec().getContainers().get(0));
			String endpoint = env.get("OTEL_EXPORTER_OTLP_ENDPOINT").getValue();
			Matcher url = Pattern.compile("http://([a-z0-9-]+)\\.([a-z0-9-]+):(\\d+)").matcher(endpoint);
			assertThat(url.matches())
				.as("%s: OTLP to a Service by name, not %s", deployment.getMetadata().getName(), endpoint)
				.isTrue();
			Service service = this.otel.service(url.group(2), url.group(1));
			assertThat(service.getSpec().getPorts())
				.anyMatch((port) -> port.getPort() == Integer.parseInt(url.group(3)));
			assertThat(service.getSpec().getInternalTrafficPolicy()).isEqualTo("Local");
			assertThat(service.getSpec().getIpFamilyPolicy()).isEqualTo("PreferDualStack");
			assertThat(env).doesNotContainKey("HOST_IP");
		}
		DaemonSet collector = this.otel.named(DaemonSet.class, "kube-system", "otel-collector");
		String image = collector.getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
		String registry = image.split("/")[0];
		assertThat(registry).as("%s: a registry host, not a Docker Hub name", image)
			.contains(".")
			.isNotEqualTo("docker.io");
		assertThat(collector.getSpec().getTemplate().getSpec().getContainers().get(0).getPorts())
			.as("no host ports: the Services reach the pods")
			.allMatch((port) -> port.getHostPort() == null);

		Path component = Repository.DEPLOY.resolve("components/opentelemetry");
		Matcher path = Pattern.compile("deploy/(?:overlays|components)/[a-z-]+")
			.matcher(Repository.read(component.resolve("kustomization.yaml"))
					+ Repository.read(component.resolve("README.md")));
		List<String> named = new ArrayList<>();
		while (path.find()) {
			named.add(path.group());
		}
		assertThat(named).contains("deploy/overlays/opentelemetry")
			.allSatisfy((each) -> assertThat(Repository.ROOT.resolve(each)).as(each).isDirectory());
	}

	@Test
	void everyStorefrontServiceRunsTheAgentWithTheSdkSwitchedOff() {
		List<Deployment> storefront = this.otel.storefront();
		assertThat(storefront).hasSize(6);
		for (Deployment deployment : storefront) {
			PodSpec pod = deployment.getSpec().getTemplate().getSpec();
			Container service = pod.getContainers().get(0);
			Map<String, EnvVar> byName = env(service);

			assertThat(byName.get("SHOP_TRACING_ENABLED").getValue()).isEqualTo("false");
			assertThat(byName.get("JAVA_TOOL_OPTIONS").getValue()).contains("-javaagent:/otel/javaagent.jar")
				.contains("-Dotel.experimental.config.file=/otel-config/agent.yaml");
			assertThat(byName.get("OTEL_SERVICE_NAME").getValueFrom().getFieldRef().getFieldPath())
				.isEqualTo("metadata.labels['app']");
			assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels().get("app"))
				.isEqualTo(deployment.getMetadata().getName());
			assertThat(byName.get("OTEL_PROPAGATORS").getValue()).contains("xray").contains("tracecontext");

			Container init = pod.getInitContainers().get(0);
			assertThat(init.getImage())
				.isEqualTo("ghcr.io/open-telemetry/opentelemetry-operator/autoinstrumentation-java:" + agentVersion());
			assertThat(init.getCommand()).containsExactly("cp", "/javaagent.jar", "/otel/javaagent.jar");
			assertThat(service.getVolumeMounts()).anyMatch((m) -> m.getName().equals("otel-agent")
					&& m.getMountPath().equals("/otel") && Boolean.TRUE.equals(m.getReadOnly()));
			assertThat(pod.getVolumes()).anyMatch((v) -> v.getName().equals("otel-agent-config")
					&& v.getConfigMap().getName().equals("otel-agent-config"));
		}
		Deployment loadgen = this.otel.named(Deployment.class, Manifests.NAMESPACE, "loadgen");
		assertThat(loadgen.getSpec().getTemplate().getSpec().getInitContainers()).isNullOrEmpty();
	}

	@Test
	void theAgentsConfigurationIsTheLocalShopsWithoutThePeerMapping() {
		ConfigMap agent = this.otel.configMap(Manifests.NAMESPACE, "otel-agent-config");
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
	}

	private static void assertEveryComponentIsDefinedWithKnownKeys(JsonNode config) {
		JsonNode traces = config.at("/service/pipelines/traces");
		for (String section : List.of("receivers", "processors", "exporters")) {
			assertThat(values(traces.get(section))).isNotEmpty()
				.allSatisfy((name) -> assertThat(config.get(section).has(name)).as("%s.%s", section, name).isTrue());
		}
		assertThat(values(config.at("/service/extensions")))
			.allSatisfy((name) -> assertThat(config.get("extensions").has(name)).as("extensions.%s", name).isTrue());
		// every auth extension an exporter names is started by the service
		config.get("exporters").properties().forEach((exporter) -> {
			JsonNode auth = exporter.getValue().at("/auth/authenticator");
			if (!auth.isMissingNode()) {
				assertThat(values(config.at("/service/extensions"))).contains(auth.asString());
			}
		});
		for (String section : List.of("receivers", "processors", "exporters", "extensions")) {
			config.get(section).properties().forEach((component) -> {
				String type = section + "/" + component.getKey().split("/")[0];
				assertThat(KEYS).as("a component this test knows").containsKey(type);
				Set<String> keys = new TreeSet<>();
				component.getValue().properties().forEach((entry) -> keys.add(entry.getKey()));
				assertThat(KEYS.get(type)).as("keys of %s", component.getKey()).containsAll(keys);
			});
		}
		Set<String> proxyKeys = new TreeSet<>();
		config.at("/receivers/awsxray/proxy_server").properties().forEach((entry) -> proxyKeys.add(entry.getKey()));
		assertThat(KEYS.get("receivers/awsxray/proxy_server")).containsAll(proxyKeys);
	}

	/**
	 * The collector's configuration: its --config files, merged in order as it merges
	 * them.
	 */
	private JsonNode merged(DaemonSet collector) {
		return merged(collector, this.otel.objects());
	}

	private static JsonNode merged(DaemonSet collector, List<HasMetadata> objects) {
		Container container = collector.getSpec().getTemplate().getSpec().getContainers().get(0);
		String mount = container.getVolumeMounts().get(0).getMountPath();
		String configMapName = collector.getSpec()
			.getTemplate()
			.getSpec()
			.getVolumes()
			.stream()
			.filter((volume) -> volume.getName().equals(container.getVolumeMounts().get(0).getName()))
			.findFirst()
			.orElseThrow()
			.getConfigMap()
			.getName();
		ConfigMap configMap = objects.stream()
			.filter(ConfigMap.class::isInstance)
			.map(ConfigMap.class::cast)
			.filter((each) -> each.getMetadata().getName().equals(configMapName))
			.findFirst()
			.orElseThrow();
		ObjectNode merged = yaml.createObjectNode();
		List<String> files = container.getArgs()
			.stream()
			.filter((arg) -> arg.startsWith("--config="))
			.map((arg) -> arg.substring("--config=".length()))
			.toList();
		assertThat(files).isNotEmpty();
		for (String file : files) {
			assertThat(file).startsWith(mount + "/");
			String key = file.substring(mount.length() + 1);
			assertThat(configMap.getData()).as("%s in ConfigMap %s", key, configMapName).containsKey(key);
			merge(merged, (ObjectNode) yaml.readTree(configMap.getData().get(key)));
		}
		return merged;
	}

	/**
	 * The collector's rule: maps merge key by key, anything else (lists too) is replaced.
	 */
	private static void merge(ObjectNode into, ObjectNode from) {
		from.properties().forEach((entry) -> {
			JsonNode existing = into.get(entry.getKey());
			if (existing instanceof ObjectNode target && entry.getValue() instanceof ObjectNode source) {
				merge(target, source);
			}
			else {
				into.set(entry.getKey(), entry.getValue().deepCopy());
			}
		});
	}

	private static Map<String, EnvVar> env(Container container) {
		return container.getEnv()
			.stream()
			.collect(Collectors.toMap(EnvVar::getName, (e) -> e, (a, b) -> b, LinkedHashMap::new));
	}

	private static String componentReadme() {
		return Repository.read(Repository.DEPLOY.resolve("components/opentelemetry/README.md"));
	}

	/** The agent version the Maven build fetches for the local shop (root pom). */
	static String agentVersion() {
		Matcher version = Pattern.compile("<opentelemetry-javaagent.version>([^<]+)<")
			.matcher(Repository.read(Repository.ROOT.resolve("pom.xml")));
		assertThat(version.find()).isTrue();
		return version.group(1);
	}

	private static List<String> values(JsonNode array) {
		List<String> values = new ArrayList<>();
		if (array != null) {
			array.forEach((value) -> values.add(value.asString()));
		}
		return values;
	}

	private void copyDeploy() throws IOException {
		Path copy = this.temp.resolve("deploy");
		try (Stream<Path> files = Files.walk(Repository.DEPLOY)) {
			for (Path file : files.toList()) {
				Path relative = Repository.DEPLOY.relativize(file);
				if (relative.startsWith("src") || relative.startsWith("target")) {
					continue;
				}
				Path target = copy.resolve(relative.toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(target);
				}
				else if (!Files.exists(target)) {
					Files.copy(file, target);
				}
			}
		}
	}

}
