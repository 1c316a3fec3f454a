package com.anycompany.shop.testsupport;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stands in for the X-Ray daemon in tests: a UDP socket on a free loopback port that
 * keeps every datagram the SDK really sends, checks its header, and parses the segment
 * document.
 * <p>
 * Use as {@code @RegisterExtension static XRayDaemonStub daemon = new XRayDaemonStub();}
 * and point the service at {@link #address()}.
 */
public final class XRayDaemonStub implements AfterAllCallback, AutoCloseable {

	private static final String HEADER = "{\"format\":\"json\",\"version\":1}";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Duration POLL_INTERVAL = Duration.ofMillis(20);

	private final DatagramSocket socket;

	private final List<JsonNode> documents = new CopyOnWriteArrayList<>();

	private final List<String> rejected = new CopyOnWriteArrayList<>();

	private volatile long lastReceived = System.nanoTime();

	public XRayDaemonStub() {
		try {
			this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
			// room for a burst while this thread parses (as the daemon and xray-local
			// ask for); the kernel caps it at net.core.rmem_max
			this.socket.setReceiveBufferSize(4 * 1024 * 1024);
		}
		catch (SocketException ex) {
			throw new IllegalStateException("Cannot open a loopback UDP socket", ex);
		}
		Thread receiver = new Thread(this::receive, "xray-daemon-stub");
		receiver.setDaemon(true);
		receiver.start();
	}

	/** The daemon address in the SDK's format, for {@code AWS_XRAY_DAEMON_ADDRESS}. */
	public String address() {
		return "127.0.0.1:" + this.socket.getLocalPort();
	}

	/**
	 * Every document received so far (segments and independent subsegments), in arrival
	 * order.
	 */
	public List<JsonNode> documents() {
		return List.copyOf(this.documents);
	}

	/** Datagrams that did not carry the daemon header or a JSON document. */
	public List<String> rejected() {
		return List.copyOf(this.rejected);
	}

	/**
	 * Complete (not in-progress) segments, i.e. the documents with no {@code type} field.
	 */
	public List<JsonNode> segments() {
		return this.documents.stream()
			.filter((doc) -> !doc.has("type") && !doc.path("in_progress").asBoolean(false))
			.toList();
	}

	public void clear() {
		this.documents.clear();
		this.rejected.clear();
	}

	/** Waits until a complete segment matches, and returns it. */
	public JsonNode awaitSegment(Predicate<JsonNode> condition, Duration timeout) {
		return awaitPresent(timeout, () -> segments().stream().filter(condition).findFirst(),
				() -> "No segment matched within " + timeout + "; received: " + summary());
	}

	/**
	 * Waits until the complete segment of the given trace arrives, and returns it. Safer
	 * than matching on a URL, which a segment left over from an earlier test may match
	 * too: take the trace id from the response's {@code X-Amzn-Trace-Id} header
	 * ({@code Root=<trace id>;...}).
	 */
	public JsonNode awaitSegmentOfTrace(String traceId, Duration timeout) {
		return awaitPresent(timeout, () -> segmentsOfTrace(traceId).stream().findFirst(),
				() -> "No complete segment of trace " + traceId + " within " + timeout + "; received: " + summary());
	}

	/**
	 * Waits until the segments of a trace include every named service, and returns them.
	 */
	public List<JsonNode> awaitTrace(String traceId, Duration timeout, String... serviceNames) {
		List<String> wanted = List.of(serviceNames);
		return awaitPresent(timeout,
				() -> Optional.of(segmentsOfTrace(traceId)).filter((trace) -> names(trace).containsAll(wanted)),
				() -> "Trace " + traceId + " lacks some of " + wanted + "; has " + names(segmentsOfTrace(traceId)));
	}

	private List<JsonNode> segmentsOfTrace(String traceId) {
		return segments().stream().filter((s) -> traceId.equals(s.path("trace_id").asString())).toList();
	}

	private static List<String> names(List<JsonNode> segments) {
		return segments.stream().map((s) -> s.path("name").asString()).toList();
	}

	/**
	 * Waits until no datagram has arrived for {@code quiet}: for a test that reads
	 * everything a run sent, when it cannot know how many segments to expect (the SDK
	 * sends each one over UDP just after its response).
	 */
	public void awaitQuiet(Duration quiet, Duration timeout) {
		try {
			Awaitility.await()
				.atMost(timeout)
				.pollInterval(POLL_INTERVAL)
				.until(() -> System.nanoTime() - this.lastReceived >= quiet.toNanos());
		}
		catch (ConditionTimeoutException ex) {
			throw new AssertionError(
					"Datagrams still arriving after " + timeout + "; received " + this.documents.size() + " documents",
					ex);
		}
	}

	/**
	 * Polls until the probe finds something; on timeout fails as a test assertion with
	 * what was received, which says more than Awaitility's own timeout message.
	 */
	private static <T> T awaitPresent(Duration timeout, Supplier<Optional<T>> probe, Supplier<String> failure) {
		try {
			return Awaitility.await()
				.atMost(timeout)
				.pollDelay(Duration.ZERO)
				.pollInterval(POLL_INTERVAL)
				.until(probe::get, Optional::isPresent)
				.get();
		}
		catch (ConditionTimeoutException ex) {
			throw new AssertionError(failure.get(), ex);
		}
	}

	/** The entity and all its nested subsegments, depth first. */
	public static Stream<JsonNode> walk(JsonNode entity) {
		List<JsonNode> all = new ArrayList<>();
		collect(entity, all);
		return all.stream();
	}

	/** The first subsegment (at any depth) with the given name. */
	public static Optional<JsonNode> subsegmentNamed(JsonNode entity, String name) {
		return walk(entity).skip(1).filter((s) -> name.equals(s.path("name").asString())).findFirst();
	}

	private static void collect(JsonNode entity, List<JsonNode> into) {
		into.add(entity);
		for (JsonNode child : entity.path("subsegments")) {
			collect(child, into);
		}
	}

	private String summary() {
		return segments().stream()
			.map((s) -> s.path("name").asString() + " " + s.path("http").path("request").path("url").asString())
			.toList()
			.toString();
	}

	private void receive() {
		byte[] buffer = new byte[65_536];
		while (!this.socket.isClosed()) {
			DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
			try {
				this.socket.receive(packet);
			}
			catch (IOException closed) {
				return;
			}
			this.lastReceived = System.nanoTime();
			String datagram = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
			int newline = datagram.indexOf('\n');
			if (newline < 0 || !HEADER.equals(datagram.substring(0, newline).replaceAll("\\s", ""))) {
				this.rejected.add(datagram);
				continue;
			}
			try {
				this.documents.add(JSON.readTree(datagram.substring(newline + 1)));
			}
			catch (RuntimeException ex) {
				this.rejected.add(datagram);
			}
		}
	}

	@Override
	public void afterAll(ExtensionContext context) {
		close();
	}

	@Override
	public void close() {
		this.socket.close();
	}

}
