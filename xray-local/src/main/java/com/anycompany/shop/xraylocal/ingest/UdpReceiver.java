package com.anycompany.shop.xraylocal.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * The daemon's UDP side: one thread takes datagrams off the socket as fast as it can and
 * queues them, another parses and stores them, so a slow moment in the store never makes
 * the kernel drop packets. A full queue drops the datagram and counts it.
 */
public final class UdpReceiver implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(UdpReceiver.class);

	private static final int MAX_DATAGRAM = 65_536;

	private static final byte[] STOP = new byte[0];

	/**
	 * Bytes waiting in the queue at most, whatever the count: the queue's memory bound.
	 */
	private static final long MAX_QUEUED_BYTES = 64L * 1024 * 1024;

	private final AtomicLong queuedBytes = new AtomicLong();

	private final String address;

	private final int port;

	private final int receiveBufferSize;

	private final Ingest ingest;

	private final BlockingQueue<byte[]> queue;

	private volatile DatagramChannel channel;

	private volatile int boundPort;

	private volatile int effectiveReceiveBuffer;

	private Thread receiver;

	private Thread parser;

	public UdpReceiver(String address, int port, int receiveBufferSize, int queueCapacity, Ingest ingest) {
		this.address = address;
		this.port = port;
		this.receiveBufferSize = receiveBufferSize;
		this.queue = new ArrayBlockingQueue<>(queueCapacity);
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
			this.effectiveReceiveBuffer = opened.getOption(StandardSocketOptions.SO_RCVBUF);
			this.boundPort = ((InetSocketAddress) opened.getLocalAddress()).getPort();
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
		while (socket.isOpen()) {
			try {
				buffer.clear();
				if (socket.receive(buffer) == null) {
					continue;
				}
				buffer.flip();
				byte[] datagram = new byte[buffer.remaining()];
				buffer.get(datagram);
				this.ingest.received();
				if (this.queuedBytes.get() > MAX_QUEUED_BYTES || !this.queue.offer(datagram)) {
					this.ingest.reject("queue_full");
				}
				else {
					this.queuedBytes.addAndGet(datagram.length);
				}
			}
			catch (ClosedChannelException ex) {
				break;
			}
			catch (IOException | RuntimeException ex) {
				logger.warn("UDP receive failed; going on", ex);
			}
		}
		this.queue.offer(STOP);
	}

	private void parse() {
		while (true) {
			byte[] datagram;
			try {
				datagram = this.queue.take();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			if (datagram == STOP) {
				return;
			}
			this.queuedBytes.addAndGet(-datagram.length);
			this.ingest.datagram(datagram, 0, datagram.length);
			if (this.queue.isEmpty()) {
				// a burst is over: indexes current before anyone asks
				this.ingest.flush();
			}
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
		return this.queue.size();
	}

}
