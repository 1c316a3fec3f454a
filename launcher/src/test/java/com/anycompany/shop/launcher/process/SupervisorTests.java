package com.anycompany.shop.launcher.process;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.anycompany.shop.launcher.Fakes;
import com.anycompany.shop.launcher.LaunchException;
import com.anycompany.shop.launcher.process.ProcessEvent.Kind;
import com.anycompany.shop.launcher.stack.PortCheck;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

class SupervisorTests {

	private static final Supervisor.Options FAST = new Supervisor.Options(
			new Backoff(Duration.ofMillis(200), 2, Duration.ofSeconds(1), Duration.ofMinutes(1)), Duration.ofSeconds(5),
			Duration.ofMillis(50), Duration.ofSeconds(1), true, Duration.ofMillis(50));

	@TempDir
	Path logs;

	private final Fakes.Output output = new Fakes.Output();

	private final List<ProcessEvent> events = new CopyOnWriteArrayList<>();

	private Supervisor supervisor;

	@AfterEach
	void stopAll() {
		if (this.supervisor != null) {
			this.supervisor.close();
		}
	}

	@Test
	void startsWaitsUntilReadyAndStopsEveryProcessWithItsChildren() throws Exception {
		supervisor(FAST);
		int first = Fakes.freePort();
		int second = Fakes.freePort();
		this.supervisor.start(Fakes.spec("first", this.logs, first, "--child"));
		this.supervisor.start(Fakes.spec("second", this.logs, second, "--ready-after", "700"));

		this.supervisor.awaitReady(List.of("first", "second"), Duration.ofSeconds(30));

		assertThat(this.supervisor.status()).extracting(Supervisor.Status::state).containsOnly(Supervisor.State.READY);
		assertThat(this.output.text()).containsPattern("\\[\\s*\\d+\\.\\ds\\] first\\s+ready \\(pid \\d+")
			.containsPattern("\\] second\\s+ready \\(pid \\d+");
		long firstPid = pid("first");
		long secondPid = pid("second");
		long grandchild = childPid(this.logs.resolve("first.log"));
		assertThat(Fakes.alive(grandchild)).isTrue();
		assertThat(Fakes.get("http://127.0.0.1:" + first + "/env")).contains("PATH=");

		this.supervisor.close();

		assertThat(Fakes.alive(firstPid)).isFalse();
		assertThat(Fakes.alive(secondPid)).isFalse();
		assertThat(Fakes.alive(grandchild)).as("the child of a supervised process").isFalse();
		assertThat(PortCheck.tcpFree(first)).isTrue();
		assertThat(PortCheck.tcpFree(second)).isTrue();
		assertThat(this.output.text()).contains("stopping 2 processes ...", "stopped: no process left");
		assertThat(this.supervisor.status()).extracting(Supervisor.Status::state)
			.containsOnly(Supervisor.State.STOPPED);
	}

	@Test
	void aKilledProcessIsRestartedWithAGrowingDelay() throws Exception {
		supervisor(FAST);
		int port = Fakes.freePort();
		this.supervisor.start(Fakes.spec("cartservice", this.logs, port));
		this.supervisor.awaitReady(List.of("cartservice"), Duration.ofSeconds(30));
		long original = pid("cartservice");

		long killed = this.supervisor.kill("cartservice", "test");
		assertThat(killed).isEqualTo(original);
		awaitReadyAgain(1);
		long second = pid("cartservice");
		this.supervisor.kill("cartservice", "test");
		awaitReadyAgain(2);

		assertThat(second).isNotEqualTo(original);
		assertThat(pid("cartservice")).isNotIn(original, second);
		assertThat(Fakes.alive(original)).isFalse();
		// crashes in a row: 200 ms, then twice that
		assertThat(delays()).containsExactly(Duration.ofMillis(200), Duration.ofMillis(400));
		assertThat(this.events).filteredOn(ProcessEvent::isExit)
			.extracting(ProcessEvent::exitCode)
			.containsExactly(137, 137);
		String text = this.output.text();
		assertThat(text).contains("cartservice        test: killed with SIGKILL (pid " + original + ")")
			.containsPattern("cartservice\\s+killed by SIGKILL after [\\d.]+m?s: restart 1 in 200ms")
			.containsPattern("cartservice\\s+ready again \\(pid " + second + ", restart 1, ")
			.containsPattern("cartservice\\s+killed by SIGKILL after [\\d.]+m?s: restart 2 in 400ms");
		assertThat(Files.readString(this.logs.resolve("cartservice.log"))).contains("==== ", "restart 2: ");
	}

	@Test
	void aCrashLoopBacksOffUpToTheMaximum() throws Exception {
		supervisor(new Supervisor.Options(
				new Backoff(Duration.ofMillis(50), 2, Duration.ofMillis(200), Duration.ofMinutes(1)),
				Duration.ofSeconds(5), Duration.ofMillis(50), Duration.ofSeconds(1), false, Duration.ofMillis(10)));
		this.supervisor.start(Fakes.spec("orderservice", this.logs, Fakes.freePort(), "--exit", "3"));

		await().atMost(Duration.ofSeconds(40)).until(() -> delays().size() >= 5);
		this.supervisor.close();

		assertThat(delays().subList(0, 5)).containsExactly(Duration.ofMillis(50), Duration.ofMillis(100),
				Duration.ofMillis(200), Duration.ofMillis(200), Duration.ofMillis(200));
		assertThat(this.events).filteredOn(ProcessEvent::isExit).extracting(ProcessEvent::exitCode).contains(3);
		assertThat(this.output.text()).contains("orderservice       exited with code 3 after");
	}

