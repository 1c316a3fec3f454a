package com.anycompany.shop.launcher;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ./shop stop}: stops the running shop from another terminal, as Ctrl-C would.
 */
@Command(name = "stop", header = "Stop the running shop from another terminal.",
		description = "Stops the running shop (as Ctrl-C in its terminal) and waits until nothing is left.")
final class StopCommand implements Callable<Integer> {

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	private static final Duration WAIT = Duration.ofSeconds(60);

	@Override
	public Integer call() throws Exception {
		ControlClient client = ControlClient.connect(ShopCli.projectDir());
		long pid = client.state().launcherPid();
		client.stop();
		this.spec.commandLine().getOut().println("Stopping the shop (pid " + pid + ") ...");
		Optional<ProcessHandle> launcher = ProcessHandle.of(pid);
		if (launcher.isPresent()) {
			try {
				launcher.get().onExit().get(WAIT.toSeconds(), TimeUnit.SECONDS);
			}
			catch (java.util.concurrent.TimeoutException ex) {
				throw new LaunchException("The shop (pid " + pid + ") did not stop within " + WAIT.toSeconds() + " s");
			}
		}
		this.spec.commandLine().getOut().println("Stopped.");
		return 0;
	}

}
