package com.anycompany.shop.launcher.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.anycompany.shop.launcher.Component;
import com.anycompany.shop.launcher.LaunchException;
import com.anycompany.shop.launcher.control.ControlClient;
import com.anycompany.shop.launcher.control.StateFile;
import com.anycompany.shop.launcher.process.Supervisor;
import com.anycompany.shop.schedule.DurationConverter;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ./shop}: the one command of the local shop.
 */
@Command(name = "shop", mixinStandardHelpOptions = true, versionProvider = ShopCli.Version.class,
		usageHelpAutoWidth = true, scope = CommandLine.ScopeType.INHERIT,
		description = {
				"AnyCompany Shop on this machine: six services traced with AWS X-Ray, a local X-Ray daemon "
						+ "and console (xray-local) and a local DynamoDB, all on loopback.",
				"", "Start with ./shop up, then open", "  http://localhost:8080  the storefront",
				"  http://localhost:2000  the X-Ray console (service map, traces)",
				"Help on a command: ./shop help up (or ./shop up --help)", "" },
		subcommands = { UpCommand.class, LoadCommand.class, ChaosCommand.class, CommandLine.HelpCommand.class })
public final class ShopCli implements Runnable {

	/** How long {@code ./shop stop} waits for the shop to end. */
	private static final Duration STOP_WAIT = Duration.ofSeconds(60);

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	public static void main(String[] args) {
		System.exit(commandLine().execute(args));
	}

	public static CommandLine commandLine() {
		CommandLine commandLine = new CommandLine(new ShopCli());
		// every command's durations (20s, 2m, PT2M) read the same way
		commandLine.registerConverter(Duration.class, new DurationConverter());
		commandLine.setExecutionExceptionHandler((ex, line, parseResult) -> {
			PrintWriter err = line.getErr();
			if (ex instanceof LaunchException) {
				err.println();
				err.println("shop: " + ex.getMessage());
				err.flush();
				return 1;
			}
			if (ex instanceof InterruptedException) {
				return 130;
			}
			if (System.getenv("SHOP_DEBUG") != null) {
				ex.printStackTrace(err);
			}
			else {
				err.println("shop: unexpected error: " + ex + " (SHOP_DEBUG=1 shows the stack trace)");
			}
			err.flush();
			return 2;
		});
		return commandLine;
	}

	@Override
	public void run() {
		this.spec.commandLine().usage(this.spec.commandLine().getOut());
	}

	@Command(name = "status", header = "Show the running shop's URLs and processes.",
			description = "Shows the running shop's URLs and every process: state, pid, restarts, port.")
	void status() {
		PrintWriter out = this.spec.commandLine().getOut();
		ControlClient client = ControlClient.connect(projectDir());
		StateFile state = client.state();
		out.println("AnyCompany Shop (./shop up, pid " + state.launcherPid() + ")");
		out.println("  Storefront     " + state.storefront());
		out.println("  X-Ray console  " + state.console());
		out.println("  Logs           " + state.logsDir());
		out.println();
		out.printf(Locale.ROOT, "  %-20s %-20s %8s %9s %6s%n", "process", "state", "pid", "restarts", "port");
		for (ControlClient.ProcessLine process : client.status()) {
			String port = Component.find(process.name())
				.map((component) -> String.valueOf(state.ports().of(component)))
				.orElse("-");
			out.printf(Locale.ROOT, "  %-20s %-20s %8d %9d %6s%n", process.name(),
					Supervisor.State.valueOf(process.state()).describe(), process.pid(), process.restarts(), port);
		}
	}

	@Command(name = "stop", header = "Stop the running shop from another terminal.",
			description = "Stops the running shop (as Ctrl-C in its terminal) and waits until nothing is left.")
	void stop() throws Exception {
		PrintWriter out = this.spec.commandLine().getOut();
		ControlClient client = ControlClient.connect(projectDir());
		long pid = client.state().launcherPid();
		client.stop();
		out.println("Stopping the shop (pid " + pid + ") ...");
		Optional<ProcessHandle> launcher = ProcessHandle.of(pid);
		if (launcher.isPresent()) {
			try {
				launcher.get().onExit().get(STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
			}
			catch (TimeoutException ex) {
				throw new LaunchException(
						"The shop (pid " + pid + ") did not stop within " + STOP_WAIT.toSeconds() + " s");
			}
		}
		out.println("Stopped.");
	}

	/**
	 * The project's root: {@code -Dshop.home} (set by the {@code ./shop} script), else
	 * the first folder upwards from here holding {@code mvnw} and {@code launcher/}.
	 */
	static Path projectDir() {
		String home = System.getProperty("shop.home");
		if (home != null && !home.isBlank()) {
			return Path.of(home).toAbsolutePath().normalize();
		}
		Path dir = Path.of("").toAbsolutePath();
		while (dir != null) {
			if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("launcher"))) {
				return dir;
			}
			dir = dir.getParent();
		}
		throw new LaunchException("Cannot find the project folder: run ./shop from the AnyCompany Shop folder.");
	}

	static final class Version implements CommandLine.IVersionProvider {

		@Override
		public String[] getVersion() {
			String version = ShopCli.class.getPackage().getImplementationVersion();
			return new String[] { "AnyCompany Shop launcher " + ((version != null) ? version : "(development)"),
					"Java " + System.getProperty("java.version") + " (" + System.getProperty("java.home") + ")" };
		}

	}

}
