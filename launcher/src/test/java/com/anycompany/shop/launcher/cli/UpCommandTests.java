package com.anycompany.shop.launcher.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.anycompany.shop.launcher.FakeProject;
import com.anycompany.shop.launcher.Fakes;
import com.anycompany.shop.launcher.control.ControlClient;
import com.anycompany.shop.launcher.control.StateFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./shop up} as its own process, stopped as Ctrl-C (or {@code kill}) stops it.
 */
class UpCommandTests {

	@TempDir
	Path dir;

	@Test
	void upRunsUntilSignalledThenLeavesNoProcessBehind() throws Exception {
		Path project = FakeProject.create(this.dir);
		ProcessBuilder builder = new ProcessBuilder(Fakes.java(), "-Dshop.home=" + project, "-cp",
				System.getProperty("java.class.path"), ShopCli.class.getName(), "up", "--free-ports", "--no-tracing")
			.redirectErrorStream(true);
		builder.environment().remove("SHOP_PORTS");
		Process up = builder.start();
		List<String> lines = new CopyOnWriteArrayList<>();
		CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> read(up, lines));
		try {
			org.awaitility.Awaitility.await()
				.atMost(java.time.Duration.ofSeconds(90))
				.until(() -> lines.contains("  AnyCompany Shop is running.") || !up.isAlive());
			assertThat(lines).as(String.join("\n", lines)).contains("  AnyCompany Shop is running.");

			ControlClient client = ControlClient.connect(project);
			List<Long> pids = new ArrayList<>();
			client.status().forEach((process) -> pids.add(process.pid()));
			assertThat(pids).hasSize(8).allSatisfy((pid) -> assertThat(Fakes.alive(pid)).isTrue());
			assertThat(client.state().launcherPid()).isEqualTo(up.pid());
			assertThat(lines)
				.anySatisfy((line) -> assertThat(line).startsWith("    Storefront      http://localhost:"));

			alreadyRunningIsExplained(project, up.pid());

			// SIGTERM (the handle's destroy leaves the output readable); Ctrl-C's SIGINT
			// takes the same way out: the shutdown hook
			up.toHandle().destroy();
			assertThat(up.waitFor(60, TimeUnit.SECONDS)).isTrue();
			reader.get(10, TimeUnit.SECONDS);

			assertThat(pids).allSatisfy((pid) -> assertThat(Fakes.alive(pid)).as("pid %d", pid).isFalse());
			assertThat(StateFile.location(project)).doesNotExist();
			assertThat(lines).contains(lines.stream()
				.filter((line) -> line.endsWith("stopped: no process left"))
				.findFirst()
				.orElse("missing 'stopped'"));
		}
		finally {
			up.descendants().forEach(ProcessHandle::destroyForcibly);
			up.destroyForcibly();
		}
	}

	private void alreadyRunningIsExplained(Path project, long pid) {
		System.setProperty("shop.home", project.toString());
		try {
			StringWriter err = new StringWriter();
			int exit = ShopCli.commandLine().setErr(new PrintWriter(err, true)).execute("up");

			assertThat(exit).isEqualTo(1);
			assertThat(err.toString()).contains("The shop is already running (./shop up, pid " + pid);
		}
		finally {
			System.clearProperty("shop.home");
		}
	}

	private static void read(Process process, List<String> lines) {
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				lines.add(line);
			}
		}
		catch (java.io.IOException ex) {
			lines.add("(output lost: " + ex + ")");
		}
	}

	@Test
	void helpIsClear() {
		StringWriter out = new StringWriter();
		CommandLine cli = ShopCli.commandLine().setOut(new PrintWriter(out, true));

		assertThat(cli.execute("--help")).isZero();
		assertThat(cli.execute("up", "--help")).isZero();

		assertThat(out.toString()).contains("Usage: shop [-hV] [COMMAND]", "http://localhost:8080",
				"up      Build what is missing", "Usage: shop up", "--port=NAME=PORT", "--free-ports", "--[no-]tracing",
				"SHOP_TRACING_ENABLED=false", "--load", "--chaos");
	}

}
