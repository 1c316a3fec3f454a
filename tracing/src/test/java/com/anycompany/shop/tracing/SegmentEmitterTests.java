package com.anycompany.shop.tracing;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.amazonaws.xray.AWSXRayRecorder;
import com.amazonaws.xray.AWSXRayRecorderBuilder;
import com.amazonaws.xray.entities.Segment;
import com.amazonaws.xray.entities.SegmentImpl;
import com.amazonaws.xray.entities.Subsegment;
import com.amazonaws.xray.entities.SubsegmentImpl;
import com.amazonaws.xray.entities.TraceID;
import com.anycompany.shop.testsupport.XRayDaemonStub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The emitter that sends segments off the request thread: what reaches a UDP stand-in for
 * the daemon, and that a stuck sender or an absent daemon never holds up the caller.
 */
class SegmentEmitterTests {

	private static final Duration WAIT = Duration.ofSeconds(5);

	@RegisterExtension
	static XRayDaemonStub daemon = new XRayDaemonStub();

	private final AWSXRayRecorder recorder = AWSXRayRecorderBuilder.standard().build();

	private SegmentEmitter emitter;

	@AfterEach
	void close() throws InterruptedException {
		if (this.emitter != null) {
			this.emitter.close();
		}
		daemon.clear();
	}

	@Test
	void segmentWithItsSubsegmentsArrivesAsTheSdkWouldSendIt() throws Exception {
		this.emitter = new SegmentEmitter(stubAddress(), 16);
		Segment segment = segment("checkout");
		segment.putAnnotation("OrderID", "O-1");
		Subsegment call = subsegment(segment, "catalogservice");
		call.setNamespace("remote");
		call.end();
		segment.end();

		assertThat(this.emitter.sendSegment(segment)).isTrue();

		JsonNode received = daemon.awaitSegmentOfTrace(segment.getTraceId().toString(), WAIT);
		assertThat(received.path("name").asString()).isEqualTo("checkout");
		assertThat(received.path("id").asString()).isEqualTo(segment.getId());
		assertThat(received.path("annotations").path("OrderID").asString()).isEqualTo("O-1");
		assertThat(received.path("subsegments").get(0).path("name").asString()).isEqualTo("catalogservice");
		assertThat(received.path("subsegments").get(0).path("namespace").asString()).isEqualTo("remote");
		assertThat(daemon.rejected()).isEmpty();
		assertThat(this.emitter.sent()).isEqualTo(1);
	}

	@Test
	void segmentTooLargeForOneDatagramGoesAsItsSubsegmentsFirst() throws Exception {
		this.emitter = new SegmentEmitter(stubAddress(), 16);
		Segment segment = segment("catalogservice");
		for (int i = 0; i < 4; i++) {
			Subsegment query = subsegment(segment, "DynamoDb");
			// 20 KB of metadata each: 80 KB together, more than one datagram holds
			query.putMetadata("payload", "x".repeat(20_000));
			query.end();
		}
		segment.end();

		this.emitter.sendSegment(segment);
		assertThat(this.emitter.flush(WAIT)).isTrue();
		assertThat(this.emitter.failed()).isZero();
		assertThat(this.emitter.sent()).isEqualTo(5);

		String traceId = segment.getTraceId().toString();
		JsonNode received = daemon.awaitSegmentOfTrace(traceId, WAIT);
		assertThat(received.path("subsegments").isEmpty()).isTrue();
		List<JsonNode> streamed = daemon.documents()
			.stream()
			.filter((doc) -> "subsegment".equals(doc.path("type").asString()))
			.toList();
		assertThat(streamed).hasSize(4).allSatisfy((doc) -> {
			assertThat(doc.path("trace_id").asString()).isEqualTo(traceId);
			assertThat(doc.path("parent_id").asString()).isEqualTo(segment.getId());
			assertThat(doc.path("metadata").path("default").path("payload").asString()).hasSize(20_000);
		});
		assertThat(daemon.rejected()).isEmpty();
	}

