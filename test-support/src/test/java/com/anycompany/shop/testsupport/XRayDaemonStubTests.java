package com.anycompany.shop.testsupport;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class XRayDaemonStubTests {

	private final XRayDaemonStub daemon = new XRayDaemonStub();

	@AfterEach
	void close() {
		this.daemon.close();
	}

	@Test
	void awaitSegmentOfTraceTakesTheCompleteSegmentOfThatTraceOnly() throws Exception {
		send("{\"name\":\"cartservice\",\"id\":\"a1\",\"trace_id\":\"1-00000001-aaa\",\"start_time\":1,\"end_time\":2}");
		send("{\"name\":\"cartservice\",\"id\":\"b1\",\"trace_id\":\"1-00000002-bbb\",\"start_time\":1,\"in_progress\":true}");
		send("{\"name\":\"cartservice\",\"id\":\"b1\",\"trace_id\":\"1-00000002-bbb\",\"start_time\":1,\"end_time\":3}");

		assertThat(this.daemon.awaitSegmentOfTrace("1-00000002-bbb", Duration.ofSeconds(5)).path("end_time").asInt())
			.isEqualTo(3);
		assertThat(this.daemon.awaitSegmentOfTrace("1-00000001-aaa", Duration.ofSeconds(5)).path("id").asString())
			.isEqualTo("a1");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> this.daemon.awaitSegmentOfTrace("1-00000003-ccc", Duration.ofMillis(200)))
			.withMessageContaining("1-00000003-ccc");
	}

	@Test
	void awaitQuietReturnsOnceDatagramsStopAndFailsWhileTheyKeepComing() throws Exception {
		send("{\"name\":\"cartservice\",\"id\":\"a1\",\"trace_id\":\"1-00000001-aaa\",\"start_time\":1,\"end_time\":2}");
		long start = System.nanoTime();
		this.daemon.awaitQuiet(Duration.ofMillis(300), Duration.ofSeconds(5));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(250));
		assertThat(this.daemon.segments()).hasSize(1);

		ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor();
		try {
			sender.scheduleAtFixedRate(() -> {
				try {
					send("{\"name\":\"cartservice\",\"id\":\"b1\",\"trace_id\":\"1-00000002-bbb\",\"start_time\":1,\"end_time\":2}");
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			}, 0, 50, TimeUnit.MILLISECONDS);
			assertThatExceptionOfType(AssertionError.class)
				.isThrownBy(() -> this.daemon.awaitQuiet(Duration.ofMillis(300), Duration.ofSeconds(1)))
				.withMessageContaining("still arriving");
		}
		finally {
			sender.shutdownNow();
		}
	}

	private void send(String document) throws Exception {
		byte[] datagram = ("{\"format\": \"json\", \"version\": 1}\n" + document).getBytes(StandardCharsets.UTF_8);
		int port = Integer.parseInt(this.daemon.address().substring(this.daemon.address().indexOf(':') + 1));
		try (DatagramSocket socket = new DatagramSocket()) {
			socket.send(new DatagramPacket(datagram, datagram.length, InetAddress.getLoopbackAddress(), port));
		}
	}

}
