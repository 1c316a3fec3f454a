package com.anycompany.shop.xraylocal.ingest;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import com.anycompany.shop.xraylocal.Json;
import com.anycompany.shop.xraylocal.TestTraces;
import com.anycompany.shop.xraylocal.graph.GraphIndex;
import com.anycompany.shop.xraylocal.store.Trace;
import com.anycompany.shop.xraylocal.store.TraceStore;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The UDP side over a real socket: batched receive and hand-off lose nothing, the indexes
 * catch up on their own once a burst is over, and a full queue drops and counts.
 */
class UdpReceiverTests {

	private static final TraceStore.Limits LIMITS = new TraceStore.Limits(100_000, 1_000_000, 1_000_000_000L, 100,
			3_600_000);

	@Test
	void burstIsStoredWholeAndIndexedWithoutAQuery() throws Exception {
		GraphIndex index = new GraphIndex();
		TraceStore store = new TraceStore(LIMITS, Clock.systemUTC(), index);
		Ingest ingest = new Ingest(new SegmentParser(), store, index::refresh);
		List<byte[]> datagrams = new ArrayList<>();
		double now = System.currentTimeMillis() / 1000.0;
		for (int i = 0; i < 300; i++) {
			TestTraces.product(Json.newTraceId(), now, "P-0001", false).forEach((d) -> datagrams.add(d.bytes()));
		}
		UdpReceiver receiver = new UdpReceiver("127.0.0.1", 0, 4 << 20, 100_000, ingest);
		receiver.start();
		try {
			send(receiver.port(), datagrams, 0);
			await(() -> ingest.accepted() == datagrams.size());
			// nobody asked for a graph: ingest brings the index up to date when the
			// burst is over
			await(() -> index.pending() == 0);
			assertThat(receiver.queued()).isZero();
			assertThat(ingest.datagrams()).isEqualTo(datagrams.size());
			assertThat(ingest.rejected()).isEmpty();
			assertThat(store.stats().traces()).isEqualTo(300);

			// a trickle after the burst (each datagram alone) is stored and indexed too
			List<byte[]> trickle = new ArrayList<>();
			TestTraces.order(Json.newTraceId(), now).forEach((d) -> trickle.add(d.bytes()));
			send(receiver.port(), trickle, 30);
			await(() -> ingest.accepted() == datagrams.size() + trickle.size());
			await(() -> index.pending() == 0);
			assertThat(index.graph(now - 60, now + 60).nodes()).extracting((n) -> n.key().name())
				.contains("orderservice", "Orders");
		}
		finally {
			receiver.stop();
		}
	}

	@Test
	void fullQueueDropsAndCounts() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		// a store that stalls on its first document, as a slow moment would
		TraceStore store = new TraceStore(LIMITS, Clock.systemUTC(), new TraceStore.Listener() {
			@Override
			public void changed(Trace trace) {
				try {
					release.await(10, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}

			@Override
			public void evicted(Trace trace) {
			}
		});
		Ingest ingest = new Ingest(new SegmentParser(), store);
		List<byte[]> datagrams = new ArrayList<>();
		double now = System.currentTimeMillis() / 1000.0;
		for (int i = 0; i < 40; i++) {
			TestTraces.product(Json.newTraceId(), now, "P-0001", false).forEach((d) -> datagrams.add(d.bytes()));
		}
		UdpReceiver receiver = new UdpReceiver("127.0.0.1", 0, 4 << 20, 10, ingest);
		receiver.start();
		try {
			send(receiver.port(), datagrams.subList(0, 1), 0);
			await(() -> ingest.datagrams() == 1);
			send(receiver.port(), datagrams.subList(1, datagrams.size()), 0);
			await(() -> ingest.datagrams() == datagrams.size());
			await(() -> ingest.rejected().getOrDefault("queue_full", 0L) > 0);
			assertThat(receiver.queued()).isLessThanOrEqualTo(10);
			release.countDown();
			await(() -> receiver.queued() == 0
					&& ingest.accepted() + ingest.rejected().get("queue_full") == datagrams.size());
		}
		finally {
			release.countDown();
			receiver.stop();
		}
	}

	private static void send(int port, List<byte[]> datagrams, long pauseMillis) throws Exception {
		try (DatagramChannel channel = DatagramChannel.open()) {
			channel.connect(new InetSocketAddress("127.0.0.1", port));
			for (int i = 0; i < datagrams.size(); i++) {
				channel.write(ByteBuffer.wrap(datagrams.get(i)));
				if (pauseMillis > 0) {
					Thread.sleep(pauseMillis);
				}
				else if (i % 100 == 99) {
					// bursts of 100: the kernel's receive buffer is never what bounds
					// this
					Thread.sleep(2);
				}
			}
		}
	}

	private static void await(BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("condition met within 10 s").isLessThan(deadline);
			Thread.sleep(5);
		}
	}

}
