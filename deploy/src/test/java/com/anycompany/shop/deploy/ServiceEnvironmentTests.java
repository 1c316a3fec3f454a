package com.anycompany.shop.deploy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapKeySelector;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.yaml.YAMLMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What the services read from their environment is what the manifests give them. The
 * variables are read from the modules' own files, so a new setting in a service without a
 * value here fails this test, and so does a typo on either side.
 */
class ServiceEnvironmentTests {

	static Stream<String> services() {
		return Manifests.storefront().stream().map((deployment) -> deployment.getMetadata().getName()).sorted();
	}

	static Stream<Arguments> servicesOfEveryVariant() {
		return Variants.all()
			.stream()
			.flatMap((variant) -> variant.storefront()
				.stream()
				.map((deployment) -> Arguments.of(variant, deployment.getMetadata().getName())));
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("servicesOfEveryVariant")
	void everyVariableAServiceReadsIsProvided(Variants variant, String service) {
		assumeTrue(Repository.moduleExists(service), () -> "module " + service + " is not in the repository yet");
		Map<String, Path> read = Repository.environmentReadBy(service);
		Map<String, String> provided = environmentOf(variant,
				variant.named(Deployment.class, Manifests.NAMESPACE, service));

		Map<String, Path> missing = new TreeMap<>(read);
		missing.keySet().removeAll(provided.keySet());
		assertThat(missing)
			.as("%s: variables %s reads (and where) that its Deployment does not set: add them to "
					+ "deploy/base/shop-config.yaml or to its Deployment", variant, service)
			.isEmpty();
	}

	/** The services whose code reads AWS_REGION: the ones that call DynamoDB. */
	static Stream<String> servicesReadingTheRegion() {
		return services().filter(Repository::moduleExists)
			.filter((service) -> Repository.environmentReadBy(service).containsKey("AWS_REGION"));
	}

	@ParameterizedTest
	@MethodSource("servicesReadingTheRegion")
	void theRegionIsSetByTheDeploymentItselfSoNoWebhookAddsASecondOne(String service) {
		Container container = Workloads.of(deployment(service)).main();

		// IRSA's and Pod Identity's webhook add AWS_REGION unless the container's env
		// names it;
		// a value from envFrom would then lose to theirs without a word
		assertThat(container.getEnv()).as("%s env", service)
			.filteredOn((variable) -> variable.getName().equals("AWS_REGION"))
			.singleElement()
			.satisfies((variable) -> {
				assertThat(variable.getValueFrom().getConfigMapKeyRef().getName()).isEqualTo(DeployReadme.SHOP_AWS);
				assertThat(variable.getValueFrom().getConfigMapKeyRef().getKey()).isEqualTo("AWS_REGION");
			});
		assertThat(Manifests.configMap(Manifests.NAMESPACE, "shop-config").getData()).doesNotContainKey("AWS_REGION");
	}

	@ParameterizedTest
	@MethodSource("services")
	void everyServiceListensWhereItsProbesAndServiceLook(String service) {
		Map<String, String> environment = environmentOf(deployment(service));
		Container container = Workloads.of(deployment(service)).main();

		assertThat(environment).containsEntry("SERVER_PORT", "8080");
		assertThat(container.getPorts()).singleElement().satisfies((port) -> {
			assertThat(port.getName()).isEqualTo("http");
			assertThat(port.getContainerPort()).isEqualTo(8080);
		});
	}

	@ParameterizedTest
	@MethodSource("services")
	void theProbedPathsAreServedOnThePortOfTheService(String service) throws IOException {
		assumeTrue(Repository.moduleExists(service), () -> "module " + service + " is not in the repository yet");
		Map<String, String> settings = springSettings(service);

		// also the name of its segments: the service map then shows the Deployments'
		// names
		assertThat(settings).containsEntry("spring.application.name", service);
		// the probes ask http:8080/actuator/health/{liveness,readiness}
		assertThat(settings).as("%s settings", service)
			.doesNotContainKeys("management.server.port", "server.servlet.context-path")
			.doesNotContainEntry("management.endpoint.health.probes.enabled", "false");
		assertThat(settings.getOrDefault("management.endpoints.web.base-path", "/actuator")).isEqualTo("/actuator");
		assertThat(settings.getOrDefault("management.endpoints.web.exposure.include", "health"))
			.as("%s exposes health", service)
			.containsAnyOf("health", "*");
		assertThat(settings.getOrDefault("management.endpoints.web.exposure.exclude", "")).doesNotContain("health");
	}

	/** The module's default-profile Spring settings, flattened to dotted keys. */
	private static Map<String, String> springSettings(String module) throws IOException {
		Map<String, String> settings = new TreeMap<>();
		Path resources = Repository.ROOT.resolve(module).resolve("src/main/resources");
		YAMLMapper yaml = YAMLMapper.builder().build();
		for (String name : List.of("application.yml", "application.yaml")) {
			Path file = resources.resolve(name);
			if (Files.isRegularFile(file)) {
				try (MappingIterator<JsonNode> documents = yaml.readerFor(JsonNode.class)
					.readValues(Repository.read(file))) {
					for (JsonNode document : documents.readAll()) {
						if (document.at("/spring/config/activate/on-profile").isMissingNode()) {
							flatten("", document, settings);
						}
					}
				}
			}
		}
		Path properties = resources.resolve("application.properties");
		if (Files.isRegularFile(properties)) {
			Properties loaded = new Properties();
			loaded.load(new StringReader(Repository.read(properties)));
			loaded.stringPropertyNames().forEach((key) -> settings.put(key, loaded.getProperty(key)));
		}
		return settings;
	}

	private static void flatten(String prefix, JsonNode node, Map<String, String> settings) {
		if (node.isObject()) {
			node.properties()
				.forEach((entry) -> flatten(prefix.isEmpty() ? entry.getKey() : prefix + "." + entry.getKey(),
						entry.getValue(), settings));
		}
		else if (node.isArray()) {
			List<String> values = new ArrayList<>();
			node.forEach((element) -> values.add(element.asString()));
			settings.put(prefix, String.join(",", values));
		}
		else {
			settings.put(prefix, node.asString());
		}
	}

	@ParameterizedTest
	@MethodSource("services")
	void theEksPluginIsOnAndCanReadItsToken(String service) {
		Deployment deployment = deployment(service);
		Map<String, String> environment = environmentOf(deployment);
		PodSpec pod = deployment.getSpec().getTemplate().getSpec();
		ServiceAccount account = Manifests.named(ServiceAccount.class, Manifests.NAMESPACE,
				pod.getServiceAccountName());

		assertThat(environment).containsEntry("SHOP_TRACING_ENABLED", "true")
			.containsEntry("SHOP_TRACING_PLUGINS", "eks");
		// the SDK's EKS plugin switches itself off without the service-account token file
		assertThat(pod.getAutomountServiceAccountToken()).as("%s automounts its token", service)
			.isNotEqualTo(Boolean.FALSE);
		assertThat(account.getAutomountServiceAccountToken()).isNotEqualTo(Boolean.FALSE);
	}

	@ParameterizedTest
	@MethodSource("services")
	void thePreStopPauseAndTheGracefulShutdownFitInTheGracePeriod(String service) {
		Deployment deployment = deployment(service);
		String timeout = environmentOf(deployment).get("SHUTDOWN_TIMEOUT");
		assertThat(timeout).as("%s SHUTDOWN_TIMEOUT", service).isNotNull();
		Long grace = deployment.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds();
		Container container = Workloads.of(deployment).main();
		// endpoints, kube-proxy and load balancers learn of a deleted pod a moment after
		// the kubelet: the pod serves on during the pause, then drains
		Long pause = container.getLifecycle().getPreStop().getSleep().getSeconds();

		assertThat(pause).as("%s preStop sleep", service).isBetween(5L, 15L);
		assertThat(Duration.ofSeconds((grace != null) ? grace : 30)).as("%s grace period", service)
			.isGreaterThan(Duration.ofSeconds(pause).plus(Duration.parse("PT" + timeout.toUpperCase())));
	}

	@Test
	void endpointsNameTheServicesOfTheCluster() {
		Map<String, String> config = Manifests.configMap(Manifests.NAMESPACE, "shop-config").getData();
		Map<String, String> endpoints = new LinkedHashMap<>();
		config.forEach((key, value) -> {
			if (key.endsWith("_ENDPOINT") && !key.equals("DYNAMODB_ENDPOINT")) {
				endpoints.put(key, value);
			}
		});

		assertThat(endpoints).containsOnlyKeys("CATALOG_ENDPOINT", "CART_ENDPOINT", "ORDER_ENDPOINT",
				"RECOMMENDER_ENDPOINT", "IMAGE_ENDPOINT");
		endpoints.forEach((key, url) -> {
			assertThat(url).as(key).matches("http://[a-z]+");
			Service service = Manifests.named(Service.class, Manifests.NAMESPACE, url.substring("http://".length()));
			assertThat(service.getSpec().getPorts()).extracting((port) -> port.getPort()).containsExactly(80);
		});
	}

	@Test
	void awsSettingsAreThoseOfTheCloud() {
		Map<String, String> config = Manifests.configMap(Manifests.NAMESPACE, "shop-config").getData();

		// empty: the real DynamoDB with the pod's credentials, never a local one; the
		// region
		// and the tables' names are the stack's (shop-aws), not fixed here
		assertThat(config).containsEntry("DYNAMODB_ENDPOINT", "")
			.containsEntry("DYNAMODB_CREATE_TABLES", "false")
			.containsEntry("SHOP_CHAOS_ENABLED", "false")
			.doesNotContainKeys("AWS_REGION", "CATALOG_TABLE", "CARTS_TABLE", "ORDERS_TABLE");
	}

	@Test
	void theLoadGeneratorGetsOnlyWhatItReadsAndTargetsTheStorefront() {
		Deployment loadgen = Manifests.named(Deployment.class, Manifests.NAMESPACE, "loadgen");
		Map<String, String> environment = environmentOf(loadgen);

		assertThat(environment).containsEntry("LOADGEN_TARGET", "http://frontend")
			.containsEntry("LOADGEN_DURATION", "0");
		assertThat(loadgen.getSpec().getTemplate().getMetadata().getLabels()).doesNotContainKey("product");
		assumeTrue(Repository.moduleExists("loadgen"), "module loadgen is not in the repository yet");
		assertThat(Repository.picocliEnvironmentReadBy("loadgen")).as("variables loadgen reads")
			.containsAll(environment.keySet());
	}

	@Test
	void theRandomizerGetsOnlyWhatItReads() {
		Deployment randomizer = Manifests.named(Deployment.class, Manifests.NAMESPACE, "randomizer");
		Set<String> read = new TreeSet<>();
		for (Path file : Repository.mainSources("randomizer")) {
			Matcher matcher = Pattern.compile("\"(RANDOMIZER_[A-Z_]+)\"").matcher(Repository.read(file));
			while (matcher.find()) {
				read.add(matcher.group(1));
			}
		}

		assertThat(read).contains("RANDOMIZER_MIN_INTERVAL", "RANDOMIZER_MAX_INTERVAL");
		assertThat(read).containsAll(environmentOf(randomizer).keySet());
	}

	static Deployment deployment(String name) {
		return Manifests.named(Deployment.class, Manifests.NAMESPACE, name);
	}

	/** The environment of a Deployment's main container, in the plain manifests. */
	static Map<String, String> environmentOf(Deployment deployment) {
		return environmentOf(Manifests.all(), deployment);
	}

	static Map<String, String> environmentOf(Variants variant, Deployment deployment) {
		return environmentOf(variant.objects(), deployment);
	}

	/**
	 * The environment of a Deployment's main container: its ConfigMaps (envFrom), then
	 * its own variables (which win). A value from {@code shop-aws} where the objects do
	 * not hold it (on AWS it is made at deploy time) reads "(at deploy time)".
	 */
	static Map<String, String> environmentOf(List<HasMetadata> objects, Deployment deployment) {
		Container container = Workloads.of(deployment).main();
		String namespace = deployment.getMetadata().getNamespace();
		Map<String, String> environment = new LinkedHashMap<>();
		for (EnvFromSource source : container.getEnvFrom()) {
			assertThat(source.getConfigMapRef()).as("only ConfigMaps feed the environment").isNotNull();
			assertThat(source.getPrefix()).isNull();
			environment.putAll(configMap(objects, namespace, source.getConfigMapRef().getName()).getData());
		}
		for (EnvVar variable : container.getEnv()) {
			String value = variable.getValue();
			if (value == null && variable.getValueFrom().getConfigMapKeyRef() != null) {
				ConfigMapKeySelector key = variable.getValueFrom().getConfigMapKeyRef();
				ConfigMap configMap = objects.stream()
					.filter((object) -> object instanceof ConfigMap
							&& namespace.equals(object.getMetadata().getNamespace())
							&& key.getName().equals(object.getMetadata().getName()))
					.map(ConfigMap.class::cast)
					.findFirst()
					.orElse(null);
				value = (configMap != null) ? configMap.getData().get(key.getKey()) : "(at deploy time)";
			}
			environment.put(variable.getName(), (value != null) ? value : "(from field)");
		}
		return environment;
	}

	private static ConfigMap configMap(List<HasMetadata> objects, String namespace, String name) {
		return objects.stream()
			.filter((object) -> object instanceof ConfigMap && namespace.equals(object.getMetadata().getNamespace())
					&& name.equals(object.getMetadata().getName()))
			.map(ConfigMap.class::cast)
			.findFirst()
			.orElseThrow(() -> new AssertionError("no ConfigMap " + namespace + "/" + name));
	}

}
