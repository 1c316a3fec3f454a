package com.anycompany.shop.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The files of this repository the checks read: the manifests, and what the modules they
 * deploy actually read from their environment. Everything is derived from the files, so
 * the checks follow the modules as they change (and as they appear).
 */
final class Repository {

	static final Path ROOT = findRoot();

	static final Path DEPLOY = ROOT.resolve("deploy");

	static final Path DOCKER = ROOT.resolve("docker");

	/** {@code ${NAME:default}} or {@code ${NAME}} with an environment-style name. */
	private static final Pattern SPRING_PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");

	/** picocli's {@code ${env:NAME:-default}}. */
	private static final Pattern PICOCLI_ENV = Pattern.compile("\\$\\{env:([A-Z][A-Z0-9_]*)");

	private Repository() {
	}

	private static Path findRoot() {
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("deploy"))) {
				return dir;
			}
		}
		throw new IllegalStateException("run from inside the repository (no mvnw with a deploy/ folder above "
				+ Path.of("").toAbsolutePath() + ")");
	}

	/**
	 * How long the readiness check's DynamoDB call may take: the AWS client's call
	 * timeout ({@code shop.clients.aws.api-call-timeout}, service-clients' default unless
	 * a service's configuration sets another), or a timeout of service-support's own for
	 * the health check, whichever is longest.
	 * @return the longest such timeout found in the code
	 */
	static Duration readinessCheckTimeout() {
		Duration longest = Duration.ZERO;
		Pattern field = Pattern.compile("(\\w*[Tt]imeout)\\s*=\\s*Duration\\.of(Millis|Seconds)\\((\\d+)\\)");
		for (String module : List.of("service-clients", "service-support")) {
			for (Path file : mainSources(module)) {
				Matcher matcher = field.matcher(read(file));
				while (matcher.find()) {
					String name = matcher.group(1);
					boolean readinessCall = (module.equals("service-clients") && name.equals("apiCallTimeout"))
							|| (module.equals("service-support") && name.matches("(?i).*(health|readiness|check).*"));
					if (readinessCall) {
						Duration value = matcher.group(2).equals("Millis")
								? Duration.ofMillis(Long.parseLong(matcher.group(3)))
								: Duration.ofSeconds(Long.parseLong(matcher.group(3)));
						longest = (value.compareTo(longest) > 0) ? value : longest;
					}
				}
			}
		}
		Pattern override = Pattern.compile("(?m)^\\s*api-call-timeout:\\s*(?:\\$\\{[A-Z_]+:)?(\\d+)(ms|s)");
		for (String module : List.of("catalogservice", "cartservice", "orderservice")) {
			for (Path file : mainSources(module)) {
				if (file.toString().endsWith(".yml") || file.toString().endsWith(".yaml")) {
					Matcher matcher = override.matcher(read(file));
					while (matcher.find()) {
						long amount = Long.parseLong(matcher.group(1));
						Duration value = matcher.group(2).equals("ms") ? Duration.ofMillis(amount)
								: Duration.ofSeconds(amount);
						longest = (value.compareTo(longest) > 0) ? value : longest;
					}
				}
			}
		}
		return longest;
	}

	static boolean moduleExists(String module) {
		return Files.isRegularFile(ROOT.resolve(module).resolve("pom.xml"));
	}

	static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The environment variables a module reads through Spring placeholders, in its own
	 * main configuration and code and in those of the project modules it depends on.
	 * @param module the module (folder) name
	 * @return each variable with the first file that reads it
	 */
	static Map<String, Path> environmentReadBy(String module) {
		Map<String, Path> found = new LinkedHashMap<>();
		for (String each : withProjectDependencies(module)) {
			for (Path file : mainSources(each)) {
				Matcher matcher = SPRING_PLACEHOLDER.matcher(read(file));
				while (matcher.find()) {
					found.putIfAbsent(matcher.group(1), ROOT.relativize(file));
				}
			}
		}
		return found;
	}

	/**
	 * The environment variables a picocli program reads ({@code ${env:NAME:-...}}).
	 * @param module the module (folder) name
	 * @return the variable names
	 */
	static Set<String> picocliEnvironmentReadBy(String module) {
		Set<String> found = new LinkedHashSet<>();
		for (Path file : mainSources(module)) {
			Matcher matcher = PICOCLI_ENV.matcher(read(file));
			while (matcher.find()) {
				found.add(matcher.group(1));
			}
		}
		return found;
	}

	/**
	 * The main Java sources of a module and its default-profile configuration files.
	 * @param module the module (folder) name
	 * @return the files
	 */
	static List<Path> mainSources(String module) {
		Path main = ROOT.resolve(module).resolve("src/main");
		List<Path> files = new ArrayList<>();
		for (String name : List.of("application.yml", "application.yaml", "application.properties")) {
			Path config = main.resolve("resources").resolve(name);
			if (Files.isRegularFile(config)) {
				files.add(config);
			}
		}
		Path java = main.resolve("java");
		if (Files.isDirectory(java)) {
			try (Stream<Path> walk = Files.walk(java)) {
				walk.filter((path) -> path.toString().endsWith(".java")).sorted().forEach(files::add);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return files;
	}

	/**
	 * A module and, transitively, the project modules it needs at run time (compile and
	 * runtime scope), read from the POMs.
	 * @param module the module (folder) name
	 * @return the modules, the given one first
	 */
	static Set<String> withProjectDependencies(String module) {
		Set<String> modules = new LinkedHashSet<>();
		collect(module, modules);
		return modules;
	}

	private static void collect(String module, Set<String> modules) {
		if (!moduleExists(module) || !modules.add(module)) {
			return;
		}
		Element project = pom(module).getDocumentElement();
		for (Element dependency : children(child(project, "dependencies"), "dependency")) {
			String scope = text(dependency, "scope");
			if ("com.anycompany.shop".equals(text(dependency, "groupId"))
					&& (scope == null || scope.equals("compile") || scope.equals("runtime"))) {
				collect(text(dependency, "artifactId"), modules);
			}
		}
	}

	static Document pom(String module) {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			return factory.newDocumentBuilder().parse(ROOT.resolve(module).resolve("pom.xml").toFile());
		}
		catch (Exception ex) {
			throw new IllegalStateException("cannot read the POM of " + module, ex);
		}
	}

	static Element child(Element parent, String name) {
		if (parent == null) {
			return null;
		}
		for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node instanceof Element element && element.getTagName().equals(name)) {
				return element;
			}
		}
		return null;
	}

	static List<Element> children(Element parent, String name) {
		List<Element> elements = new ArrayList<>();
		if (parent != null) {
			NodeList nodes = parent.getChildNodes();
			for (int i = 0; i < nodes.getLength(); i++) {
				if (nodes.item(i) instanceof Element element && element.getTagName().equals(name)) {
					elements.add(element);
				}
			}
		}
		return elements;
	}

	static String text(Element parent, String name) {
		Element element = child(parent, name);
		return (element != null) ? element.getTextContent().strip() : null;
	}

}
