package com.anycompany.shop.launcher;

import java.util.HashSet;
import java.util.Map;

import com.anycompany.shop.launcher.stack.PortCheck;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PortsTests {

	@Test
	void defaultsAreTheDocumentedPorts() {
		Ports ports = Ports.defaults();

		assertThat(ports.of("frontend")).isEqualTo(8080);
		assertThat(ports.of("catalogservice")).isEqualTo(8081);
		assertThat(ports.of("imageservice")).isEqualTo(8085);
		assertThat(ports.of("xray")).isEqualTo(2000);
		assertThat(ports.of("dynamodb")).isEqualTo(8000);
	}

	@Test
	void freePortsAreAllDifferent() {
		Ports ports = Ports.free();

		assertThat(new HashSet<>(ports.asMap().values())).hasSize(Ports.NAMES.size());
		assertThat(ports.asMap().values()).allSatisfy((port) -> assertThat(PortCheck.tcpFree(port)).isTrue());
	}

	@Test
	void portsAreChangedByNameOrShortName() {
		Ports ports = Ports.defaults().with(Ports.parse("frontend=9080, catalog=9081 xray-local=3000"));

		assertThat(ports.of("frontend")).isEqualTo(9080);
		assertThat(ports.of("catalogservice")).isEqualTo(9081);
		assertThat(ports.of("xray")).isEqualTo(3000);
		assertThat(ports.of("cartservice")).isEqualTo(8082);
	}

	@Test
	void wrongPortsAreExplained() {
		assertThatExceptionOfType(LaunchException.class).isThrownBy(() -> Ports.parse("basket=9000"))
			.withMessageContaining("'basket=9000' is not NAME=PORT (names: dynamodb, xray, catalogservice");
		assertThatExceptionOfType(LaunchException.class).isThrownBy(() -> Ports.parse("frontend"))
			.withMessageContaining("is not NAME=PORT");
		assertThatExceptionOfType(LaunchException.class)
			.isThrownBy(() -> Ports.defaults().with(Map.of("frontend", 70000)))
			.withMessageContaining("Port 70000 for frontend is not a port");
	}

}
