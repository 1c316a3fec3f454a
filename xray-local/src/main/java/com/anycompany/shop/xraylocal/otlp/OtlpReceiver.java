package com.anycompany.shop.xraylocal.otlp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import com.anycompany.shop.xraylocal.ingest.Ingest;
import com.anycompany.shop.xraylocal.ingest.Rejection;
import com.anycompany.shop.xraylocal.otlp.OtlpDecoder.Encoding;
import com.anycompany.shop.xraylocal.otlp.OtlpDecoder.MalformedRequest;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.util.JsonFormat;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTracePartialSuccess;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.context.SmartLifecycle;

/**
 * The OTLP/HTTP trace receiver: {@code POST /v1/traces} with an
 * {@code ExportTraceServiceRequest} in protobuf ({@code application/x-protobuf}) or
 * OTLP/JSON ({@code application/json}), gzip or not, on its own port (4318, OTLP/HTTP's
 * standard). The spans become X-Ray documents ({@link SpanTranslator}) that go through
 * the same ingest as the daemon's datagrams and PutTraceSegments.
 * <p>
 * Answers as OTLP/HTTP says: 200 with an {@code ExportTraceServiceResponse} (with
 * {@code partial_success} when some spans were refused), 400 with a
 * {@code google.rpc.Status} for a body that cannot be read, 413, 415, 405 and 404 for the
 * rest, in the request's encoding. X-Ray's OTLP endpoint's limits hold by default
 * ({@link Limits}): a body over 5 MB once gzip is undone is refused whole (413), as is a
 * request of more than 10,000 spans (400); a span over 200 KB is refused alone, the rest
 * of its request kept and the refusal counted in {@code partial_success}. Refusals are
 * counted in ingest's rejection counters ({@code otlp_malformed},
 * {@code otlp_invalid_span}, {@code otlp_too_large}, {@code otlp_too_many_spans},
 * {@code otlp_unsupported_media_type}). It runs on the JDK's HTTP server, apart from the
 * X-Ray API's port, with two threads: exporters send batches, not a request per span.
 */
