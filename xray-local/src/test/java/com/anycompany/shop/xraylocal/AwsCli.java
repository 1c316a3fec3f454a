package com.anycompany.shop.xraylocal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The AWS CLI (v1, Python) against a local endpoint, many commands in one process: the
 * CLI's own driver, as the {@code aws} script runs it, fed each command's arguments in
 * turn. Dummy credentials and region; nothing leaves loopback.
 */
public final class AwsCli {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** One command's outcome. */
	public record Result(List<String> args, int rc, String stdout, String stderr) {

		public JsonNode json() {
			return JSON.readTree(this.stdout.isBlank() ? "{}" : this.stdout);
		}

	}

	private AwsCli() {
	}

	/**
	 * Runs {@code aws xray ...} commands (each without {@code aws}, with the endpoint
	 * added); skips the test when the AWS CLI v1 is not installed.
	 */
	public static List<Result> run(int port, List<List<String>> commands) throws Exception {
		String python = python();
		List<List<String>> full = new ArrayList<>();
		for (List<String> command : commands) {
			List<String> args = new ArrayList<>(command);
			args.addAll(List.of("--endpoint-url", "http://127.0.0.1:" + port, "--output", "json"));
			full.add(args);
		}
		Path script = Files.createTempFile("aws-cli-batch", ".py");
		try (InputStream in = AwsCli.class.getResourceAsStream("/aws-cli-batch.py")) {
			Files.write(script, in.readAllBytes());
		}
		ProcessBuilder builder = new ProcessBuilder(python, script.toString());
		Map<String, String> env = builder.environment();
		env.put("AWS_ACCESS_KEY_ID", "local");
		env.put("AWS_SECRET_ACCESS_KEY", "local");
		env.put("AWS_DEFAULT_REGION", "us-east-1");
		env.put("AWS_EC2_METADATA_DISABLED", "true");
		env.put("AWS_CONFIG_FILE", "/dev/null");
		env.put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
		builder.redirectError(ProcessBuilder.Redirect.INHERIT);
		Process process = builder.start();
		process.getOutputStream().write(JSON.writeValueAsBytes(full));
		process.getOutputStream().close();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(5, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new IllegalStateException("The AWS CLI did not finish");
		}
		Files.deleteIfExists(script);
		List<Result> results = new ArrayList<>();
		for (String line : output.split("\n")) {
			if (line.isBlank()) {
				continue;
			}
			JsonNode node = JSON.readTree(line);
			List<String> args = new ArrayList<>();
			node.path("args").forEach((a) -> args.add(a.asString()));
			results.add(new Result(args, node.path("rc").asInt(), node.path("stdout").asString(),
					node.path("stderr").asString()));
		}
		if (results.size() != commands.size()) {
			throw new IllegalStateException(
					"The AWS CLI ran " + results.size() + " of " + commands.size() + " commands; output: " + output);
		}
		return results;
	}

	/** The Python that runs the {@code aws} script (its shebang), if it is the CLI v1. */
	private static String python() throws IOException {
		for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
			Path aws = Path.of(dir, "aws");
			if (!Files.isRegularFile(aws)) {
				continue;
			}
			String first = Files.readAllLines(aws, StandardCharsets.ISO_8859_1).stream().findFirst().orElse("");
			if (first.startsWith("#!") && first.contains("python")) {
				return first.substring(2).trim();
			}
			if (first.startsWith("#!")) {
				// pyenv's shim: a shell script; the real script is elsewhere
				Process which = new ProcessBuilder("pyenv", "which", "aws").start();
				String real = new String(which.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
				if (!real.isEmpty() && Files.isRegularFile(Path.of(real))) {
					String shebang = Files.readAllLines(Path.of(real), StandardCharsets.ISO_8859_1)
						.stream()
						.findFirst()
						.orElse("");
					if (shebang.startsWith("#!") && shebang.contains("python")) {
						return shebang.substring(2).trim();
					}
				}
			}
		}
		Assumptions.abort("The AWS CLI v1 (the Python one) is not on the PATH");
		return null;
	}

}
