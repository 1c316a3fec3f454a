package com.anycompany.shop.launcher.stack;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.anycompany.shop.launcher.FakeService;
import com.anycompany.shop.launcher.Fakes;
import com.anycompany.shop.launcher.LaunchException;
import com.anycompany.shop.launcher.Ports;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PortCheckTests {

	private static final long OWN_PID = ProcessHandle.current().pid();

	@TempDir
	Path project;

	@Test
	void aTakenPortIsNamedWithTheProcessHoldingIt() throws Exception {
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			int port = taken.getLocalPort();
			Ports ports = Ports.free().with(Map.of("frontend", port));

			assertThatExceptionOfType(LaunchException.class)
				.isThrownBy(() -> PortCheck.requireFree(ports, Set.of("xray")))
				.withMessageStartingWith("Cannot start: a port is already taken.")
				.withMessageContaining("port " + port + " (frontend) is in use by pid " + OWN_PID + " (")
				.withMessageContaining("java")
				.withMessageContaining("--port frontend=9080")
				.withMessageNotContaining("\tat ");
		}
	}

	@Test
	void everyTakenPortIsListed() throws Exception {
		try (ServerSocket first = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
				ServerSocket second = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			Ports ports = Ports.free()
				.with(Map.of("catalogservice", first.getLocalPort(), "dynamodb", second.getLocalPort()));

			assertThatExceptionOfType(LaunchException.class).isThrownBy(() -> PortCheck.requireFree(ports, Set.of()))
				.withMessageStartingWith("Cannot start: ports are already taken.")
				.withMessageContaining("port " + first.getLocalPort() + " (catalogservice)")
				.withMessageContaining("port " + second.getLocalPort() + " (dynamodb)");
		}
	}

	@Test
	void theXrayPortMustBeFreeForUdpToo() throws Exception {
		int port = Fakes.freePort();
		try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))) {
			Ports ports = Ports.free().with(Map.of("xray", port));

			assertThatExceptionOfType(LaunchException.class)
				.isThrownBy(() -> PortCheck.requireFree(ports, Set.of("xray")))
				.withMessageContaining("port " + port + " (xray, UDP) is in use by pid " + OWN_PID);
		}
	}

	@Test
	void theHolderIsFoundInAnotherProcess() throws Exception {
		int port = Fakes.freePort();
		Process other = new ProcessBuilder(Fakes.command("--port", String.valueOf(port))).redirectErrorStream(true)
			.start();
		try {
			org.awaitility.Awaitility.await()
				.atMost(java.time.Duration.ofSeconds(20))
				.until(() -> !PortCheck.tcpFree(port));

			assertThat(PortCheck.holderOf(port, false))
				.hasValueSatisfying((holder) -> assertThat(holder).startsWith("pid " + other.pid() + " (")
					.contains(FakeService.class.getName()));
		}
		finally {
			other.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
	}

	@Test
	void theShopDoesNotStartNorBuildWhenAPortIsTaken() throws Exception {
		Fakes.Output output = new Fakes.Output();
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			int port = taken.getLocalPort();
			LocalShop.Builder builder = LocalShop.builder()
				.projectDir(this.project)
				.ports(Ports.free().with(Map.of("xray", port)))
				.output(output.stream());

			assertThatExceptionOfType(LaunchException.class).isThrownBy(builder::start)
				.withMessageContaining("port " + port + " (xray) is in use by pid " + OWN_PID);
		}
		// nothing was built, installed or started
		assertThat(output.text()).isEmpty();
		assertThat(this.project.resolve(".shop")).doesNotExist();
	}

	@Test
	void aFreePortPasses() {
		PortCheck.requireFree(Ports.free(), Set.of("xray"));
	}

}
