package com.anycompany.shop.launcher.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import com.anycompany.shop.launcher.Fakes;
import com.anycompany.shop.launcher.LaunchException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The build step with a stand-in Maven wrapper.
 */
class ProjectBuildTests {

	@TempDir
	Path project;

	private final Fakes.Output output = new Fakes.Output();

	@Test
	void missingJarsAreBuiltWithProgressPerModule() throws Exception {
		wrapper("""
				echo "[INFO] Reactor Build Order:"
				echo "[INFO] Building AnyCompany Shop :: tracing 1.0.0-SNAPSHOT                    [1/2]"
				echo "[INFO] Building cartservice 1.0.0-SNAPSHOT                                [2/2]"
				echo "args: $*" > args.txt
				mkdir -p cartservice/target && touch cartservice/target/cartservice.jar
				""");
		ProjectBuild build = new ProjectBuild(this.project, this.project.resolve("logs"), this.output.console());
		assertThat(build.missing(List.of("cartservice", "frontend"))).containsExactly("cartservice", "frontend");
		Files.createDirectories(this.project.resolve("frontend/target"));
		Files.writeString(this.project.resolve("frontend/target/frontend.jar"), "");

		build.build(List.of("cartservice"));

		assertThat(Files.readString(this.project.resolve("args.txt")).strip())
			.isEqualTo("args: -B -ntp -DskipTests -pl cartservice -am package");
		assertThat(this.output.text()).contains("build              building cartservice (Maven; log: ")
			.contains("build              AnyCompany Shop :: tracing (1/2)")
			.contains("build              cartservice (2/2)");
		assertThat(this.project.resolve("logs/build.log")).content().contains("Reactor Build Order");
		assertThat(build.missing(List.of("cartservice", "frontend"))).isEmpty();
	}

	@Test
	void aFailedBuildNamesItsLogAndItsErrors() throws Exception {
		wrapper("""
				echo "[INFO] Building cartservice 1.0.0-SNAPSHOT [1/1]"
				echo "[ERROR] /src/Cart.java:[12,5] cannot find symbol"
				echo "[ERROR] "
				echo "[ERROR] -> [Help 1]"
				exit 1
				""");
		ProjectBuild build = new ProjectBuild(this.project, this.project.resolve("logs"), this.output.console());

		assertThatExceptionOfType(LaunchException.class).isThrownBy(() -> build.build(List.of("cartservice")))
			.withMessageStartingWith(
					"The build failed (exit code 1). Its log: " + this.project.resolve("logs/build.log"))
			.withMessageContaining("  [ERROR] /src/Cart.java:[12,5] cannot find symbol")
			.withMessageNotContaining("[Help 1]")
			.withMessageContaining("Fix it, then run ./shop up again.");
	}

	@Test
	void aBuildThatMakesNoJarIsReported() throws Exception {
		wrapper("echo ok");
		ProjectBuild build = new ProjectBuild(this.project, this.project.resolve("logs"), this.output.console());

		assertThatExceptionOfType(LaunchException.class).isThrownBy(() -> build.build(List.of("imageservice")))
			.withMessageContaining("did not produce " + this.project.resolve("imageservice/target/imageservice.jar"));
	}

	private void wrapper(String body) throws Exception {
		Path mvnw = this.project.resolve("mvnw");
		Files.writeString(mvnw, "#!/bin/sh\n" + body);
		Files.setPosixFilePermissions(mvnw, PosixFilePermissions.fromString("rwxr-xr-x"));
	}

}
