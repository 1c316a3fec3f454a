package com.anycompany.shop.deploy;

import java.io.File;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The images' run steps, simulated on this machine (which has no Docker engine): what the
 * Dockerfiles copy is laid out as they lay it out, the root is read-only, and the
 * {@code ENTRYPOINT} is started with the {@code ENV} of the image and the settings of the
 * cluster, the image's paths mapped to temporary folders. The host's JDK and Node stand
 * in for the images' (the differences are listed in deploy/README.md).
 */
class ImageRunSimulationTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@TempDir
	Path temp;

	private final List<Process> started = new ArrayList<>();

	@Test
	void theImageserviceLayersStartReadOnlyWithTheClustersSettingsAndDrawText() throws Exception {
		Path jar = Repository.ROOT.resolve("imageservice/target/imageservice.jar");
		assumeTrue(Files.isRegularFile(jar), "imageservice/target/imageservice.jar is not built (./mvnw verify builds "
				+ "it before this module; alone: ./mvnw -pl imageservice -am package -DskipTests)");
		Path javaBin = Path.of(System.getProperty("java.home"), "bin");
		String dockerfile = runStage(DockerBuild.dockerfile());

		// RUN sh docker/extract-layers.sh ... /layers, then the COPY --from=build lines
		// in order
		Path layers = this.temp.resolve("layers");
		Processes.Result extract = Processes.run(
				List.of("sh", Repository.DOCKER.resolve("extract-layers.sh").toString(), jar.toString(),
						layers.toString()),
				this.temp, Map.of("PATH", javaBin + File.pathSeparator + System.getenv("PATH")), 120);
		assertThat(extract.exitCode()).as(extract.stderr()).isZero();
		Path app = Files.createDirectories(this.temp.resolve("app"));
		Matcher copy = Pattern.compile("(?m)^COPY --from=build /layers/([a-z-]+)/ \\./$").matcher(dockerfile);
		int copied = 0;
		while (copy.find()) {
			copyTree(layers.resolve(copy.group(1)), app);
			copied++;
		}
		assertThat(copied).isEqualTo(4);
		// readOnlyRootFilesystem: the application folder and the home cannot be written
		Path home = Files.createDirectories(this.temp.resolve("home"));
		readOnly(app);
		readOnly(home);
		Path tmp = Files.createDirectories(this.temp.resolve("tmp"));
		Map<String, String> paths = Map.of("/app", app.toString(), "/tmp", tmp.toString());

		try (DatagramSocket daemon = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
			int port = freePort();
			Map<String, String> environment = new LinkedHashMap<>();
			imageEnvironment(dockerfile).forEach((name, value) -> environment.put(name, mapped(value, paths)));
			Deployment deployment = Manifests.named(Deployment.class, Manifests.NAMESPACE, "imageservice");
			environment.putAll(ServiceEnvironmentTests.environmentOf(deployment));
			// what differs on this machine: loopback, a free port, a stand-in daemon, and
			// no
			// EKS plugin (it would look for a service-account token)
			environment.put("SERVER_PORT", String.valueOf(port));
			environment.put("SERVER_ADDRESS", "127.0.0.1");
			environment.put("AWS_XRAY_DAEMON_ADDRESS", "127.0.0.1:" + daemon.getLocalPort());
			environment.put("SHOP_TRACING_PLUGINS", "");
			environment.put("HOME", home.toString());
			List<String> command = new ArrayList<>();
			for (String argument : entrypoint(dockerfile)) {
				command.add(argument.equals("java") ? javaBin.resolve("java").toString() : mapped(argument, paths));
			}
			Path log = this.temp.resolve("imageservice.log");
			Process service = start(command, tmp, environment, log);

			String base = "http://127.0.0.1:" + port;
			awaitStatus(base + "/actuator/health/liveness", 200, Duration.ofSeconds(180), service, log);
			awaitStatus(base + "/actuator/health/readiness", 200, Duration.ofSeconds(30), service, log);
			HttpResponse<byte[]> image = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/image/banner-home?width=64"))
					.timeout(Duration.ofSeconds(30))
					.build(), HttpResponse.BodyHandlers.ofByteArray());
			assertThat(image.statusCode()).as("banner with text; log:\n%s", tail(log)).isEqualTo(200);
			assertThat(image.headers().firstValue("Content-Type")).hasValue("image/png");
			JsonNode segment = awaitSegment(daemon, "imageservice", Duration.ofSeconds(20));
			assertThat(segment.at("/http/request/url").asString()).contains("/api/v1/image/banner-home");
			assertThat(Files.readString(log)).as("the JVM options of the image were read")
				.contains("Picked up JDK_JAVA_OPTIONS: " + imageEnvironment(dockerfile).get("JDK_JAVA_OPTIONS"));

			// SIGTERM, as the kubelet sends it after the preStop pause: a graceful stop
			service.destroy();
			assertThat(service.waitFor(30, TimeUnit.SECONDS)).as("stopped within SHUTDOWN_TIMEOUT").isTrue();
		}
		finally {
			writable(app);
			writable(home);
		}
	}

	@Test
	void theDynaliteImageInstallsFromTheLockFileAnswersDynamoDbAndStopsOnSigterm() throws Exception {
		assumeTrue(Processes.onPath("node").isPresent() && Processes.onPath("npm").isPresent(), "node and npm");
		String dockerfile = Repository.read(Repository.DOCKER.resolve("dynalite.Dockerfile"));
		Path context = Repository.ROOT.resolve("local-dynamodb");
		Path workdir = Files.createDirectories(this.temp.resolve("dynalite"));

		Matcher copy = Pattern.compile("(?m)^COPY (.+) \\./$").matcher(dockerfile);
		assertThat(copy.find()).isTrue();
		for (String file : copy.group(1).split(" ")) {
			Files.copy(context.resolve(file), workdir.resolve(file));
		}
		for (String run : runSteps(dockerfile)) {
			Processes.Result result = Processes.run(List.of("sh", "-c", "set -e; " + run), workdir, Map.of(), 300);
			assertThat(result.exitCode()).as("RUN %s:\n%s", run, result.stderr()).isZero();
		}
		assertThat(workdir.resolve(".npm-cache")).as("the download cache stays out of the image").doesNotExist();
		readOnly(workdir);
		try {
			int port = freePort();
			List<String> command = new ArrayList<>();
			List<String> entrypoint = entrypoint(dockerfile);
			for (int i = 0; i < entrypoint.size(); i++) {
				boolean portValue = i > 0 && entrypoint.get(i - 1).equals("--port");
				command.add(portValue ? String.valueOf(port) : entrypoint.get(i));
			}
			assertThat(command).contains("--port");
			Path log = this.temp.resolve("dynalite.log");
			Process dynalite = start(command, workdir, Map.of(), log);
			String endpoint = "http://127.0.0.1:" + port + "/";
			awaitListening(port, Duration.ofSeconds(20), dynalite, log);

			JsonNode created = dynamoDb(endpoint, "CreateTable", """
					{"TableName": "ProductCatalog", "BillingMode": "PAY_PER_REQUEST",
					 "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}],
					 "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}]}""");
			assertThat(created.at("/TableDescription/TableName").asString()).isEqualTo("ProductCatalog");
			assertThat(dynamoDb(endpoint, "ListTables", "{}").get("TableNames")).extracting(JsonNode::asString)
				.containsExactly("ProductCatalog");

			Instant stop = Instant.now();
			dynalite.destroy();
			assertThat(dynalite.waitFor(5, TimeUnit.SECONDS)).as("stopped on SIGTERM").isTrue();
			assertThat(Duration.between(stop, Instant.now())).isLessThan(Duration.ofSeconds(3));
		}
		finally {
			writable(workdir);
		}
	}

	@org.junit.jupiter.api.AfterEach
	void stopWhatWasStarted() throws InterruptedException {
		for (Process process : this.started) {
			if (process.isAlive()) {
				process.destroyForcibly();
				process.waitFor(10, TimeUnit.SECONDS);
			}
		}
	}

	/** The Dockerfile from its last FROM on: the stage that is the image. */
	private static String runStage(String dockerfile) {
		return dockerfile.substring(dockerfile.lastIndexOf("\nFROM ") + 1);
	}

	private static Map<String, String> imageEnvironment(String stage) {
		Map<String, String> environment = new LinkedHashMap<>();
		Matcher env = Pattern.compile("(?m)^ENV ((?:.*\\\\\\n)*.*)$").matcher(stage);
		Pattern pair = Pattern.compile("([A-Z_]+)=(\"[^\"]*\"|\\S+)");
		while (env.find()) {
			Matcher matcher = pair.matcher(env.group(1).replace("\\\n", " "));
			while (matcher.find()) {
				environment.put(matcher.group(1), matcher.group(2).replace("\"", ""));
			}
		}
		assertThat(environment).containsKeys("JDK_JAVA_OPTIONS", "XDG_CACHE_HOME");
		return environment;
	}

	private static List<String> entrypoint(String dockerfile) {
		JsonNode array = json.readTree(DockerBuild.group(dockerfile, "(?m)^ENTRYPOINT (\\[.*\\])$"));
		List<String> arguments = new ArrayList<>();
		array.forEach((argument) -> arguments.add(argument.asString()));
		return arguments;
	}

	private static List<String> runSteps(String dockerfile) {
		List<String> steps = new ArrayList<>();
		for (String line : dockerfile.replace("\\\n", " ").split("\n")) {
			if (line.startsWith("RUN ")) {
				steps.add(line.substring("RUN ".length()));
			}
		}
		return steps;
	}

	/**
	 * The image's paths in a value, each replaced by its folder here, in one pass (a
	 * folder here may itself lie under /tmp).
	 */
	private static String mapped(String value, Map<String, String> paths) {
		StringBuilder alternatives = new StringBuilder();
		for (String path : paths.keySet()) {
			alternatives.append((alternatives.length() > 0) ? "|" : "").append(Pattern.quote(path));
		}
		Matcher matcher = Pattern.compile("(?<![\\w/.])(" + alternatives + ")(?=/|$|\\s)").matcher(value);
		StringBuilder result = new StringBuilder();
		while (matcher.find()) {
			matcher.appendReplacement(result, Matcher.quoteReplacement(paths.get(matcher.group(1))));
		}
		matcher.appendTail(result);
		return result.toString();
	}

	private Process start(List<String> command, Path directory, Map<String, String> environment, Path log)
			throws IOException {
		ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.environment().putAll(environment);
		Process process = builder.start();
		this.started.add(process);
		return process;
	}

	private static void awaitStatus(String url, int status, Duration timeout, Process process, Path log)
			throws Exception {
		HttpClient client = HttpClient.newHttpClient();
		Instant deadline = Instant.now().plus(timeout);
		while (Instant.now().isBefore(deadline)) {
			assertThat(process.isAlive()).as("still running; log:\n%s", tail(log)).isTrue();
			try {
				if (client
					.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
							HttpResponse.BodyHandlers.discarding())
					.statusCode() == status) {
					return;
				}
			}
			catch (IOException notYet) {
				// not listening yet
			}
			Thread.sleep(500);
		}
		throw new AssertionError(url + " did not answer " + status + " within " + timeout + "; log:\n" + tail(log));
	}

	private static void awaitListening(int port, Duration timeout, Process process, Path log) throws Exception {
		Instant deadline = Instant.now().plus(timeout);
		while (Instant.now().isBefore(deadline)) {
			assertThat(process.isAlive()).as("still running; log:\n%s", tail(log)).isTrue();
			try (java.net.Socket socket = new java.net.Socket(InetAddress.getLoopbackAddress(), port)) {
				return;
			}
			catch (IOException notYet) {
				Thread.sleep(200);
			}
		}
		throw new AssertionError("nothing listens on " + port + "; log:\n" + tail(log));
	}

	private static JsonNode awaitSegment(DatagramSocket daemon, String name, Duration timeout) throws IOException {
		byte[] buffer = new byte[65536];
		Instant deadline = Instant.now().plus(timeout);
		while (Instant.now().isBefore(deadline)) {
			daemon.setSoTimeout(1000);
			DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
			try {
				daemon.receive(packet);
			}
			catch (SocketTimeoutException nothingYet) {
				continue;
			}
			String datagram = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
			// the daemon protocol: a header line, then the document
			JsonNode segment = json.readTree(datagram.substring(datagram.indexOf('\n') + 1));
			if (name.equals(segment.path("name").asString()) && segment.has("http")) {
				return segment;
			}
		}
		throw new AssertionError("no segment of " + name + " within " + timeout);
	}

	/**
	 * A DynamoDB call as the SDK makes it; dynalite checks the signature's form, not its
	 * value.
	 */
	private static JsonNode dynamoDb(String endpoint, String operation, String body) throws Exception {
		String date = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
			.withZone(java.time.ZoneOffset.UTC)
			.format(Instant.now());
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(endpoint))
				.header("Content-Type", "application/x-amz-json-1.0")
				.header("X-Amz-Target", "DynamoDB_20120810." + operation)
				.header("X-Amz-Date", date)
				.header("Authorization", "AWS4-HMAC-SHA256 Credential=local/" + date.substring(0, 8)
						+ "/us-east-1/dynamodb/aws4_request, SignedHeaders=host;x-amz-date;x-amz-target, Signature=00")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.timeout(Duration.ofSeconds(10))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as("%s: %s", operation, response.body()).isEqualTo(200);
		return json.readTree(response.body());
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	private static void copyTree(Path from, Path to) throws IOException {
		try (Stream<Path> walk = Files.walk(from)) {
			for (Path source : walk.toList()) {
				Path target = to.resolve(from.relativize(source).toString());
				if (Files.isDirectory(source)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
				}
			}
		}
	}

	private static void readOnly(Path root) throws IOException {
		try (Stream<Path> walk = Files.walk(root)) {
			walk.forEach((path) -> path.toFile().setWritable(false, false));
		}
	}

	private static void writable(Path root) throws IOException {
		if (Files.exists(root)) {
			try (Stream<Path> walk = Files.walk(root)) {
				walk.forEach((path) -> path.toFile().setWritable(true));
			}
		}
	}

	private static String tail(Path log) throws IOException {
		if (!Files.exists(log)) {
			return "(no log)";
		}
		List<String> lines = Files.readAllLines(log);
		return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
	}

}
