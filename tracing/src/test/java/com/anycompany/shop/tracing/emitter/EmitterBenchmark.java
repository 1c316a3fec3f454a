package com.anycompany.shop.tracing.emitter;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.amazonaws.xray.AWSXRayRecorder;
import com.amazonaws.xray.AWSXRayRecorderBuilder;
import com.amazonaws.xray.config.DaemonConfiguration;
import com.amazonaws.xray.emitters.Emitter;
import com.amazonaws.xray.emitters.UDPEmitter;
import com.amazonaws.xray.entities.Entity;
import com.amazonaws.xray.entities.Segment;
import com.amazonaws.xray.entities.Subsegment;
import com.amazonaws.xray.strategy.sampling.AllSamplingStrategy;
import com.sun.management.OperatingSystemMXBean;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What sending a finished request's segment costs the request thread, and the whole
 * process, with the SDK's {@code UDPEmitter} on the request thread (what the services
 * use) against the same {@code UDPEmitter} behind a bounded queue and a sender thread
 * ({@link Queued}, the asynchronous emitter tracing/README.md decided against), over an
 * emitter that sends nothing. Each operation is one traced request: a segment with the
 * maps the SDK's filter writes, three {@code remote} and two {@code aws} subsegments,
 * ended and handed to the emitter, after {@code work} units of the request's own CPU work
 * (so the sender thread sees a request rate a service can serve, not a loop that floods
 * it). After each iteration a {@code PROCESS-CPU} line gives the CPU time per request of
 * the whole process (all threads, the sender included) and of the request thread alone
 * (what a busy machine's wall clock hides), and the segments the queue dropped.
 * <p>
 * Run with {@code scripts/benchmark-emitter.sh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class EmitterBenchmark {

	@Param({ "none", "udp", "queued" })
	public String emitter;

	/** The request's own work, in Blackhole.consumeCPU tokens (about 100 µs). */
	@Param({ "20000" })
	public long work;

	private DatagramSocket daemon;

	private Emitter sender;

	private AWSXRayRecorder recorder;

	@Setup(Level.Trial)
	public void setUp() throws Exception {
		// a bound socket nobody reads: the kernel drops what does not fit, sends still
		// cost what they cost
		this.daemon = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
		DaemonConfiguration address = new DaemonConfiguration();
		address.setDaemonAddress("127.0.0.1:" + this.daemon.getLocalPort());
		this.sender = switch (this.emitter) {
			case "none" -> new Emitter() {

				@Override
				public boolean sendSegment(Segment segment) {
					return true;
				}

				@Override
				public boolean sendSubsegment(Subsegment subsegment) {
					return true;
				}

			};
			case "udp" -> new UDPEmitter(address);
			case "queued" -> new Queued(new UDPEmitter(address));
			default -> throw new IllegalArgumentException(this.emitter);
		};
		this.recorder = AWSXRayRecorderBuilder.standard()
			.withEmitter(this.sender)
			.withSamplingStrategy(new AllSamplingStrategy())
			.withFastIdGenerator()
			.build();
	}

	private static final OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory
		.getOperatingSystemMXBean();

	private long requests;

	private static final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

	private long cpuAtStart;

	private long threadCpuAtStart;

	/** Runs on the benchmark's one thread, as does the tear-down. */
	@Setup(Level.Iteration)
	public void startIteration() {
		this.requests = 0;
		this.cpuAtStart = os.getProcessCpuTime();
		this.threadCpuAtStart = threads.getCurrentThreadCpuTime();
	}

	/** One line per iteration, which scripts/benchmark-emitter.sh summarizes. */
	@TearDown(Level.Iteration)
	public void endIteration() {
		long dropped = (this.sender instanceof Queued queued) ? queued.dropped.get() : 0;
		long requests = Math.max(1, this.requests);
		System.out.printf("PROCESS-CPU emitter=%s ns_per_request=%d request_thread_ns=%d dropped=%d%n", this.emitter,
				(os.getProcessCpuTime() - this.cpuAtStart) / requests,
				(threads.getCurrentThreadCpuTime() - this.threadCpuAtStart) / requests, dropped);
	}

	@TearDown(Level.Trial)
	public void tearDown() throws Exception {
		if (this.sender instanceof Queued queued) {
			queued.close();
		}
		this.daemon.close();
	}

	@Benchmark
	public void request() {
		Blackhole.consumeCPU(this.work);
		Segment segment = this.recorder.beginSegment("frontend");
		segment.putHttp("request", Map.of("url", "http://localhost:8080/checkout", "method", "POST", "user_agent",
				"Mozilla/5.0 (X11; Linux x86_64)", "client_ip", "127.0.0.1"));
		segment.putAnnotation("UserID", "a3f1c2");
		for (String callee : new String[] { "cartservice", "catalogservice", "orderservice" }) {
			Subsegment call = this.recorder.beginSubsegment(callee);
			call.setNamespace("remote");
			call.putHttp("request",
					Map.of("method", "GET", "url", "http://" + callee + ":8080/api/v1/x", "traced", true));
			call.putHttp("response", Map.of("status", 200, "content_length", 512));
			this.recorder.endSubsegment();
		}
		for (String operation : new String[] { "GetItem", "PutItem" }) {
			Subsegment call = this.recorder.beginSubsegment("DynamoDb");
			call.setNamespace("aws");
			call.putAws("operation", operation);
			call.putAws("region", "us-east-1");
			call.putAws("table_name", "Orders");
			call.putAws("request_id", "6Q8UOR3T1U3V5DJ0I1LOS1G5VVVV4KQNSO5AEMVJF66Q9ASUAAJG");
			call.putAws("retries", 0);
			call.putHttp("response", Map.of("status", 200, "content_length", 143));
			this.recorder.endSubsegment();
		}
		segment.putHttp("response", Map.of("status", 200, "content_length", 2048));
		this.recorder.endSegment();
		this.requests++;
	}

	/**
	 * The SDK's emitter on a sender thread: the request thread only offers the entity to
	 * a bounded queue (2048, dropping and counting when full).
	 */
	static final class Queued extends Emitter {

		private final BlockingQueue<Entity> queue = new ArrayBlockingQueue<>(2048);

		private final AtomicLong dropped = new AtomicLong();

		private final Thread sender;

		Queued(Emitter sdk) {
			this.sender = new Thread(() -> {
				try {
					while (true) {
						Entity entity = this.queue.take();
						if (entity instanceof Segment segment) {
							sdk.sendSegment(segment);
						}
						else {
							sdk.sendSubsegment((Subsegment) entity);
						}
					}
				}
				catch (InterruptedException ex) {
					// closed
				}
			}, "xray-emitter");
			this.sender.setDaemon(true);
			this.sender.start();
		}

		@Override
		public boolean sendSegment(Segment segment) {
			return offer(segment);
		}

		@Override
		public boolean sendSubsegment(Subsegment subsegment) {
			return offer(subsegment);
		}

		private boolean offer(Entity entity) {
			if (this.queue.offer(entity)) {
				return true;
			}
			this.dropped.incrementAndGet();
			return false;
		}

		void close() {
			this.sender.interrupt();
		}

	}

}