public final class OtlpReceiver implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(OtlpReceiver.class);

	/** google.rpc.Code INVALID_ARGUMENT */
	private static final int INVALID_ARGUMENT = 3;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String address;

	private final int port;

	private final Limits limits;

	private final Ingest ingest;

	private final OtlpDecoder decoder = new OtlpDecoder();

	private final SpanTranslator translator;

	private final LongAdder requests = new LongAdder();

	private final LongAdder spans = new LongAdder();

	private volatile HttpServer server;

	private ExecutorService executor;

	/**
	 * What one export request may hold.
	 *
	 * @param maxBodyBytes the body at most, after gzip is undone
	 * @param maxSpans spans in one request at most
	 * @param maxSpanBytes one span's encoded size at most
	 */
	public record Limits(long maxBodyBytes, int maxSpans, int maxSpanBytes) {
	}

	public OtlpReceiver(String address, int port, Limits limits, Ingest ingest) {
		this.address = address;
		this.port = port;
		this.limits = limits;
		this.translator = new SpanTranslator(limits.maxSpanBytes());
		this.ingest = ingest;
	}

	@Override
	public synchronized void start() {
		if (this.server != null) {
			return;
		}
		try {
			HttpServer created = HttpServer.create(new InetSocketAddress(this.address, this.port), 50);
			AtomicInteger threads = new AtomicInteger();
			this.executor = Executors.newFixedThreadPool(2, (task) -> {
				Thread thread = new Thread(task, "otlp-http-" + threads.incrementAndGet());
				thread.setDaemon(true);
				return thread;
			});
			created.setExecutor(this.executor);
			created.createContext("/", this::handle);
			created.start();
			this.server = created;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot listen for OTLP/HTTP on " + this.address + ":" + this.port, ex);
		}
		logger.info("Receiving OTLP/HTTP traces on http://{}:{}/v1/traces", this.address, port());
	}

	@Override
	public synchronized void stop() {
		if (this.server != null) {
			this.server.stop(0);
			this.executor.shutdownNow();
			this.server = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.server != null;
	}

	/** The port it listens on (the actual one when configured as 0). */
	public int port() {
		HttpServer current = this.server;
		return (current != null) ? current.getAddress().getPort() : this.port;
	}

	/** Export requests answered 200. */
	public long requests() {
		return this.requests.sum();
	}

	/** Spans received in those requests. */
	public long spans() {
		return this.spans.sum();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			Encoding encoding = Encoding.of(exchange.getRequestHeaders().getFirst("Content-Type"));
			Encoding answerIn = (encoding != null) ? encoding : Encoding.JSON;
			if (!exchange.getRequestURI().getPath().equals("/v1/traces")) {
				error(exchange, 404, answerIn, "only /v1/traces is served here (traces; not metrics or logs)");
				return;
			}
			if (!exchange.getRequestMethod().equals("POST")) {
				exchange.getResponseHeaders().set("Allow", "POST");
				error(exchange, 405, answerIn, "POST an ExportTraceServiceRequest");
				return;
			}
			if (encoding == null) {
				this.ingest.reject("otlp_unsupported_media_type");
				error(exchange, 415, answerIn, "Content-Type must be application/x-protobuf or application/json");
				return;
			}
			byte[] body;
			try {
				body = readBody(exchange);
			}
			catch (TooLarge ex) {
				this.ingest.reject("otlp_too_large");
				drain(exchange.getRequestBody());
				error(exchange, 413, encoding, "the body is larger than " + this.limits.maxBodyBytes()
						+ " bytes (uncompressed): send smaller batches");
				return;
			}
			catch (ZipException | java.io.EOFException ex) {
				this.ingest.reject("otlp_malformed");
				error(exchange, 400, encoding, "Content-Encoding gzip, but the body is not gzip: " + ex.getMessage());
				return;
			}
			ExportTraceServiceRequest request;
			try {
				request = this.decoder.decode(body, encoding);
			}
			catch (MalformedRequest ex) {
				this.ingest.reject("otlp_malformed");
				error(exchange, 400, encoding, ex.getMessage());
				return;
			}
			int spans = spanCount(request);
			if (spans > this.limits.maxSpans()) {
				this.ingest.reject("otlp_too_many_spans");
				error(exchange, 400, encoding,
						"the request has " + spans + " spans, more than the " + this.limits.maxSpans() + " allowed");
				return;
			}
			respond(exchange, 200, encoding, export(request));
		}
		catch (RuntimeException ex) {
			// a bug of ours: count it, answer, keep serving
			this.ingest.reject("internal_error");
			logger.warn("OTLP request failed", ex);
			try {
				error(exchange, 500, Encoding.JSON, "internal error");
			}
			catch (IOException | RuntimeException ignored) {
				// the exchange may already be answered
			}
		}
	}

	private static int spanCount(ExportTraceServiceRequest request) {
		int spans = 0;
		for (var resourceSpans : request.getResourceSpansList()) {
			for (var scopeSpans : resourceSpans.getScopeSpansList()) {
				spans += scopeSpans.getSpansCount();
			}
		}
		return spans;
	}

	private ExportTraceServiceResponse export(ExportTraceServiceRequest request) {
		SpanTranslator.Result result = this.translator.translate(request);
		this.requests.increment();
		this.spans.add(result.spans());
		long refused = result.invalidSpans();
		String message = result.firstProblem();
		for (int i = 0; i < result.invalidSpans(); i++) {
			this.ingest.reject("otlp_invalid_span");
		}
		for (String document : result.documents()) {
			Rejection rejection = this.ingest.document(document);
			if (rejection != null) {
				refused++;
				message = (message != null) ? message : rejection.reason() + ": " + rejection.getMessage();
			}
		}
		ExportTraceServiceResponse.Builder response = ExportTraceServiceResponse.newBuilder();
		if (refused > 0) {
			response.setPartialSuccess(ExportTracePartialSuccess.newBuilder()
				.setRejectedSpans(Math.min(refused, result.spans()))
				.setErrorMessage(message));
		}
		return response.build();
	}

	private byte[] readBody(HttpExchange exchange) throws IOException, TooLarge {
		String contentEncoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
		InputStream in = exchange.getRequestBody();
		if (contentEncoding != null && contentEncoding.strip().toLowerCase(Locale.ROOT).equals("gzip")) {
			in = new GZIPInputStream(in);
		}
		// bounded after decompression too, so a small gzip bomb cannot fill the heap
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] buffer = new byte[16 * 1024];
		int read;
		while ((read = in.read(buffer)) >= 0) {
			if (out.size() + read > this.limits.maxBodyBytes()) {
				throw new TooLarge();
			}
			out.write(buffer, 0, read);
		}
		return out.toByteArray();
	}

	/**
	 * Reads what is left of a refused body (up to a bound), so that closing the
	 * connection does not reset it before the client has read the answer.
	 */
	private static void drain(InputStream body) {
		byte[] buffer = new byte[64 * 1024];
		long left = 64L * 1024 * 1024;
		try {
			int read;
			while (left > 0 && (read = body.read(buffer)) >= 0) {
				left -= read;
			}
		}
		catch (IOException ignored) {
			// the client went away: nothing to answer
		}
	}

	private static void respond(HttpExchange exchange, int status, Encoding encoding,
			ExportTraceServiceResponse response) throws IOException {
		byte[] body = switch (encoding) {
			case PROTOBUF -> response.toByteArray();
			case JSON ->
				JsonFormat.printer().omittingInsignificantWhitespace().print(response).getBytes(StandardCharsets.UTF_8);
		};
		send(exchange, status, encoding, body);
	}

	/** A {@code google.rpc.Status} with code INVALID_ARGUMENT (3) and the message. */
	private static void error(HttpExchange exchange, int status, Encoding encoding, String message) throws IOException {
		byte[] body;
		if (encoding == Encoding.PROTOBUF) {
			// google.rpc.Status: field 1 code (int32), field 2 message (string)
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			CodedOutputStream out = CodedOutputStream.newInstance(bytes);
			out.writeInt32(1, INVALID_ARGUMENT);
			out.writeString(2, message);
			out.flush();
			body = bytes.toByteArray();
		}
		else {
			ObjectNode json = JSON.createObjectNode();
			json.put("code", INVALID_ARGUMENT);
			json.put("message", message);
			body = JSON.writeValueAsBytes(json);
		}
		send(exchange, status, encoding, body);
	}

	private static void send(HttpExchange exchange, int status, Encoding encoding, byte[] body) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", encoding.contentType);
		exchange.sendResponseHeaders(status, (body.length == 0) ? -1 : body.length);
		if (body.length > 0) {
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		}
	}

	private static final class TooLarge extends Exception {

		TooLarge() {
			super(null, null, false, false);
		}

	}

}
