package com.anycompany.shop.loadgen;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import com.anycompany.shop.testsupport.StubServers;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

class LoadgenApplicationTests {

	@RegisterExtension
	static WireMockExtension storefront = StubServers.extension();

	@BeforeEach
	void start() {
		StorefrontStubs.register(storefront);
	}

	@Test
	void flagsConfigureARunAndTheReportIsPrinted() throws Exception {
		URI url = URI.create(StubServers.url(storefront));
		ByteArrayOutputStream out = new ByteArrayOutputStream();

		int exit = LoadgenApplication.commandLine(new PrintStream(out, true, StandardCharsets.UTF_8))
			.execute("--target", url + "/", "--users", "2", "--iterations", "5", "--think-time", "0",
					"--progress-interval", "0", "--seed", "9");

		String text = out.toString(StandardCharsets.UTF_8);
		assertThat(exit).isZero();
		assertThat(text).contains("2 shoppers on " + url + " until stopped")
			.contains("2 users, ")
			.containsPattern("all pages\\s+\\d+\\s+0\\s+0.0%");
	}

	@Test
	void environmentVariablesConfigureTheContainer() throws Exception {
		URI url = URI.create(StubServers.url(storefront));
		ProcessBuilder java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-cp", System.getProperty("java.class.path"), LoadgenApplication.class.getName())
			.redirectErrorStream(true);
		java.environment().put("LOADGEN_TARGET", url.toString());
		java.environment().put("LOADGEN_USERS", "3");
		java.environment().put("LOADGEN_DURATION", "2s");
		java.environment().put("LOADGEN_THINK_TIME", "100ms");
		java.environment().put("LOADGEN_PROGRESS_INTERVAL", "1s");
		Process process = java.start();
		assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
		String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

		assertThat(process.exitValue()).as(text).isZero();
		assertThat(text).contains("3 shoppers on " + url + " for 2.0s", "3 users, ", "all pages")
			.containsPattern("\\[\\s+1s\\]");
		assertThat(StorefrontStubs.sessions(storefront)).isEqualTo(3);
	}

	@Test
	void badSettingsAreExplainedWithoutAStackTrace() {
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		picocli.CommandLine commandLine = LoadgenApplication.commandLine(System.out);
		commandLine.setErr(new java.io.PrintWriter(err, true, StandardCharsets.UTF_8));

		int exit = commandLine.execute("--users", "0");
		int badDuration = commandLine.execute("--duration", "soon");

		assertThat(exit).isEqualTo(2);
		assertThat(badDuration).isEqualTo(2);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("users must be at least 1")
			.contains("'soon' is not a duration")
			.doesNotContain("\tat ");
	}

}
