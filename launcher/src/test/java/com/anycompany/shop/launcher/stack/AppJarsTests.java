package com.anycompany.shop.launcher.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import com.anycompany.shop.launcher.FakeProject;
import com.anycompany.shop.launcher.Fakes;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class AppJarsTests {

	@TempDir
	Path dir;

	@Test
	void aPlainJarRunsAsItIs() throws Exception {
		Path project = FakeProject.createJarsOnly(this.dir.resolve("project"));
		Path jar = ProjectBuild.jar(project, "cartservice");
		AppJars jars = new AppJars(this.dir.resolve("cache"), Fakes.java(), true);

		AppJars.Launch launch = jars.prepare("cartservice", jar);

		assertThat(launch.jar()).isEqualTo(jar);
		assertThat(launch.archive()).isNull();
		assertThat(launch.archiveOptions()).isEmpty();
		assertThat(this.dir.resolve("cache")).doesNotExist();
	}

	@Test
	void aSpringBootJarIsExtractedOnceAndAgainWhenItChanges() throws Exception {
		Path jar = Files.copy(springBootJar(), this.dir.resolve("xray-local.jar"));
		AppJars jars = new AppJars(this.dir.resolve("cache"), Fakes.java(), true);

		AppJars.Launch first = jars.prepare("xray-local", jar);

		Path extracted = this.dir.resolve("cache/xray-local/app/xray-local.jar");
		assertThat(first.jar()).isEqualTo(extracted).isRegularFile();
		assertThat(this.dir.resolve("cache/xray-local/app/lib")).isDirectory();
		assertThat(first.archive()).isEqualTo(this.dir.resolve("cache/xray-local/xray-local.jsa"));
		assertThat(first.hasArchive()).isFalse();
		assertThat(jars.trainingCommand(first, List.of("-Xmx64m"))).containsSubsequence(Fakes.java(), "-Xmx64m",
				"-XX:ArchiveClassesAtExit=" + first.archive(), "-Dspring.context.exit=onRefresh", "-jar",
				extracted.toString());

		// unchanged: kept as it is, archive included
		Files.writeString(first.archive(), "archive");
		Path marker = Files.writeString(this.dir.resolve("cache/xray-local/app/marker"), "kept");
		AppJars.Launch again = jars.prepare("xray-local", jar);
		assertThat(marker).exists();
		assertThat(again.hasArchive()).isTrue();
		assertThat(again.archiveOptions()).containsExactly("-XX:SharedArchiveFile=" + first.archive());

		// rebuilt: extracted anew, the old archive gone
		Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));
		AppJars.Launch rebuilt = jars.prepare("xray-local", jar);
		assertThat(marker).doesNotExist();
		assertThat(rebuilt.jar()).isRegularFile();
		assertThat(rebuilt.hasArchive()).isFalse();
	}

	@Test
	void withoutArchivesOnlyTheExtractedJarIsUsed() throws Exception {
		Path built = springBootJar();
		AppJars jars = new AppJars(this.dir.resolve("cache"), Fakes.java(), false);

		AppJars.Launch launch = jars.prepare("xray-local", built);

		assertThat(launch.jar()).isEqualTo(this.dir.resolve("cache/xray-local/app/xray-local.jar"));
		assertThat(launch.archive()).isNull();
	}

	/**
	 * A real Spring Boot jar of this project: xray-local's, built before the launcher.
	 */
	private static Path springBootJar() {
		Path jar = Path.of("..", "xray-local", "target", "xray-local.jar").toAbsolutePath().normalize();
		assumeTrue(Files.isRegularFile(jar), "needs xray-local/target/xray-local.jar (built before the launcher)");
		return jar;
	}

	@Test
	void springBootJarsAreRecognised() throws Exception {
		Path project = FakeProject.createJarsOnly(this.dir.resolve("project"));

		assertThat(AppJars.isSpringBootJar(ProjectBuild.jar(project, "frontend"))).isFalse();
		assertThat(AppJars.isSpringBootJar(this.dir.resolve("missing.jar"))).isFalse();
	}

}
