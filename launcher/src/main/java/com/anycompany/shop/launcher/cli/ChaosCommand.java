package com.anycompany.shop.launcher.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;

import com.anycompany.shop.launcher.Console;
import com.anycompany.shop.launcher.LaunchException;
import com.anycompany.shop.launcher.Ports;
import com.anycompany.shop.launcher.control.ControlClient;
import com.anycompany.shop.launcher.control.FaultInjection;
import com.anycompany.shop.launcher.control.StateFile;
import com.anycompany.shop.launcher.stack.ChaosMonkey;
import com.anycompany.shop.launcher.stack.LocalShop;

import com.anycompany.shop.schedule.Pauses;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./shop chaos}: the workshop's randomizer against the running shop, and fault
 * injection per service.
 */
@Command(name = "chaos", header = "Kill a random service every 2 to 5 minutes, or inject faults into one.",
		sortOptions = false, usageHelpAutoWidth = true,
		description = { "Without a subcommand: kills a random storefront service with SIGKILL every 2 to 5 minutes "
				+ "(as the workshop's randomizer deletes a pod) until Ctrl-C; ./shop up restarts it and the failed "
				+ "requests show as faults in the X-Ray console.",
				"With a subcommand: injects faults into one service through its /actuator/chaos endpoint.", "" },
		footer = { "", "Examples:", "  ./shop chaos --interval 20s          a kill every 20 seconds (for a demo)",
				"  ./shop chaos latency cartservice 800  every cartservice request 800 ms slower",
				"  ./shop chaos errors orderservice 30%%  3 of 10 orderservice requests answer 500",
				"  ./shop chaos throttle 0.5             half of catalogservice's DynamoDB calls",
				"                                        throttled",
				"  ./shop chaos reset                    no faults anywhere" })
public final class ChaosCommand implements Callable<Integer> {

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Mixin
	ChaosPacing pacing;

	@Override
	public Integer call() throws InterruptedException {
		Pauses schedule = this.pacing.pauses();
		ControlClient client = ControlClient.connect(ShopCli.projectDir());
		Console console = new Console(this.spec.commandLine().getOut());
		ChaosMonkey monkey = new ChaosMonkey(schedule, () -> Optional.of(describeKill(client.kill(Optional.empty()))),
				console, new Random());
		console.line("chaos",
				"against the shop of ./shop up (pid " + client.state().launcherPid() + "); Ctrl-C ends it");
		monkey.run();
		return 0;
	}

	static String describeKill(String answer) {
		String[] parts = answer.split("\\s+");
		return (parts.length == 2) ? parts[0] + " (pid " + parts[1] + ")" : answer;
	}

	/**
	 * The services' ports and chaos token: the running shop's, else the defaults (with
	 * SHOP_PORTS) and SHOP_CHAOS_TOKEN.
	 */
	static FaultInjection faults() {
		Optional<StateFile> state = StateFile.read(StateFile.location(ShopCli.projectDir()));
		if (state.isPresent()) {
			return new FaultInjection(state.get().ports(), state.get().chaosToken());
		}
		String fromEnv = System.getenv("SHOP_PORTS");
		Ports ports = (fromEnv != null && !fromEnv.isBlank()) ? Ports.defaults().with(Ports.parse(fromEnv))
				: Ports.defaults();
		return new FaultInjection(ports, System.getenv("SHOP_CHAOS_TOKEN"));
	}

	@Command(name = "latency", description = "Adds a delay to every request of a service (0 removes it).")
	void latency(@Parameters(paramLabel = "SERVICE", description = "e.g. cartservice") String service,
			@Parameters(paramLabel = "MS", description = "milliseconds, 0 to 60000") long millis) {
		out().println(service + ": " + faults().set(service, Map.of("latencyMs", millis)));
	}

	@Command(name = "errors", description = "Answers a share of a service's requests with 500 (0 stops it).")
	void errors(@Parameters(paramLabel = "SERVICE", description = "e.g. orderservice") String service,
			@Parameters(paramLabel = "RATE", description = "0 to 1, or a percentage: 0.3, 30%") String rate) {
		out().println(service + ": " + faults().set(service, Map.of("errorRate", FaultInjection.rate(rate))));
	}

	@Command(name = "throttle",
			description = "Fails a share of a service's DynamoDB calls as throttled, like a table with too little "
					+ "capacity (the workshop lowers ProductCatalog's).")
	void throttle(@Parameters(paramLabel = "RATE", description = "0 to 1, or a percentage: 0.5, 50%") String rate,
			@Option(names = "--service", paramLabel = "SERVICE", defaultValue = "catalogservice",
					description = "Whose DynamoDB calls. Default: ${DEFAULT-VALUE}") String service) {
		out().println(service + ": " + faults().set(service, Map.of("throttleRate", FaultInjection.rate(rate))));
	}

	@Command(name = "reset", description = "Removes every injected fault (of the services named, else of all).")
	int reset(@Parameters(paramLabel = "SERVICE", arity = "0..*",
			description = "Default: all six") List<String> services) {
		FaultInjection faults = faults();
		int failed = 0;
		for (String service : orAll(services)) {
			try {
				out().println(service + ": " + faults.reset(service));
			}
			catch (LaunchException ex) {
				out().println(service + ": " + ex.getMessage());
				failed++;
			}
		}
		return (failed == 0) ? 0 : 1;
	}

	@Command(name = "show", description = "Shows the faults injected now (of the services named, else of all).")
	void show(@Parameters(paramLabel = "SERVICE", arity = "0..*",
			description = "Default: all six") List<String> services) {
		FaultInjection faults = faults();
		Map<String, String> shown = new LinkedHashMap<>();
		for (String service : orAll(services)) {
			try {
				shown.put(service, faults.show(service));
			}
			catch (LaunchException ex) {
				shown.put(service, ex.getMessage());
			}
		}
		shown.forEach((service, faultsNow) -> out().printf("%-20s %s%n", service, faultsNow));
	}

	@Command(name = "kill",
			description = "Kills one service now with SIGKILL (a random ready one without a name); ./shop up restarts it.")
	void kill(@Parameters(paramLabel = "SERVICE", arity = "0..1",
			description = "e.g. cartservice. Default: random") String service) {
		ControlClient client = ControlClient.connect(ShopCli.projectDir());
		out().println("killed " + describeKill(client.kill(Optional.ofNullable(service))));
	}

	private PrintWriter out() {
		return this.spec.commandLine().getOut();
	}

	private static List<String> orAll(List<String> services) {
		return (services != null && !services.isEmpty()) ? services : LocalShop.SERVICES;
	}

}
