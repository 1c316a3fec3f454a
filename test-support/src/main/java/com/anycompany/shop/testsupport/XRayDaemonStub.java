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
import java.util.stream.Stream;

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

	private final DatagramSocket socket;

	private final List<JsonNode> documents = new CopyOnWriteArrayList<>();

	private final List<String> rejected = new CopyOnWriteArrayList<>();

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
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			Optional<JsonNode> match = segments().stream().filter(condition).findFirst();
			if (match.isPresent()) {
				return match.get();
			}
			pause();
		}
		throw new AssertionError("No segment matched within " + timeout + "; received: " + summary());
	}

	/**
	 * Waits until the complete segment of the given trace arrives, and returns it. Safer
	 * than matching on a URL, which a segment left over from an earlier test may match
	 * too: take the trace id from the response's {@code X-Amzn-Trace-Id} header
	 * ({@code Root=<trace id>;...}).
	 */
	public JsonNode awaitSegmentOfTrace(String traceId, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			Optional<JsonNode> match = segments().stream()
				.filter((s) -> traceId.equals(s.path("trace_id").asString()))
				.findFirst();
			if (match.isPresent()) {
				return match.get();
			}
			pause();
		}
		throw new AssertionError(
				"No complete segment of trace " + traceId + " within " + timeout + "; received: " + summary());
	}

	/**
	 * Waits until the segments of a trace include every named service, and returns them.
	 */
	public List<JsonNode> awaitTrace(String traceId, Duration timeout, String... serviceNames) {
		long deadline = System.nanoTime() + timeout.toNanos();
		List<JsonNode> trace = List.of();
		while (System.nanoTime() < deadline) {
			trace = segments().stream().filter((s) -> traceId.equals(s.path("trace_id").asString())).toList();
			List<String> names = trace.stream().map((s) -> s.path("name").asString()).toList();
			if (names.containsAll(List.of(serviceNames))) {
				return trace;
			}
			pause();
		}
		throw new AssertionError("Trace " + traceId + " lacks some of " + List.of(serviceNames) + "; has "
				+ trace.stream().map((s) -> s.path("name").asString()).toList());
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

	private static void pause() {
		try {
			Thread.sleep(20);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
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
