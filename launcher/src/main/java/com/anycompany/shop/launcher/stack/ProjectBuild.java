package com.anycompany.shop.launcher.stack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.anycompany.shop.launcher.Console;
import com.anycompany.shop.launcher.LaunchException;
import com.anycompany.shop.launcher.process.ProcessTree;

/**
 * Builds what is missing: the executable jars with the Maven wrapper, the local DynamoDB
 * with {@code npm ci}. Output goes to a log; the console gets one line per module.
 */
public final class ProjectBuild {

	private static final Pattern MAVEN_MODULE = Pattern
		.compile("\\[INFO\\] Building (.+?) \\S+\\s+\\[(\\d+)/(\\d+)\\]");

	private final Path projectDir;

	private final Path logsDir;

	private final Console console;

	public ProjectBuild(Path projectDir, Path logsDir, Console console) {
		this.projectDir = projectDir;
		this.logsDir = logsDir;
		this.console = console;
	}

	public static Path jar(Path projectDir, String module) {
		return projectDir.resolve(module).resolve("target").resolve(module + ".jar");
	}

	/** The modules whose executable jar is missing. */
	public List<String> missing(List<String> modules) {
		return modules.stream().filter((module) -> !Files.isRegularFile(jar(this.projectDir, module))).toList();
	}

	/**
	 * Builds the modules with {@code ./mvnw -B -DskipTests -pl <modules> -am package}.
	 * @throws LaunchException when the build fails, naming its log
	 */
	public void build(List<String> modules) throws InterruptedException {
		build(modules, "build.log");
	}

	/**
	 * Builds the modules, logging to the given file of the logs folder.
	 * @throws LaunchException when the build fails, naming its log
	 */
	public void build(List<String> modules, String logName) throws InterruptedException {
		Path mvnw = this.projectDir.resolve("mvnw");
		if (!Files.isExecutable(mvnw)) {
			throw new LaunchException("Cannot build: " + mvnw + " is missing or not executable.");
		}
		Path log = this.logsDir.resolve(logName);
		List<String> command = List.of(mvnw.toString(), "-B", "-ntp", "-DskipTests", "-pl", String.join(",", modules),
				"-am", "package");
		this.console.line("build", "building " + String.join(", ", modules) + " (Maven; log: " + log + ")");
		ProcessBuilder builder = new ProcessBuilder(command).directory(this.projectDir.toFile())
			.redirectErrorStream(true);
		if (System.getenv("JAVA_HOME") == null) {
			// build with the Java that runs the launcher
			builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
		}
		int exit = run(builder, log, (line) -> {
			Matcher module = MAVEN_MODULE.matcher(line);
			if (module.find()) {
				this.console.line("build", module.group(1) + " (" + module.group(2) + "/" + module.group(3) + ")");
			}
		});
		if (exit != 0) {
			List<String> errors = errorLines(log);
			throw new LaunchException("The build failed (exit code " + exit + "). Its log: " + log
					+ (errors.isEmpty() ? ""
							: "\n" + errors.stream().map((e) -> "  " + e).collect(Collectors.joining("\n")))
					+ "\nFix it, then run ./shop up again.");
		}
		List<String> stillMissing = missing(modules);
		if (!stillMissing.isEmpty()) {
			throw new LaunchException("The build passed but did not produce " + stillMissing.stream()
				.map((module) -> jar(this.projectDir, module).toString())
				.collect(Collectors.joining(", ")) + ". Its log: " + log);
		}
	}

	/**
	 * Installs dynalite with {@code npm ci} (exactly as the lock file pins it).
	 * @throws LaunchException when npm is missing or fails, naming its log
	 */
	void installDynalite(Path localDynamoDbDir, String npm) throws InterruptedException {
		Path log = this.logsDir.resolve("npm-ci.log");
		this.console.line("dynamodb",
				"installing the local DynamoDB (npm ci in " + localDynamoDbDir + "; log: " + log + ")");
		ProcessBuilder builder = new ProcessBuilder(npm, "ci", "--no-audit", "--no-fund")
			.directory(localDynamoDbDir.toFile())
			.redirectErrorStream(true);
		int exit;
		try {
			exit = run(builder, log, (line) -> {
			});
		}
		catch (LaunchException ex) {
			throw new LaunchException("Cannot run npm to install the local DynamoDB: " + ex.getMessage()
					+ ". Install Node.js with npm, or run `npm ci` in " + localDynamoDbDir + " yourself.");
		}
		if (exit != 0) {
			throw new LaunchException(
					"npm ci failed in " + localDynamoDbDir + " (exit code " + exit + "). Its log: " + log);
		}
	}

	private static int run(ProcessBuilder builder, Path log, java.util.function.Consumer<String> onLine)
			throws InterruptedException {
		Process process;
		try {
			Files.createDirectories(log.getParent());
			process = builder.start();
		}
		catch (IOException ex) {
			throw new LaunchException(String.join(" ", builder.command()) + ": " + ex.getMessage(), ex);
		}
		// Ctrl-C during a build: no Maven (or npm) left running behind the launcher
		try (ProcessTree.Bound bound = ProcessTree.bindToLauncher(process);
				BufferedReader reader = new BufferedReader(
						new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
				Writer writer = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
			String line;
			while ((line = reader.readLine()) != null) {
				writer.write(line);
				writer.write(System.lineSeparator());
				onLine.accept(line);
			}
			return process.waitFor();
		}
		catch (IOException ex) {
			throw new LaunchException("Lost the output of " + builder.command().get(0) + ": " + ex.getMessage(), ex);
		}
	}

	/** The build's first error lines, the ones that say what broke. */
	private static List<String> errorLines(Path log) {
		List<String> errors = new ArrayList<>();
		try {
			for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
				if (line.startsWith("[ERROR]") && !line.strip().equals("[ERROR]") && !line.contains("-> [Help")
						&& errors.size() < 12) {
					errors.add(line);
				}
			}
		}
		catch (IOException ex) {
			// the log's name is in the message anyway
		}
		return errors;
	}

}