	@Test
	void aStuckSenderNeverBlocksTheCallerAndWhatDoesNotFitIsCounted() throws Exception {
		this.emitter = new SegmentEmitter(stubAddress(), 2);
		CountDownLatch release = new CountDownLatch(1);
		CountDownLatch serializing = new CountDownLatch(1);
		// the sender thread takes this one and hangs in it, as under a starved CPU
		Segment stuck = new SegmentImpl(this.recorder, "stuck", TraceID.create(this.recorder)) {
			@Override
			public String serialize() {
				serializing.countDown();
				try {
					release.await(10, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				return super.serialize();
			}
		};
		stuck.end();
		this.emitter.sendSegment(stuck);
		assertThat(serializing.await(5, TimeUnit.SECONDS)).isTrue();

		long started = System.nanoTime();
		int accepted = 0;
		for (int i = 0; i < 10; i++) {
			Segment segment = segment("s" + i);
			segment.end();
			if (this.emitter.sendSegment(segment)) {
				accepted++;
			}
		}
		long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

		assertThat(accepted).isEqualTo(2);
		assertThat(this.emitter.dropped()).isEqualTo(8);
		// nothing waited for the stuck sender (it holds for up to 10 s)
		assertThat(tookMillis).isLessThan(2000);

		release.countDown();
		assertThat(this.emitter.flush(WAIT)).isTrue();
		assertThat(this.emitter.sent()).isEqualTo(3);
		daemon.awaitSegment((s) -> "s1".equals(s.path("name").asString()), WAIT);
	}

	@Test
	void noDaemonListeningCostsTheCallerNothingAndTheEmitterKeepsGoing() throws Exception {
		InetSocketAddress closed;
		try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
			closed = new InetSocketAddress(InetAddress.getLoopbackAddress(), probe.getLocalPort());
		}
		this.emitter = new SegmentEmitter(closed, 4096);
		for (int i = 0; i < 1000; i++) {
			Segment segment = segment("nobody-listens");
			segment.end();
			assertThat(this.emitter.sendSegment(segment)).isTrue();
		}
		assertThat(this.emitter.flush(WAIT)).isTrue();
		// every datagram went out or failed on its own thread; none was lost silently
		assertThat(this.emitter.sent() + this.emitter.failed()).isEqualTo(1000);
		assertThat(this.emitter.dropped()).isZero();
	}

	@Test
	void aSegmentAfterAQuietSpellWakesTheSenderAtOnce() throws Exception {
		this.emitter = new SegmentEmitter(stubAddress(), 16);
		// long enough for the sender to stop collecting on its own clock and sleep
		// until woken (its safety net wakes it after a second)
		Thread.sleep(400);
		Segment segment = segment("after-quiet");
		segment.end();
		long started = System.nanoTime();
		this.emitter.sendSegment(segment);
		daemon.awaitSegmentOfTrace(segment.getTraceId().toString(), WAIT);
		assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(800);
	}

	@Test
	void whileSegmentsKeepComingTheyAllArriveInBatches() throws Exception {
		this.emitter = new SegmentEmitter(stubAddress(), 4096);
		// a busy service's pace, several thousand a second (a tighter loop would
		// overrun the stand-in's socket buffer, which parses every datagram as it
		// comes)
		for (int i = 0; i < 1000; i++) {
			Segment segment = segment("busy-" + i);
			segment.end();
			assertThat(this.emitter.sendSegment(segment)).isTrue();
			if (i % 10 == 0) {
				Thread.sleep(1);
			}
		}
		assertThat(this.emitter.flush(WAIT)).isTrue();
		assertThat(this.emitter.sent()).isEqualTo(1000);
		assertThat(this.emitter.dropped()).isZero();
		// every one left the emitter; the stand-in, which parses each datagram on its
		// receiving thread in a cold JVM, may miss a few of a burst, as UDP allows
		long deadline = System.nanoTime() + WAIT.toNanos();
		while (daemon.segments().size() < 950 && System.nanoTime() < deadline) {
			Thread.sleep(10);
		}
		assertThat(daemon.segments()).hasSizeGreaterThanOrEqualTo(950);
	}

	@Test
	void aDaemonNameThatDoesNotResolveYetNeitherStopsTheServiceNorLosesCount() throws Exception {
		// as a cluster's DNS name before it resolves: the emitter starts all the same,
		// counts what it cannot send, and connects once the name resolves (here at once:
		// localhost, no DNS query leaves the machine)
		InetSocketAddress later = InetSocketAddress.createUnresolved("localhost", stubAddress().getPort());
		this.emitter = new SegmentEmitter(later, 16);
		Segment first = segment("before-resolving");
		first.end();
		assertThat(this.emitter.sendSegment(first)).isTrue();
		assertThat(this.emitter.flush(WAIT)).isTrue();
		assertThat(this.emitter.failed()).isEqualTo(1);
		Thread.sleep(1100);
		Segment second = segment("after-resolving");
		second.end();
		this.emitter.sendSegment(second);
		daemon.awaitSegmentOfTrace(second.getTraceId().toString(), WAIT);
		assertThat(this.emitter.sent()).isEqualTo(1);
	}

	@Test
	void afterCloseNothingIsQueued() throws Exception {
		this.emitter = new SegmentEmitter(stubAddress(), 16);
		this.emitter.close();
		Segment segment = segment("late");
		segment.end();
		assertThat(this.emitter.sendSegment(segment)).isFalse();
		assertThat(this.emitter.dropped()).isEqualTo(1);
	}

	private Segment segment(String name) {
		return new SegmentImpl(this.recorder, name, TraceID.create(this.recorder));
	}

	/** What the recorder's beginSubsegment does, without a thread's context. */
	private Subsegment subsegment(Segment parent, String name) {
		Subsegment subsegment = new SubsegmentImpl(this.recorder, name, parent);
		subsegment.setParent(parent);
		parent.addSubsegment(subsegment);
		return subsegment;
	}

	private static InetSocketAddress stubAddress() {
		String address = daemon.address();
		return new InetSocketAddress(InetAddress.getLoopbackAddress(),
				Integer.parseInt(address.substring(address.indexOf(':') + 1)));
	}

}
