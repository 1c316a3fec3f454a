package com.anycompany.shop.deploy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

	private static final Pattern FROM = Pattern.compile("(?m)^FROM (\\S+)(?: AS (\\S+))?$");

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
	void buildsWithAPinnedJdkAndRunsOnAPinnedJre() {
		Matcher from = FROM.matcher(DockerBuild.dockerfile());
		List<String> images = new ArrayList<>();
		while (from.find()) {
			images.add(from.group(1));
		}

		assertThat(images).hasSizeGreaterThanOrEqualTo(2)
			.allMatch((image) -> image.matches("[a-z0-9./-]+:\\d+[\\w.-]*"), "pinned to a version");
		assertThat(images.subList(0, images.size() - 1)).allMatch((image) -> image.contains("-jdk"));
		assertThat(images.get(images.size() - 1)).contains("-jre");
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
				"local-dynamodb/node_modules/dynalite/package.json", "deploy/services/frontend.yaml"))
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
