package com.anycompany.shop.deploy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code docker/}, read: no Docker engine is needed. (ContainerImageIT builds and runs an
 * image where there is one.)
 */
class DockerfileTests {

	private static final Pattern FROM = Pattern.compile("(?m)^FROM (--platform=\\S+ )?(\\S+)(?: AS (\\S+))?$");

	@TempDir
	Path temp;

	@Test
	void everyModuleWithAnImageIsABootJarNamedAfterItself() {
		List<String> rootModules = new ArrayList<>();
		Repository.children(Repository.child(Repository.pom(".").getDocumentElement(), "modules"), "module")
			.forEach((module) -> rootModules.add(module.getTextContent().strip()));

		for (String module : DockerBuild.modules()) {
			if (!Repository.moduleExists(module)) {
				continue;
			}
			assertThat(rootModules).as("modules of the parent POM").contains(module);
			Element build = Repository.child(Repository.pom(module).getDocumentElement(), "build");
			String finalName = Repository.text(build, "finalName");
			// the Dockerfile takes <module>/target/<module>.jar
			assertThat(finalName).as("%s finalName", module).isIn(module, "${project.artifactId}");
			assertThat(Repository.children(Repository.child(build, "plugins"), "plugin"))
				.as("%s is repackaged by spring-boot-maven-plugin (layered jar)", module)
				.anySatisfy((plugin) -> assertThat(Repository.text(plugin, "artifactId"))
					.isEqualTo("spring-boot-maven-plugin"));
		}
	}

	@Test
	void buildsWithAPinnedJdkAndRunsOnTheSamePinnedJre() {
		Matcher from = FROM.matcher(DockerBuild.dockerfile());
		List<String> images = new ArrayList<>();
		List<String> platforms = new ArrayList<>();
		while (from.find()) {
			platforms.add(String.valueOf(from.group(1)).strip());
			images.add(from.group(2));
		}

		assertThat(images).hasSizeGreaterThanOrEqualTo(2)
			.allMatch((image) -> image.matches("[a-z0-9./-]+:\\d+[\\w.-]*"), "pinned to a version");
		assertThat(images.subList(0, images.size() - 1)).allMatch((image) -> image.contains("-jdk"));
		String runtime = images.get(images.size() - 1);
		assertThat(runtime).contains("-jre");
		// one patch release for building and running; 17.0.20.1 was the current one when
		// this was written (2026-11)
		Set<String> versions = new TreeSet<>();
		images.forEach((image) -> {
			String tag = image.substring(image.indexOf(':') + 1);
			versions.add(tag.substring(0, tag.indexOf('-')));
		});
		assertThat(versions).singleElement()
			.satisfies((version) -> assertThat(Runtime.Version.parse(version.replace('_', '+')))
				.isGreaterThanOrEqualTo(Runtime.Version.parse("17.0.20.1+1"))
				.satisfies((parsed) -> assertThat(parsed.feature()).isEqualTo(17)));
		// bytecode is the same on every platform: build on the builder's own, run on the
		// target's
		assertThat(platforms.subList(0, platforms.size() - 1)).allMatch("--platform=$BUILDPLATFORM"::equals);
		assertThat(platforms.get(platforms.size() - 1)).isEqualTo("null");
	}

	@Test
	void mavenKeepsItsRepositoryInABuildKitCache() {
		Matcher runs = Pattern.compile("(?m)^RUN (.*mvnw.*)$").matcher(DockerBuild.dockerfile());
		int count = 0;
		while (runs.find()) {
			count++;
			assertThat(runs.group(1)).startsWith("--mount=type=cache,target=/root/.m2 ");
		}
		assertThat(count).isEqualTo(2);
	}

