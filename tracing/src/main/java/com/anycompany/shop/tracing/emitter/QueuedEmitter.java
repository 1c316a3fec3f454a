package com.anycompany.shop.tracing.emitter;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.amazonaws.xray.emitters.Emitter;
import com.amazonaws.xray.entities.Entity;
import com.amazonaws.xray.entities.Segment;
import com.amazonaws.xray.entities.Subsegment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An SDK {@link Emitter} that takes the serialization and the datagram off the request
 * thread: the request thread only puts the finished entity on a bounded queue, and one
 * thread hands it to the SDK's own emitter (its {@code UDPEmitter}: its serializer, its
 * datagram, its splitting of a segment too large for one). A full queue drops the entity
 * and counts it ({@link #dropped()}); it never blocks a request.
 */
public class QueuedEmitter extends Emitter implements AutoCloseable {

	/** What a request burst may leave waiting: about a second of a busy service. */
	public static final int DEFAULT_CAPACITY = 2048;

	private static final Logger logger = LoggerFactory.getLogger(QueuedEmitter.class);

	private static final long LOG_INTERVAL = TimeUnit.MINUTES.toNanos(1);

	private final Emitter sdk;

	private final BlockingQueue<Entity> queue;

	private final Thread sender;

	private final AtomicLong dropped = new AtomicLong();

	private final AtomicLong lastDropLog = new AtomicLong(System.nanoTime() - LOG_INTERVAL);

	private volatile boolean closed;

	/**
	 * @param sdk the emitter that serializes and sends, on the sender thread
	 * @param capacity how many entities may wait before new ones are dropped
	 */
	public QueuedEmitter(Emitter sdk, int capacity) {
		this.sdk = sdk;
		this.queue = new ArrayBlockingQueue<>(capacity);
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

	/** Entities dropped because the queue was full, or after {@link #close()}. */
	public long dropped() {
		return this.dropped.get();
	}

	private boolean enqueue(Entity entity) {
		// an ended entity no longer changes, and the queue hands it over safely
		if (!this.closed && this.queue.offer(entity)) {
			return true;
		}
		long dropped = this.dropped.incrementAndGet();
		long now = System.nanoTime();
		long last = this.lastDropLog.get();
		if (now - last >= LOG_INTERVAL && this.lastDropLog.compareAndSet(last, now)) {
			logger.warn("X-Ray emitter queue full or closed: segment dropped, {} so far (logged at most once a minute)",
					dropped);
		}
		return false;
	}

	private void sendLoop() {
		while (!this.closed || !this.queue.isEmpty()) {
			try {
				Entity entity = this.queue.poll(100, TimeUnit.MILLISECONDS);
				if (entity instanceof Segment segment) {
					this.sdk.sendSegment(segment);
				}
				else if (entity instanceof Subsegment subsegment) {
					this.sdk.sendSubsegment(subsegment);
				}
			}
			catch (InterruptedException ex) {
				return;
			}
			catch (RuntimeException ex) {
				// one entity the SDK cannot serialize must not stop the sender
				logger.warn("X-Ray emitter could not send an entity", ex);
			}
		}
	}

	/** Sends what is queued (for at most a second), then stops. */
	@Override
	public void close() throws InterruptedException {
		this.closed = true;
		this.sender.join(1000);
		this.sender.interrupt();
	}

}
