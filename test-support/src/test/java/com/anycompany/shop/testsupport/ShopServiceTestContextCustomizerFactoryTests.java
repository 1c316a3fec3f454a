package com.anycompany.shop.testsupport;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.GenericApplicationContext;
import org.springframework.test.context.ContextCustomizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ShopServiceTestContextCustomizerFactoryTests {

	private final ShopServiceTestContextCustomizerFactory factory = new ShopServiceTestContextCustomizerFactory();

	@Test
	void aServiceTestGetsADaemonStubBeanThatTracingIsPointedAtAndThatClosesWithTheContext() throws Exception {
		ContextCustomizer customizer = this.factory.createContextCustomizer(PlainService.class, List.of());
		GenericApplicationContext context = new GenericApplicationContext();
		customizer.customizeContext(context, null);
		context.refresh();

		XRayDaemonStub daemon = context.getBean(XRayDaemonStub.class);
		String address = context.getEnvironment().getProperty("shop.tracing.daemon-address");
		assertThat(address).isEqualTo(daemon.address());
		assertThat(context.getEnvironment().getProperty("shop.tracing.centralized-sampling")).isEqualTo("false");
		assertThat(context.getEnvironment().containsProperty("shop.clients.aws.endpoint")).isFalse();
		send(address, "{\"name\":\"s\",\"id\":\"a1\",\"trace_id\":\"1-00000001-aaa\",\"start_time\":1,\"end_time\":2}");
		assertThat(daemon.awaitSegmentOfTrace("1-00000001-aaa", Duration.ofSeconds(5)).path("id").asString())
			.isEqualTo("a1");

		context.close();
		send(address, "{\"name\":\"s\",\"id\":\"b1\",\"trace_id\":\"1-00000002-bbb\",\"start_time\":1,\"end_time\":2}");
		// the socket closed with the context: nothing more is received
		await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> daemon.segments().size() == 1);
	}

	@Test
	void sameSettingsShareACachedContextAndOnlyAnnotatedClassesAreCustomized() {
		assertThat(this.factory.createContextCustomizer(PlainService.class, List.of()))
			.isEqualTo(this.factory.createContextCustomizer(AnotherPlainService.class, List.of()))
			.isNotEqualTo(this.factory.createContextCustomizer(DynamoDbService.class, List.of()));
		assertThat(this.factory.createContextCustomizer(String.class, List.of())).isNull();
	}

	private static void send(String address, String document) throws Exception {
		byte[] datagram = ("{\"format\":\"json\",\"version\":1}\n" + document).getBytes(StandardCharsets.UTF_8);
		int port = Integer.parseInt(address.substring(address.indexOf(':') + 1));
		try (DatagramSocket socket = new DatagramSocket()) {
			socket.send(new DatagramPacket(datagram, datagram.length, InetAddress.getLoopbackAddress(), port));
		}
	}

	@ShopServiceTest
	static class PlainService {

	}

	@ShopServiceTest
	static class AnotherPlainService {

	}

	@ShopServiceTest(dynamoDb = true)
	static class DynamoDbService {

	}

}
