package com.anycompany.shop.tracing.emitter;

import java.net.SocketException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.amazonaws.xray.AWSXRayRecorder;
import com.amazonaws.xray.AWSXRayRecorderBuilder;
import com.amazonaws.xray.config.DaemonConfiguration;
import com.amazonaws.xray.emitters.Emitter;
import com.amazonaws.xray.emitters.UDPEmitter;
import com.amazonaws.xray.entities.Segment;
import com.amazonaws.xray.entities.Subsegment;
import com.amazonaws.xray.strategy.sampling.AllSamplingStrategy;
import com.anycompany.shop.testsupport.XRayDaemonStub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The queue in front of the SDK's {@code UDPEmitter}: what arrives at a real UDP socket,
 * and what happens when the sender cannot keep up.
 */
class QueuedEmitterTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	@RegisterExtension
	static XRayDaemonStub daemon = new XRayDaemonStub();

	private QueuedEmitter emitter;

	@AfterEach
	void close() throws InterruptedException {
		this.emitter.close();
		daemon.clear();
	}

	/** The SDK's datagrams, including its split of a segment too large for one. */
	@Test
	void sendsTheSdksDatagramsFromItsOwnThread() {
		this.emitter = new QueuedEmitter(udpEmitter(), 16);
		AWSXRayRecorder recorder = recorder(this.emitter);
		Segment small = recorder.beginSegment("small");
		recorder.endSegment();
		Segment large = recorder.beginSegment("large");
		for (int i = 0; i < 40; i++) {
			Subsegment sub = recorder.beginSubsegment("part-" + i);
			sub.putMetadata("padding", "x".repeat(2000));
			recorder.endSubsegment();
		}
		recorder.endSegment();

		JsonNode first = daemon.awaitSegment((s) -> "small".equals(s.path("name").asString()), WAIT);
		assertThat(first.path("id").asString()).isEqualTo(small.getId());
		JsonNode rest = daemon.awaitSegment((s) -> "large".equals(s.path("name").asString()), WAIT);
		assertThat(rest.path("id").asString()).isEqualTo(large.getId());
		// over 63 KiB: the SDK sent the subsegments on their own first
		assertThat(daemon.documents()).filteredOn((d) -> d.path("name").asString().startsWith("part-")).hasSize(40);
		assertThat(this.emitter.dropped()).isZero();
	}

	/** A stuck sender: the request thread neither waits nor queues without bound. */
	@Test
	void aFullQueueDropsAndCountsWithoutBlocking() throws InterruptedException {
		CountDownLatch stuck = new CountDownLatch(1);
		CountDownLatch inSender = new CountDownLatch(1);
		this.emitter = new QueuedEmitter(new Emitter() {

			@Override
			public boolean sendSegment(Segment segment) {
				inSender.countDown();
				try {
					stuck.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				return true;
			}

			@Override
			public boolean sendSubsegment(Subsegment subsegment) {
				return true;
			}

		}, 2);
		AWSXRayRecorder recorder = recorder(this.emitter);
		recorder.beginSegment("in-sender");
		recorder.endSegment();
		assertThat(inSender.await(5, TimeUnit.SECONDS)).isTrue();

		long start = System.nanoTime();
		for (int i = 0; i < 5; i++) {
			recorder.beginSegment("request-" + i);
			recorder.endSegment();
		}
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
		assertThat(this.emitter.dropped()).isEqualTo(3);
		stuck.countDown();
	}

	@Test
	void closeSendsWhatIsQueued() throws InterruptedException {
		this.emitter = new QueuedEmitter(udpEmitter(), 64);
		AWSXRayRecorder recorder = recorder(this.emitter);
		for (int i = 0; i < 20; i++) {
			recorder.beginSegment("closing-" + i);
			recorder.endSegment();
		}
		this.emitter.close();
		daemon.awaitSegment((s) -> "closing-19".equals(s.path("name").asString()), WAIT);
		assertThat(daemon.segments()).filteredOn((s) -> s.path("name").asString().startsWith("closing-")).hasSize(20);
		recorder.beginSegment("after-close");
		recorder.endSegment();
		assertThat(this.emitter.dropped()).isEqualTo(1);
	}

	private static AWSXRayRecorder recorder(Emitter emitter) {
		return AWSXRayRecorderBuilder.standard()
			.withEmitter(emitter)
			.withSamplingStrategy(new AllSamplingStrategy())
			.build();
	}

	private static UDPEmitter udpEmitter() {
		DaemonConfiguration daemonConfiguration = new DaemonConfiguration();
		daemonConfiguration.setDaemonAddress(daemon.address());
		try {
			return new UDPEmitter(daemonConfiguration);
		}
		catch (SocketException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
