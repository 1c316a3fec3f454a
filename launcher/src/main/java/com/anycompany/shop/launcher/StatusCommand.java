package com.anycompany.shop.launcher;

import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ./shop status}: what the running shop is doing.
 */
@Command(name = "status", header = "Show the running shop's URLs and processes.",
		description = "Shows the running shop's URLs and every process: state, pid, restarts, port.")
final class StatusCommand implements Callable<Integer> {

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Override
	public Integer call() {
		ControlClient client = ControlClient.connect(ShopCli.projectDir());
		StateFile state = client.state();
		this.spec.commandLine().getOut().println("AnyCompany Shop (./shop up, pid " + state.launcherPid() + ")");
		this.spec.commandLine().getOut().println("  Storefront     " + state.storefront());
		this.spec.commandLine().getOut().println("  X-Ray console  " + state.console());
		this.spec.commandLine().getOut().println("  Logs           " + state.logsDir());
		this.spec.commandLine().getOut().println();
		this.spec.commandLine()
			.getOut()
			.printf(Locale.ROOT, "  %-20s %-20s %8s %9s %6s%n", "process", "state", "pid", "restarts", "port");
		for (ControlClient.ProcessLine process : client.status()) {
			String port = Component.find(process.name())
				.map((component) -> String.valueOf(state.ports().of(component)))
				.orElse("-");
			this.spec.commandLine()
				.getOut()
				.printf(Locale.ROOT, "  %-20s %-20s %8d %9d %6s%n", process.name(),
						Supervisor.State.valueOf(process.state()).describe(), process.pid(), process.restarts(), port);
		}
		return 0;
	}

}