	@Test
	void fontsGoIntoTheImageserviceImageAlone() throws Exception {
		String run = runStep(DockerBuild.dockerfile(), "fonts-dejavu-core");
		assumeTrue(Processes.onPath("sh").isPresent(), "no sh on the PATH");

		assertThat(simulate(run, "catalogservice")).isEmpty();
		assertThat(simulate(run, "frontend")).isEmpty();
		assertThat(simulate(run, "imageservice")).containsExactly("apt-get update",
				"apt-get install -y --no-install-recommends fontconfig fonts-dejavu-core",
				// the cache is written at build time: nothing to write under a read-only
				// root
				"fc-cache --force", "rm -rf /var/lib/apt/lists/*");
	}

	@Test
	void perUserCachesGoToTheWritableTmp() {
		String dockerfile = DockerBuild.dockerfile();

		// fontconfig's cache, and the JDK's per-user files (fonts, preferences)
		assertThat(dockerfile).containsPattern("(?m)^ENV XDG_CACHE_HOME=/tmp/");
		assertThat(DockerBuild.group(dockerfile, "(?m)^ENTRYPOINT (\\[.*\\])$")).contains("\"-Duser.home=/tmp\"");
	}

	@Test
	void theDynaliteImageIsSmallPinnedAndUnprivileged() {
		String dockerfile = Repository.read(Repository.DOCKER.resolve("dynalite.Dockerfile"));
		DockerIgnore ignore = new DockerIgnore(
				Repository.read(Repository.DOCKER.resolve("dynalite.Dockerfile.dockerignore")));

		assertThat(DockerBuild.group(dockerfile, "(?m)^FROM (\\S+)$")).matches("node:\\d+\\.\\d+\\.\\d+-alpine[\\d.]*");
		assertThat(dockerfile).containsPattern("(?m)^USER 10001:10001$")
			.contains("COPY package.json package-lock.json ./")
			.contains("npm ci --omit=dev");
		// the context is local-dynamodb/: its lock file in, an installed node_modules out
		assertThat(List.of("package.json", "package-lock.json")).noneMatch(ignore::excludes);
		assertThat(List.of("node_modules/dynalite/cli.js", "README.md")).allMatch(ignore::excludes);
	}

	/** The one RUN step (with its continuation lines) that mentions a word. */
	static String runStep(String dockerfile, String word) {
		String joined = dockerfile.replace("\\\n", " ");
		for (String line : joined.split("\n")) {
			if (line.startsWith("RUN ") && line.contains(word)) {
				return line.substring("RUN ".length());
			}
		}
		throw new AssertionError("no RUN step with " + word);
	}

	/**
	 * Runs a RUN step with sh, MODULE set, and every command it calls replaced by a
	 * stand-in that only records its arguments: nothing is installed or removed here.
	 */
	private List<String> simulate(String run, String module) throws Exception {
		Path bin = Files.createDirectories(this.temp.resolve("bin-" + module));
		Path calls = this.temp.resolve("calls-" + module);
		for (String command : List.of("apt-get", "fc-cache", "rm", "apt")) {
			Path stub = bin.resolve(command);
			Files.writeString(stub, "#!/bin/sh\necho \"" + command + " $*\" >> '" + calls + "'\n");
			stub.toFile().setExecutable(true);
		}
		Path sh = Processes.onPath("sh").orElseThrow();
		// no globbing: a pattern stays as the image's shell would pass it on an empty
		// /var
		Processes.Result result = Processes.run(List.of(sh.toString(), "-c", "set -f; " + run), this.temp,
				Map.of("PATH", bin.toString(), "MODULE", module), 30);
		assertThat(result.exitCode()).as("%s: %s", module, result.stderr()).isZero();
		return Files.exists(calls) ? Files.readAllLines(calls) : List.of();
	}

