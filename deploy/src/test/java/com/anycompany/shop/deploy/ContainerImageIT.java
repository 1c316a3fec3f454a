package com.anycompany.shop.deploy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.dockerjava.api.model.Capability;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.junit.jupiter.Testcontainers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The image as the README builds it, run as the cluster runs it (read-only root file
 * system, a tmpfs /tmp, no capabilities, the image's own unprivileged user, the
 * ConfigMap's settings), next to the real X-Ray daemon with this repository's daemon
 * configuration. The daemon forwards to a stand-in for the X-Ray API on this machine, so
 * nothing leaves it.
 * <p>
 * Needs a Docker engine and the docker CLI; skipped without them (as on the machines this
 * project is developed on, which have no Docker engine).
 */
@Testcontainers(disabledWithoutDocker = true)
class ContainerImageIT {

	private static final String MODULE = "imageservice";

	private static final String IMAGE = DockerBuild.defaultRegistry() + "/" + MODULE + ":it";

	private static final String CONFIG_PATH = "/etc/amazon/xray-daemon/cfg.yaml";

	private static final List<String> segmentDocuments = new CopyOnWriteArrayList<>();

	private static HttpServer xrayApi;

	@BeforeAll
	static void buildImageAsTheReadmeDoes() throws Exception {
		Optional<java.nio.file.Path> docker = Processes.onPath("docker");
		assumeTrue(docker.isPresent(), "no docker CLI on the PATH: the image is built with `docker build`");
		Processes.Result build = Processes.run(List.of(docker.get().toString(), "build", "--file", "docker/Dockerfile",
				"--build-arg", "MODULE=" + MODULE, "--tag", IMAGE, "."), Repository.ROOT, Map.of(), 1800);
		assertThat(build.exitCode()).as("docker build:\n%s", build.stderr()).isZero();
	}

	@BeforeAll
	static void startXRayApiStandIn() throws IOException {
		xrayApi = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		xrayApi.createContext("/", ContainerImageIT::answer);
		xrayApi.start();
		org.testcontainers.Testcontainers.exposeHostPorts(xrayApi.getAddress().getPort());
	}

	@AfterAll
	static void stopXRayApiStandIn() {
		if (xrayApi != null) {
			xrayApi.stop(0);
		}
	}

	@Test
	void theServiceAnswersItsProbesAndItsSegmentsReachXRayThroughTheDaemon() throws Exception {
		try (Network network = Network.newNetwork();
				GenericContainer<?> daemon = daemon(network);
				GenericContainer<?> service = service(network)) {
			daemon.start();
			service.start();
			String base = "http://" + service.getHost() + ":" + service.getMappedPort(8080);

			assertThat(get(base + "/actuator/health/liveness").statusCode()).isEqualTo(200);
			HttpResponse<String> image = get(base + "/api/v1/image/banner-home?width=64");
			assertThat(image.statusCode()).isEqualTo(200);
			assertThat(image.headers().firstValue("Content-Type")).hasValue("image/png");

			JsonNode segment = awaitSegment(MODULE, Duration.ofSeconds(60));
			assertThat(segment).as("segment of %s forwarded by the daemon; daemon log:\n%s", MODULE, daemon.getLogs())
				.isNotNull();
			assertThat(segment.at("/http/request/url").asString()).contains("/api/v1/image/banner-home");
		}
	}

	/**
	 * The daemon as deploy/tracing/ runs it, told to send to the stand-in instead of AWS.
	 */
	private static GenericContainer<?> daemon(Network network) {
		DaemonSet daemonSet = Manifests.named(DaemonSet.class, "kube-system", "xray-daemon");
		String image = daemonSet.getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
		YAMLMapper yaml = YAMLMapper.builder().build();
		ObjectNode config = (ObjectNode) yaml
			.readTree(Manifests.configMap("kube-system", "xray-daemon-config").getData().get("cfg.yaml"));
		config.put("Endpoint", "http://host.testcontainers.internal:" + xrayApi.getAddress().getPort());
		config.put("Region", "us-east-1");
		// no instance metadata outside EC2
		config.put("LocalMode", true);
		return new GenericContainer<>(image).withNetwork(network)
			.withNetworkAliases("xray-daemon")
			.withAccessToHost(true)
			.withEnv(Map.of("AWS_ACCESS_KEY_ID", "it", "AWS_SECRET_ACCESS_KEY", "it"))
			.withCopyToContainer(Transferable.of(yaml.writeValueAsString(config)), CONFIG_PATH)
			.withCommand("--config", CONFIG_PATH)
			.waitingFor(Wait.forLogMessage(".*Using region.*", 1));
	}

	/** The service with the cluster's settings and restrictions. */
	private static GenericContainer<?> service(Network network) {
		Map<String, String> environment = new LinkedHashMap<>(
				Manifests.configMap(Manifests.NAMESPACE, "shop-config").getData());
		environment.put("AWS_XRAY_DAEMON_ADDRESS", "xray-daemon:2000");
		return new GenericContainer<>(IMAGE).withNetwork(network)
			.withEnv(environment)
			.withExposedPorts(8080)
			.withTmpFs(Map.of("/tmp", "rw,size=64m"))
			.withCreateContainerCmdModifier((command) -> command.getHostConfig()
				.withReadonlyRootfs(true)
				.withCapDrop(Capability.ALL)
				.withSecurityOpts(List.of("no-new-privileges")))
			.waitingFor(Wait.forHttp("/actuator/health/readiness")
				.forStatusCode(200)
				.withStartupTimeout(Duration.ofMinutes(3)));
	}

	private static JsonNode awaitSegment(String name, Duration timeout) throws InterruptedException {
		JsonMapper json = JsonMapper.builder().build();
		Instant deadline = Instant.now().plus(timeout);
		while (Instant.now().isBefore(deadline)) {
			for (String document : segmentDocuments) {
				JsonNode segment = json.readTree(document);
				if (name.equals(segment.path("name").asString()) && segment.has("http")) {
					return segment;
				}
			}
			Thread.sleep(500);
		}
		return null;
	}

	/**
	 * The X-Ray API, as much as the daemon calls: segments are kept, the rest
	 * acknowledged.
	 */
	private static void answer(HttpExchange exchange) throws IOException {
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		String reply = switch (exchange.getRequestURI().getPath()) {
			case "/TraceSegments" -> {
				JsonNode request = JsonMapper.builder().build().readTree(body);
				request.path("TraceSegmentDocuments").forEach((document) -> segmentDocuments.add(document.asString()));
				yield "{\"UnprocessedTraceSegments\":[]}";
			}
			case "/GetSamplingRules" -> "{\"SamplingRuleRecords\":[]}";
			case "/SamplingTargets" ->
				"{\"SamplingTargetDocuments\":[],\"LastRuleModification\":0,\"UnprocessedStatistics\":[]}";
			default -> "{}";
		};
		byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
		exchange.sendResponseHeaders(200, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
					HttpResponse.BodyHandlers.ofString());
	}

}
