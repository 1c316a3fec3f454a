package com.anycompany.shop.launcher;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import com.anycompany.shop.launcher.stack.LocalShop;
import com.anycompany.shop.launcher.stack.Plan;
import com.anycompany.shop.launcher.stack.Prerequisites;
import com.anycompany.shop.launcher.stack.ProjectBuild;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A project folder whose "services" are {@link FakeService} in executable jars, so that
 * {@link LocalShop} runs its real path (java -jar, ports, environment, supervision) in
 * seconds; the local DynamoDB is the real dynalite.
 */
public final class FakeProject {

	private FakeProject() {
	}

	/** Creates the jars of every Java module, and links the installed local DynamoDB. */
	public static Path create(Path dir) throws IOException {
		createJarsOnly(dir);
		Files.createSymbolicLink(dir.resolve("local-dynamodb"), localDynamoDb());
		return dir;
	}

	/** Creates the jars of every Java module. */
	public static Path createJarsOnly(Path dir) throws IOException {
		for (String module : LocalShop.JAVA_MODULES) {
			Path jar = ProjectBuild.jar(dir, module);
			Files.createDirectories(jar.getParent());
			writeJar(jar);
		}
		return dir;
	}

	/** The project's real local DynamoDB; skips the test when it is not installed. */
	static Path localDynamoDb() {
		String configured = System.getProperty("shop.local-dynamodb.dir");
		Path dir = (configured != null) ? Path.of(configured)
				: Path.of("..", "local-dynamodb").toAbsolutePath().normalize();
		assumeTrue(Files.isRegularFile(Plan.dynaliteCli(dir)),
				"dynalite is not installed: run `npm ci` in " + dir + " (.ci/run does)");
		assumeTrue(Prerequisites.version(java.util.List.of("node", "--version")) != null, "node is not installed");
		return dir;
	}

	private static void writeJar(Path jar) throws IOException {
		Manifest manifest = new Manifest();
		manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
		manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeService.class.getName());
		String entry = FakeService.class.getName().replace('.', '/') + ".class";
		try (OutputStream file = Files.newOutputStream(jar);
				JarOutputStream out = new JarOutputStream(file, manifest)) {
			out.putNextEntry(new JarEntry(entry));
			out.write(Files.readAllBytes(Fakes.testClasses().resolve(entry)));
			out.closeEntry();
		}
	}

}