	@Test
	void aProcessThatRanLongEnoughStartsTheBackoffOver() throws Exception {
		supervisor(new Supervisor.Options(
				new Backoff(Duration.ofMillis(100), 2, Duration.ofSeconds(5), Duration.ofMillis(300)),
				Duration.ofSeconds(5), Duration.ofMillis(50), Duration.ofSeconds(1), true, Duration.ofMillis(10)));
		this.supervisor.start(Fakes.spec("imageservice", this.logs, Fakes.freePort(), "--exit-after", "600"));

		await().atMost(Duration.ofSeconds(40)).until(() -> delays().size() >= 3);

		// it ran 600 ms each time, longer than the 300 ms that reset the series
		assertThat(delays().subList(0, 3)).containsOnly(Duration.ofMillis(100));
	}

	@Test
	void aProcessThatDiesBeforeItIsReadyFailsTheStartWithTheEndOfItsLog() {
		supervisor(FAST);
		this.supervisor.start(Fakes.spec("catalogservice", this.logs, Fakes.freePort(), "--exit", "3"));

		assertThatExceptionOfType(LaunchException.class)
			.isThrownBy(() -> this.supervisor.awaitReady(List.of("catalogservice"), Duration.ofSeconds(30)))
			.withMessageContaining("catalogservice exited before it was ready (exited with code 3 after")
			.withMessageContaining("Last lines of " + this.logs.resolve("catalogservice.log"))
			.withMessageContaining("  | boom: failing on purpose");
		assertThat(delays()).isEmpty();
	}

	@Test
	void aProcessNeverReadyIsNamedWhenTheTimeIsUp() {
		supervisor(FAST);
		int port = Fakes.freePort();
		this.supervisor.start(Fakes.spec("recommenderservice", this.logs, port, "--never-ready"));

		assertThatExceptionOfType(LaunchException.class)
			.isThrownBy(() -> this.supervisor.awaitReady(List.of("recommenderservice"), Duration.ofSeconds(3)))
			.withMessageContaining(
					"Not ready after 3 s: recommenderservice (http://127.0.0.1:" + port + "/health, log ");
		assertThat(this.output.text()).contains("waiting for recommenderservice ...");
	}

	@Test
	void aProcessThatIgnoresSigtermIsKilledAfterTheGracePeriod() throws Exception {
		supervisor(new Supervisor.Options(FAST.backoff(), Duration.ofMillis(1500), Duration.ofMillis(50),
				Duration.ofSeconds(1), true, Duration.ofMillis(50)));
		this.supervisor.start(Fakes.spec("frontend", this.logs, Fakes.freePort(), "--hang-on-term"));
		this.supervisor.awaitReady(List.of("frontend"), Duration.ofSeconds(30));
		long pid = pid("frontend");
		long start = System.nanoTime();

		this.supervisor.close();

		assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(1400),
				Duration.ofSeconds(10));
		assertThat(Fakes.alive(pid)).isFalse();
		assertThat(this.output.text()).contains("frontend           did not stop within 1 s: killed with SIGKILL");
		assertThat(delays()).isEmpty();
	}

	@Test
	void killingWhatIsNotRunningIsExplained() throws Exception {
		supervisor(FAST);
		assertThatExceptionOfType(LaunchException.class).isThrownBy(() -> this.supervisor.kill("nothing", "test"))
			.withMessageContaining("No component called nothing");
	}

	@Test
	void exitCodesAreDescribed() {
		assertThat(ProcessEvent.describeExit(137)).isEqualTo("killed by SIGKILL");
		assertThat(ProcessEvent.describeExit(143)).isEqualTo("ended by SIGTERM");
		assertThat(ProcessEvent.describeExit(1)).isEqualTo("exited with code 1");
	}

	private void supervisor(Supervisor.Options options) {
		this.supervisor = new Supervisor(this.output.console(), options);
		this.supervisor.addListener(this.events::add);
	}

	private void awaitReadyAgain(int restarts) {
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.events.stream()
				.anyMatch((event) -> event.kind() == Kind.READY && event.restarts() == restarts));
	}

	private List<Duration> delays() {
		return this.events.stream()
			.filter((event) -> event.kind() == Kind.RESTART_SCHEDULED)
			.map(ProcessEvent::delay)
			.toList();
	}

	private long pid(String name) {
		return this.supervisor.status(name).orElseThrow().pid();
	}

	private static long childPid(Path log) {
		Pattern child = Pattern.compile("child (\\d+)");
		Matcher found = await().alias("child pid in " + log)
			.atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> child.matcher(Files.readString(log)), Matcher::find);
		return Long.parseLong(found.group(1));
	}

}