	@Test
	void runsTheLayersAsAnUnprivilegedUser() {
		String dockerfile = DockerBuild.dockerfile();

		assertThat(DockerBuild.user()).isGreaterThanOrEqualTo(1000);
		assertThat(dockerfile).contains("ARG MODULE")
			.contains("docker/extract-layers.sh \"${MODULE}/target/${MODULE}.jar\"")
			.contains("org.springframework.boot.loader.launch.JarLauncher");
		// least often changed first, so that a code change rebuilds one small layer
		List<String> layers = new ArrayList<>();
		Matcher copy = Pattern.compile("(?m)^COPY --from=build /layers/([a-z-]+)/ \\./$").matcher(dockerfile);
		while (copy.find()) {
			layers.add(copy.group(1));
		}
		assertThat(layers).containsExactly("dependencies", "spring-boot-loader", "snapshot-dependencies",
				"application");
		assertThat(dockerfile.indexOf("dependency:go-offline")).as("dependencies are fetched before the sources come")
			.isPositive()
			.isLessThan(dockerfile.lastIndexOf("\nCOPY . .\n"));
	}

	@Test
	void theContextHoldsWhatTheBuildNeedsAndNothingBulky() {
		DockerIgnore ignore = new DockerIgnore(Repository.read(Repository.ROOT.resolve(".dockerignore")));
		List<String> needed = new ArrayList<>(List.of("mvnw", ".mvn/wrapper/maven-wrapper.properties", "pom.xml",
				"docker/extract-layers.sh", "deploy/pom.xml"));
		for (String module : DockerBuild.modules()) {
			needed.add(module + "/pom.xml");
			needed.add(module + "/src/main/java/com/anycompany/shop/App.java");
			needed.add(module + "/src/main/resources/application.yml");
		}

		assertThat(needed).noneMatch(ignore::excludes);
		assertThat(List.of(".git/HEAD", "catalogservice/target/catalogservice.jar", "target/x",
				"local-dynamodb/node_modules/dynalite/package.json", "deploy/base/frontend.yaml"))
			.allMatch(ignore::excludes);
	}

	@Test
	void extractLayersSplitsABootJarByItsIndex() throws Exception {
		Path jar = bootJar(Map.of("BOOT-INF/lib/lib-a-1.0.jar", "a", "BOOT-INF/lib/lib-b-1.0-SNAPSHOT.jar", "b",
				"org/springframework/boot/loader/launch/JarLauncher.class", "loader",
				"BOOT-INF/classes/com/example/App.class", "app", "BOOT-INF/classpath.idx", "- \"lib-a-1.0.jar\"\n"), """
						- "dependencies":
						  - "BOOT-INF/lib/lib-a-1.0.jar"
						- "spring-boot-loader":
						  - "org/"
						- "snapshot-dependencies":
						  - "BOOT-INF/lib/lib-b-1.0-SNAPSHOT.jar"
						- "application":
						  - "BOOT-INF/classes/"
						  - "BOOT-INF/classpath.idx"
						  - "BOOT-INF/layers.idx"
						  - "META-INF/"
						""");

		Processes.Result result = extractLayers(jar);

		assertThat(result.exitCode()).as(result.stderr()).isZero();
		Path layers = this.temp.resolve("layers");
		assertThat(files(layers)).containsExactlyInAnyOrder("dependencies/BOOT-INF/lib/lib-a-1.0.jar",
				"snapshot-dependencies/BOOT-INF/lib/lib-b-1.0-SNAPSHOT.jar",
				"spring-boot-loader/org/springframework/boot/loader/launch/JarLauncher.class",
				"application/BOOT-INF/classes/com/example/App.class", "application/BOOT-INF/classpath.idx",
				"application/BOOT-INF/layers.idx", "application/META-INF/MANIFEST.MF");
	}

