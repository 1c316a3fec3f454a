package com.anycompany.shop.loadgen;

import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.anycompany.shop.schedule.DurationConverter;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Simulated shoppers against the storefront: {@code java -jar loadgen.jar --users 10
 * --duration 2m}. Every option also reads an environment variable, for the container.
 */
@Command(name = "loadgen", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
		description = { "Simulated shoppers for the AnyCompany Shop storefront: home page, products (now and then "
				+ "one that does not exist), cart, add to cart, checkout and order, each with its own session "
				+ "and think time. Prints progress while it runs and a table per page at the end (also on Ctrl-C).",
				"" },
		footer = { "", "Every option can also be set by the environment variable shown, e.g. LOADGEN_USERS=20.", "" })
public final class LoadgenApplication implements Callable<Integer> {

	@Option(names = { "-t", "--target" }, paramLabel = "URL",
			defaultValue = "${env:LOADGEN_TARGET:-http://localhost:8080}",
			description = "Storefront base URL (LOADGEN_TARGET). Default: ${DEFAULT-VALUE}")
	URI target;

	@Option(names = { "-u", "--users" }, paramLabel = "N", defaultValue = "${env:LOADGEN_USERS:-5}",
			description = "Simulated shoppers (LOADGEN_USERS). Default: ${DEFAULT-VALUE}")
	int users;

	@Option(names = { "-d", "--duration" }, paramLabel = "D", defaultValue = "${env:LOADGEN_DURATION:-0}",
			description = "How long to run, e.g. 30s, 5m, 1h; 0 runs until stopped (LOADGEN_DURATION). Default: ${DEFAULT-VALUE}")
	Duration duration;

	@Option(names = { "-r", "--rate" }, paramLabel = "RPS", defaultValue = "${env:LOADGEN_RATE:-0}",
			description = "Requests per second over all shoppers at most; 0 for no limit but think time (LOADGEN_RATE). Default: ${DEFAULT-VALUE}")
	double rate;

	@Option(names = "--think-time", paramLabel = "D", defaultValue = "${env:LOADGEN_THINK_TIME:-1s}",
			description = "Average pause of a shopper between actions, drawn from 0.5x to 1.5x (LOADGEN_THINK_TIME). Default: ${DEFAULT-VALUE}")
	Duration thinkTime;

	@Option(names = "--iterations", paramLabel = "N", defaultValue = "${env:LOADGEN_ITERATIONS:-0}",
			description = "Actions per shopper at most; 0 for no limit (LOADGEN_ITERATIONS). Default: ${DEFAULT-VALUE}")
	long iterations;

	@Option(names = "--progress-interval", paramLabel = "D", defaultValue = "${env:LOADGEN_PROGRESS_INTERVAL:-5s}",
			description = "How often to print a progress line; 0 for never (LOADGEN_PROGRESS_INTERVAL). Default: ${DEFAULT-VALUE}")
	Duration progressInterval;

	@Option(names = "--timeout", paramLabel = "D", defaultValue = "${env:LOADGEN_TIMEOUT:-10s}",
			description = "Timeout of one request (LOADGEN_TIMEOUT). Default: ${DEFAULT-VALUE}")
	Duration timeout;

	@Option(names = "--wait", paramLabel = "D", defaultValue = "${env:LOADGEN_WAIT:-30s}",
			description = "How long to wait for the storefront to answer at the start (LOADGEN_WAIT). Default: ${DEFAULT-VALUE}")
	Duration wait;

	@Option(names = "--seed", paramLabel = "N", defaultValue = "${env:LOADGEN_SEED}",
			description = "Seed of the shoppers' choices, for a reproducible mix (LOADGEN_SEED)")
	Long seed;

	private final PrintStream out;

	LoadgenApplication(PrintStream out) {
		this.out = out;
	}

	public static void main(String[] args) {
		System.exit(commandLine(System.out).execute(args));
	}

	static CommandLine commandLine(PrintStream out) {
		CommandLine commandLine = new CommandLine(new LoadgenApplication(out));
		commandLine.registerConverter(Duration.class, new DurationConverter());
		commandLine.setExecutionExceptionHandler((ex, line, parseResult) -> {
			if (ex instanceof LoadgenException || ex instanceof IllegalArgumentException) {
				line.getErr().println("loadgen: " + ex.getMessage());
				return 2;
			}
			throw ex;
		});
		return commandLine;
	}

	@Override
	public Integer call() throws InterruptedException {
		LoadSettings settings = new LoadSettings(this.target, this.users, this.duration, this.rate, this.thinkTime,
				this.iterations, this.progressInterval, this.timeout, this.wait, this.seed);
		LoadGenerator generator = new LoadGenerator(settings, this.out);
		// Ctrl-C or SIGTERM (the container stopping): end the run, print its report first
		CountDownLatch reported = new CountDownLatch(1);
		Thread hook = new Thread(() -> {
			generator.stop();
			try {
				reported.await(settings.requestTimeout().toSeconds() + 5, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}, "loadgen-stop");
		Runtime.getRuntime().addShutdownHook(hook);
		try {
			Report report = generator.run();
			this.out.println();
			this.out.print(report.format());
			this.out.flush();
			return 0;
		}
		finally {
			reported.countDown();
			try {
				Runtime.getRuntime().removeShutdownHook(hook);
			}
			catch (IllegalStateException shuttingDown) {
				// the hook is running: it waited for the report above
			}
		}
	}

}
