package com.anycompany.shop.xraylocal.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * The daemon's UDP side: one thread takes datagrams off the socket as fast as it can and
 * queues them, another parses and stores them, so a slow moment in the store never makes
 * the kernel drop packets. A full queue drops the datagram and counts it.
 * <p>
 * Both threads work in batches, because waking a thread costs more CPU than parsing a
 * segment: after a datagram arrives the receiver empties the socket, hands what it got to
 * the parser in one go, then sleeps {@link #BATCH_NANOS} before emptying the socket
 * again; only when a round finds the socket empty does it block until the next datagram.
 * At a steady stream that is one wake-up per thread every few milliseconds instead of two
 * per datagram; the kernel's receive buffer holds what arrives meanwhile (a few thousand
 * datagrams, tens of milliseconds at the highest rates measured).
 */
public final class UdpReceiver implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(UdpReceiver.class);

	private static final int MAX_DATAGRAM = 65_536;

	/**
	 * How long the receiver lets datagrams gather in the kernel while they keep coming.
	 */
	static final long BATCH_NANOS = 10_000_000L;

	/** Quiet this long after datagrams, a burst is over: the indexes catch up. */
	static final long QUIET_NANOS = 20_000_000L;

	/** While datagrams keep coming, the indexes catch up this often at most. */
	static final long FLUSH_NANOS = 200_000_000L;

	/**
	 * A batch goes to the parser once it holds this many datagrams, whatever the time.
	 */
	private static final int MAX_BATCH = 512;

	private static final Batch STOP = new Batch();

	/**
	 * Bytes waiting in the queue at most, whatever the count: the queue's memory bound.
	 */
	private static final long MAX_QUEUED_BYTES = 64L * 1024 * 1024;

	private final AtomicLong queuedBytes = new AtomicLong();

	private final AtomicInteger queuedDatagrams = new AtomicInteger();

	/**
	 * A parsed batch for the receiver to fill again: at a steady stream the two threads
	 * pass the same two batches back and forth instead of allocating one every round.
	 */
	private final AtomicReference<Batch> spare = new AtomicReference<>();

	/** A batch that grew past this (a burst) is left to the garbage collector. */
	private static final int MAX_SPARE_BYTES = 1024 * 1024;

	private final String address;

	private final int port;

	private final int receiveBufferSize;

	private final int queueCapacity;

	private final Ingest ingest;

	private final BlockingQueue<Batch> queue = new LinkedBlockingQueue<>();

	private volatile DatagramChannel channel;

	private volatile Selector selector;

	private volatile int boundPort;

	private volatile int effectiveReceiveBuffer;

	private Thread receiver;

	private Thread parser;

	public UdpReceiver(String address, int port, int receiveBufferSize, int queueCapacity, Ingest ingest) {
		this.address = address;
		this.port = port;
		this.receiveBufferSize = receiveBufferSize;
		this.queueCapacity = queueCapacity;
		this.ingest = ingest;
	}

	@Override
	public synchronized void start() {
		if (this.channel != null) {
			return;
		}
		try {
			DatagramChannel opened = DatagramChannel.open();
			opened.setOption(StandardSocketOptions.SO_RCVBUF, this.receiveBufferSize);
			opened.bind(new InetSocketAddress(this.address, this.port));
			opened.configureBlocking(false);
			Selector readable = Selector.open();
			opened.register(readable, SelectionKey.OP_READ);
			this.effectiveReceiveBuffer = opened.getOption(StandardSocketOptions.SO_RCVBUF);
			this.boundPort = ((InetSocketAddress) opened.getLocalAddress()).getPort();
			this.selector = readable;
			this.channel = opened;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot listen on UDP " + this.address + ":" + this.port, ex);
		}
		this.receiver = new Thread(this::receive, "xray-udp-receiver");
		this.parser = new Thread(this::parse, "xray-udp-ingest");
		this.receiver.setDaemon(true);
		this.parser.setDaemon(true);
		this.parser.start();
		this.receiver.start();
		logger.info("Receiving segments on UDP {}:{} (receive buffer {} bytes)", this.address, this.boundPort,
				this.effectiveReceiveBuffer);
	}

	private void receive() {
		ByteBuffer buffer = ByteBuffer.allocateDirect(MAX_DATAGRAM);
		DatagramChannel socket = this.channel;
		Selector readable = this.selector;
		Batch batch = new Batch();
		boolean streaming = false;
		while (socket.isOpen()) {
			try {
				buffer.clear();
				if (socket.receive(buffer) != null) {
					buffer.flip();
					streaming = true;
					this.ingest.received();
					int length = buffer.remaining();
					if (this.queuedBytes.get() + batch.bytes + length > MAX_QUEUED_BYTES
							|| this.queuedDatagrams.get() + batch.count >= this.queueCapacity) {
						this.ingest.reject("queue_full");
					}
					else {
						batch.add(buffer, length);
					}
					if (batch.count >= MAX_BATCH) {
						batch = handOff(batch);
					}
					continue;
				}
				// the socket is empty: pass on what this round got, then wait for more
				if (batch.count > 0) {
					batch = handOff(batch);
				}
				if (streaming) {
					streaming = false;
					LockSupport.parkNanos(BATCH_NANOS);
				}
				else {
					readable.select();
					readable.selectedKeys().clear();
				}
			}
			catch (ClosedChannelException | ClosedSelectorException ex) {
				break;
			}
			catch (IOException | RuntimeException ex) {
				logger.warn("UDP receive failed; going on", ex);
			}
		}
		if (batch.count > 0) {
			handOff(batch);
		}
		this.queue.offer(STOP);
	}

	private Batch handOff(Batch batch) {
		this.queuedBytes.addAndGet(batch.bytes);
		this.queuedDatagrams.addAndGet(batch.count);
		this.queue.offer(batch);
		Batch spare = this.spare.getAndSet(null);
		return (spare != null) ? spare : new Batch();
	}

	private void parse() {
		long lastFlush = System.nanoTime();
		boolean unflushed = false;
		while (true) {
			Batch batch;
			try {
				batch = unflushed ? this.queue.poll(QUIET_NANOS, TimeUnit.NANOSECONDS) : this.queue.take();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			if (batch == null) {
				// a burst is over: indexes current before anyone asks
				this.ingest.flush();
				unflushed = false;
				lastFlush = System.nanoTime();
				continue;
			}
			if (batch == STOP) {
				return;
			}
			for (int i = 0; i < batch.count; i++) {
				this.ingest.datagram(batch.data, batch.offsets[i], batch.offsets[i + 1] - batch.offsets[i]);
			}
			this.queuedBytes.addAndGet(-batch.bytes);
			this.queuedDatagrams.addAndGet(-batch.count);
			if (batch.data.length <= MAX_SPARE_BYTES) {
				batch.count = 0;
				batch.bytes = 0;
				this.spare.set(batch);
			}
			unflushed = true;
			if (this.queue.isEmpty() && System.nanoTime() - lastFlush >= FLUSH_NANOS) {
				// a steady stream: indexes current a few times a second, not after every
				// batch, so that a trace whose documents arrive over a while is put
				// together once rather than once per batch
				this.ingest.flush();
				unflushed = false;
				lastFlush = System.nanoTime();
			}
		}
	}

	/**
	 * Datagrams back to back in one array: one allocation per batch, not per datagram.
	 */
	private static final class Batch {

		byte[] data = new byte[16 * 1024];

		/** Datagram {@code i} is {@code data[offsets[i]..offsets[i + 1])}. */
		int[] offsets = new int[65];

		int count;

		int bytes;

		void add(ByteBuffer datagram, int length) {
			if (this.bytes + length > this.data.length) {
				this.data = Arrays.copyOf(this.data, Math.max(this.data.length * 2, this.bytes + length));
			}
			if (this.count + 2 > this.offsets.length) {
				this.offsets = Arrays.copyOf(this.offsets, this.offsets.length * 2);
			}
			datagram.get(this.data, this.bytes, length);
			this.bytes += length;
			this.offsets[++this.count] = this.bytes;
		}

	}

	@Override
	public synchronized void stop() {
		DatagramChannel open = this.channel;
		if (open == null) {
			return;
		}
		try {
			open.close();
			this.selector.close();
		}
		catch (IOException ex) {
			logger.debug("Closing the UDP socket failed", ex);
		}
		try {
			this.receiver.join(TimeUnit.SECONDS.toMillis(2));
			this.parser.join(TimeUnit.SECONDS.toMillis(2));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.channel = null;
	}

	@Override
	public boolean isRunning() {
		return this.channel != null;
	}

	/** The UDP port actually bound (differs from the configured one when that was 0). */
	public int port() {
		return this.boundPort;
	}

	public String address() {
		return this.address;
	}

	/** SO_RCVBUF as the kernel granted it. */
	public int receiveBufferSize() {
		return this.effectiveReceiveBuffer;
	}

	/** Datagrams received but not yet parsed. */
	public int queued() {
		return this.queuedDatagrams.get();
	}

}
