package com.anycompany.shop.launcher;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

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
		subcommands = { UpCommand.class, LoadCommand.class, ChaosCommand.class, StatusCommand.class, StopCommand.class,
				CommandLine.HelpCommand.class })
public final class ShopCli implements Runnable {

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	public static void main(String[] args) {
		System.exit(commandLine().execute(args));
	}

	static CommandLine commandLine() {
		CommandLine commandLine = new CommandLine(new ShopCli());
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