	@Test
	void extractLayersRefusesAJarWithoutLayers() throws Exception {
		Path jar = bootJar(Map.of("com/example/App.class", "app"), null);

		Processes.Result result = extractLayers(jar);

		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.stderr()).contains("not a layered Spring Boot jar");
	}

	@Test
	void extractLayersRefusesFilesInNoLayer() throws Exception {
		Path jar = bootJar(Map.of("BOOT-INF/classes/App.class", "app", "BOOT-INF/extra/stray.txt", "?"), """
				- "application":
				  - "BOOT-INF/classes/"
				  - "BOOT-INF/layers.idx"
				  - "META-INF/"
				""");

		Processes.Result result = extractLayers(jar);

		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.stderr()).contains("in no layer").contains("BOOT-INF/extra/stray.txt");
	}

	private Processes.Result extractLayers(Path jar) throws Exception {
		Path javaBin = Path.of(System.getProperty("java.home"), "bin");
		assumeTrue(Files.isExecutable(javaBin.resolve("jar")), "no jar tool in " + javaBin + " (a JRE, not a JDK)");
		assumeTrue(Processes.onPath("sh").isPresent(), "no sh on the PATH");
		return Processes.run(
				List.of("sh", Repository.DOCKER.resolve("extract-layers.sh").toString(), jar.toString(),
						this.temp.resolve("layers").toString()),
				this.temp, Map.of("PATH", javaBin + ":" + System.getenv("PATH")), 60);
	}

	private Path bootJar(Map<String, String> entries, String layersIndex) throws IOException {
		Manifest manifest = new Manifest();
		manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
		Path jar = this.temp.resolve("app.jar");
		try (OutputStream out = Files.newOutputStream(jar);
				JarOutputStream jarOut = new JarOutputStream(out, manifest)) {
			for (Map.Entry<String, String> entry : entries.entrySet()) {
				jarOut.putNextEntry(new JarEntry(entry.getKey()));
				jarOut.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
				jarOut.closeEntry();
			}
			if (layersIndex != null) {
				jarOut.putNextEntry(new JarEntry("BOOT-INF/layers.idx"));
				jarOut.write(layersIndex.getBytes(StandardCharsets.UTF_8));
				jarOut.closeEntry();
			}
		}
		return jar;
	}

	private static List<String> files(Path root) throws IOException {
		try (Stream<Path> walk = Files.walk(root)) {
			return walk.filter(Files::isRegularFile).map((file) -> root.relativize(file).toString()).toList();
		}
	}

	/**
	 * The subset of .dockerignore rules this repository uses: {@code *}, {@code **}, a
	 * trailing {@code /}, and {@code !} exceptions; the last matching rule wins, and a
	 * rule that matches a folder matches what is in it.
	 */
	static final class DockerIgnore {

		private final List<Map.Entry<Pattern, Boolean>> rules = new ArrayList<>();

		DockerIgnore(String text) {
			for (String line : text.split("\n")) {
				String rule = line.strip();
				if (rule.isEmpty() || rule.startsWith("#")) {
					continue;
				}
				boolean exception = rule.startsWith("!");
				rule = (exception ? rule.substring(1) : rule).replaceAll("/+$", "");
				this.rules.add(Map.entry(Pattern.compile(regex(rule) + "(?:/.*)?"), !exception));
			}
		}

		private static String regex(String glob) {
			StringBuilder regex = new StringBuilder();
			for (int i = 0; i < glob.length(); i++) {
				char c = glob.charAt(i);
				if (glob.startsWith("**/", i)) {
					regex.append("(?:.*/)?");
					i += 2;
				}
				else if (glob.startsWith("**", i)) {
					regex.append(".*");
					i += 1;
				}
				else if (c == '*') {
					regex.append("[^/]*");
				}
				else if (c == '?') {
					regex.append("[^/]");
				}
				else {
					regex.append(Pattern.quote(String.valueOf(c)));
				}
			}
			return regex.toString();
		}

		boolean excludes(String path) {
			boolean excluded = false;
			for (Map.Entry<Pattern, Boolean> rule : this.rules) {
				if (rule.getKey().matcher(path).matches()) {
					excluded = rule.getValue();
				}
			}
			return excluded;
		}

	}

}
