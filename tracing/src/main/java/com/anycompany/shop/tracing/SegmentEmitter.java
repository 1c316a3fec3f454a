package com.anycompany.shop.tracing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import com.amazonaws.xray.emitters.Emitter;
import com.amazonaws.xray.entities.Entity;
import com.amazonaws.xray.entities.Segment;
import com.amazonaws.xray.entities.Subsegment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends segments to the X-Ray daemon without making the request wait: the request thread
 * only puts the finished entity on a bounded queue, and one background thread turns it
 * into JSON and sends the datagram. The SDK's own emitter does both on the request
 * thread, which the profile showed to be the largest part of what tracing cost a request.
 * <p>
 * The sender adapts its waiting to the rate: when it finds a single segment at a time it
 * sleeps until the next one wakes it (a wake-up per segment, cheap at that rate, and no
 * timer in an idle service); when it finds several waiting, segments come faster than
 * wake-ups pay off, so it collects them on its own clock ({@link #COLLECT_INTERVAL}) and
 * the request threads make no system call for tracing at all (a wake-up is a futex call
 * and a context switch, kernel time a Java profile does not show), at most a hundred
 * wake-ups a second however busy the service. The datagrams leave through one connected
 * channel and one reused buffer: no address lookup and no new packet per send.
 * <p>
 * Never blocks and never grows: when the queue is full (the daemon thread cannot keep up,
 * e.g. a starved CPU) the entity is dropped and counted ({@link #dropped()}). A daemon
 * that is absent, slow or refusing costs the request path nothing either; failed sends
 * are counted ({@link #failed()}) and logged at most once a minute. The datagrams are the
 * SDK's: the same header, the same documents, and a segment too large for one datagram is
 * sent as its subsegments first, as the SDK does.
 */
public class SegmentEmitter extends Emitter implements AutoCloseable {

	/** What a request burst may leave waiting: about a second of a busy service. */
	public static final int DEFAULT_CAPACITY = 2048;

	/**
	 * The daemon reads datagrams of up to 64 KiB; keep clear of the limit as the SDK
	 * does.
	 */
	static final int DATAGRAM_LIMIT = 63 * 1024;

	private static final Logger logger = LoggerFactory.getLogger(SegmentEmitter.class);

	private static final byte[] HEADER = (PROTOCOL_HEADER + PROTOCOL_DELIMITER).getBytes(StandardCharsets.UTF_8);

	private static final long LOG_INTERVAL = TimeUnit.MINUTES.toNanos(1);

	/**
	 * How long a finished segment may wait while the service is busy: nothing against the
	 * daemon's own one-second batches.
	 */
	static final long COLLECT_INTERVAL = TimeUnit.MILLISECONDS.toNanos(10);

	/** The most the sender takes off the queue at once. */
	private static final int BATCH = 256;

	private final InetSocketAddress daemon;

	private final BlockingQueue<Entity> queue;

	private final DatagramChannel channel;

	/**
	 * The sender thread's writer: header and document in one reused buffer, without the
	 * SDK's reflective serializer (the profile's largest item of tracing work).
	 */
	private final SegmentDocumentWriter documents = new SegmentDocumentWriter(HEADER);

	/**
	 * Set by the sender before it sleeps without a deadline; the next segment wakes it.
	 */
	private volatile boolean asleep;

	private final Thread sender;

	private final AtomicLong sent = new AtomicLong();

	private final AtomicLong dropped = new AtomicLong();

	private final AtomicLong failed = new AtomicLong();

	/**
	 * Entities accepted and not yet handled (queued or being sent), for {@link #flush}.
	 */
	private final AtomicLong pending = new AtomicLong();

	private long lastFailureLog = System.nanoTime() - LOG_INTERVAL;

	private final AtomicLong lastDropLog = new AtomicLong(System.nanoTime() - LOG_INTERVAL);

	private volatile boolean closed;

	/**
	 * Whether the channel is connected to the daemon (sender thread only, after start).
	 */
	private boolean connected;

	private long lastConnectAttempt = System.nanoTime();

	/**
	 * @param daemon the daemon's UDP address, resolved once here rather than per datagram
	 * @param capacity how many entities may wait to be sent before new ones are dropped
	 */
	public SegmentEmitter(InetSocketAddress daemon, int capacity) throws IOException {
		this.daemon = daemon;
		this.queue = new ArrayBlockingQueue<>(capacity);
		// connected once: the kernel looks the route up here, not for every datagram.
		// A daemon that is not listening shows as a failed send (counted), as before.
		this.channel = DatagramChannel.open();
		this.connected = connect(daemon);
		this.sender = new Thread(this::sendLoop, "xray-emitter");
		this.sender.setDaemon(true);
		this.sender.start();
	}

	@Override
	public boolean sendSegment(Segment segment) {
		return enqueue(segment);
	}

	@Override
	public boolean sendSubsegment(Subsegment subsegment) {
		return enqueue(subsegment);
	}

	private boolean enqueue(Entity entity) {
		// the entity has ended: nothing on the request path changes it any more, and the
		// queue hands it over to the sender thread safely
		if (this.closed) {
			// the service is stopping: nothing is sent any more
			this.dropped.incrementAndGet();
			return false;
		}
		this.pending.incrementAndGet();
		if (this.queue.offer(entity)) {
			if (this.asleep) {
				LockSupport.unpark(this.sender);
			}
			return true;
		}
		this.pending.decrementAndGet();
		long dropped = this.dropped.incrementAndGet();
		long now = System.nanoTime();
		long last = this.lastDropLog.get();
		if (now - last >= LOG_INTERVAL && this.lastDropLog.compareAndSet(last, now)) {
			logger.warn("X-Ray emitter queue full ({} waiting): segment dropped, {} so far (logged at most once a "
					+ "minute)", this.queue.size(), dropped);
		}
		return false;
	}

	/** Datagrams sent since start. */
	public long sent() {
		return this.sent.get();
	}

	/** Segments and subsegments dropped because the queue was full (or after close). */
	public long dropped() {
		return this.dropped.get();
	}

	/** Datagrams the socket refused to send (daemon address unreachable and the like). */
	public long failed() {
		return this.failed.get();
	}

	/** Entities waiting to be sent. */
	public int queued() {
		return this.queue.size();
	}

	/** Waits until everything queued so far has been sent, or the timeout passes. */
	public boolean flush(Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (this.pending.get() > 0) {
			if (System.nanoTime() > deadline) {
				return false;
			}
			Thread.sleep(1);
		}
		return true;
	}

	/** Sends what is queued (for at most a second), then stops. */
	@Override
	public void close() throws InterruptedException {
		if (this.closed) {
			return;
		}
		flush(Duration.ofSeconds(1));
		this.closed = true;
		this.sender.interrupt();
		this.sender.join(1000);
		try {
			this.channel.close();
		}
		catch (IOException ex) {
			// nothing is sent any more either way
		}
		logger.info(
				"X-Ray emitter stopped: {} datagrams sent, {} dropped (queue full), {} failed, {} written by the "
						+ "SDK's serializer",
				this.sent.get(), this.dropped.get(), this.failed.get(), this.documents.fallbacks());
	}

	private void sendLoop() {
		List<Entity> batch = new ArrayList<>(BATCH);
		while (!this.closed) {
			this.queue.drainTo(batch, BATCH);
			if (batch.isEmpty()) {
				awaitSegment();
				continue;
			}
			for (Entity entity : batch) {
				try {
					send(entity);
				}
				catch (RuntimeException ex) {
					// an entity the SDK cannot serialize must not stop the sender
					failure("Cannot serialize " + describe(entity), ex);
				}
				finally {
					this.pending.decrementAndGet();
				}
			}
			if (batch.size() > 1) {
				// busy: more are coming; let them gather instead of being woken for each
				LockSupport.parkNanos(this, COLLECT_INTERVAL);
			}
			batch.clear();
		}
	}

	/**
	 * Sleeps until a segment is queued (or a second passes: a safety net, not a clock). A
	 * segment queued before the flag is seen is found by the check; one queued after it
	 * wakes the sender.
	 */
	private void awaitSegment() {
		this.asleep = true;
		if (this.queue.isEmpty()) {
			LockSupport.parkNanos(this, TimeUnit.SECONDS.toNanos(1));
		}
		this.asleep = false;
	}

	private void send(Entity entity) {
		int length = this.documents.write(entity);
		if (entity instanceof Segment && length > DATAGRAM_LIMIT) {
			// too big for one datagram: the subsegments go on their own, then what is
			// left
			for (Subsegment subsegment : entity.getSubsegmentsCopy()) {
				datagram(this.documents.write(subsegment), subsegment);
				entity.removeSubsegment(subsegment);
			}
			length = this.documents.write(entity);
		}
		datagram(length, entity);
	}

	private void datagram(int length, Entity entity) {
		if (!this.connected && !reconnect()) {
			failure("Cannot send " + describe(entity) + ": the X-Ray daemon's address " + this.daemon
					+ " does not resolve", new IllegalStateException("unresolved address"));
			return;
		}
		try {
			this.channel.write(ByteBuffer.wrap(this.documents.buffer(), 0, length));
			this.sent.incrementAndGet();
		}
		catch (IOException | RuntimeException ex) {
			failure("Cannot send " + describe(entity) + " (" + length + " bytes) to the X-Ray daemon at " + this.daemon,
					ex);
		}
	}

	/**
	 * A daemon name that did not resolve at start (a cluster DNS not ready yet) must not
	 * stop the service: the sender tries it again, at most once a second.
	 */
	private boolean connect(InetSocketAddress address) {
		if (address.isUnresolved()) {
			return false;
		}
		try {
			this.channel.connect(address);
			return true;
		}
		catch (IOException | RuntimeException ex) {
			return false;
		}
	}

	private boolean reconnect() {
		long now = System.nanoTime();
		if (now - this.lastConnectAttempt < TimeUnit.SECONDS.toNanos(1)) {
			return false;
		}
		this.lastConnectAttempt = now;
		this.connected = connect(new InetSocketAddress(this.daemon.getHostString(), this.daemon.getPort()));
		return this.connected;
	}

	private void failure(String message, Exception ex) {
		this.failed.incrementAndGet();
		long now = System.nanoTime();
		if (now - this.lastFailureLog >= LOG_INTERVAL) {
			this.lastFailureLog = now;
			logger.warn("{}: {}. Failed sends so far: {} (logged at most once a minute)", message, ex.toString(),
					this.failed.get());
		}
	}

	private static String describe(Entity entity) {
		return ((entity instanceof Segment) ? "segment " : "subsegment ") + entity.getName() + " [" + entity.getId()
				+ "]";
	}

}
