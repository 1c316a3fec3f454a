package com.anycompany.shop.launcher.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import com.anycompany.shop.launcher.Console;
import com.anycompany.shop.launcher.LaunchException;
import com.anycompany.shop.launcher.control.StateFile;
import com.anycompany.shop.launcher.process.ComponentSpec;
import com.anycompany.shop.launcher.process.HealthCheck;
import com.anycompany.shop.launcher.stack.LocalShop;
import com.anycompany.shop.launcher.stack.ProjectBuild;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/**
 * {@code ./shop load}: the load generator ({@code loadgen/target/loadgen.jar}) against
 * the running shop, in the foreground.
 */
@Command(name = "load", header = "Run simulated shoppers against the running shop.", sortOptions = false,
		usageHelpAutoWidth = true,
		description = { "Runs simulated shoppers against the running shop (home page, products, cart, checkout and "
				+ "order), prints progress and, at the end or on Ctrl-C, a table per page: requests, errors, "
				+ "p50/p95/p99 latency. Builds loadgen when its jar is missing.", "" },
		footer = { "", "Other options go to the load generator as they are: ./shop load --rate 20 --think-time 500ms "
				+ "(see java -jar loadgen/target/loadgen.jar --help)." })
public final class LoadCommand implements Callable<Integer> {

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Mixin
	LoadOptions load;

	@Option(names = { "-t", "--target" }, paramLabel = "URL",
			description = "The storefront. Default: the running ./shop up's, else http://localhost:8080")
	String target;

	@Unmatched
	List<String> passThrough = new ArrayList<>();

	@Override
	public Integer call() throws InterruptedException {
		Path project = ShopCli.projectDir();
		Console console = new Console(this.spec.commandLine().getOut());
		ProjectBuild build = new ProjectBuild(project, project.resolve(".shop").resolve("logs"), console);
		if (!build.missing(List.of("loadgen")).isEmpty()) {
			build.build(List.of("loadgen"), "build-loadgen.log");
		}
		String storefront = (this.target != null) ? this.target
				: StateFile.read(StateFile.location(project))
					.map((state) -> state.storefront().toString())
					.orElse(null);
		List<String> command = new ArrayList<>(javaCommand(ProjectBuild.jar(project, "loadgen")));
		if (storefront != null) {
			command.addAll(List.of("--target", storefront));
		}
		command.addAll(this.load.arguments());
		command.addAll(this.passThrough);
		Process loadgen;
		try {
			loadgen = new ProcessBuilder(command).inheritIO().start();
		}
		catch (java.io.IOException ex) {
			throw new LaunchException("Cannot start the load generator: " + ex.getMessage(), ex);
		}
		// Ctrl-C reaches loadgen too, which then prints its report: wait for it, never
		// leave it behind
		Thread waitForReport = new Thread(() -> {
			try {
				if (!loadgen.waitFor(20, TimeUnit.SECONDS)) {
					loadgen.destroyForcibly();
				}
			}
			catch (InterruptedException ex) {
				loadgen.destroyForcibly();
			}
		});
		Runtime.getRuntime().addShutdownHook(waitForReport);
		int exit = loadgen.waitFor();
		try {
			Runtime.getRuntime().removeShutdownHook(waitForReport);
		}
		catch (IllegalStateException shuttingDown) {
			// the hook waits
		}
		return exit;
	}

	static List<String> javaCommand(Path jar) {
		return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
				"-XX:+UseSerialGC", "-Xss512k", "-Xmx128m", "-jar", jar.toString());
	}

	/** The load generator as one more supervised process of {@code ./shop up --load}. */
	static ComponentSpec loadgenSpec(LocalShop shop, LoadOptions load) {
		List<String> command = new ArrayList<>(javaCommand(ProjectBuild.jar(shop.settings().projectDir(), "loadgen")));
		command.addAll(List.of("--target", shop.storefrontUrl().toString(), "--progress-interval", "30s"));
		command.addAll(load.arguments());
		return new ComponentSpec("loadgen", command, shop.settings().environment(), shop.settings().projectDir(),
				shop.logsDir().resolve("loadgen.log"), HealthCheck.running(), false, 2);
	}

}
