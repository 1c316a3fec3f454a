package com.anycompany.shop.launcher;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.anycompany.shop.launcher.process.ComponentSpec;
import com.anycompany.shop.launcher.process.HealthCheck;

/**
 * Helpers for tests that run {@link FakeService} processes.
 */
public final class Fakes {

	public static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private Fakes() {
	}

	public static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	/** The folder holding the test classes (FakeService among them). */
	static Path testClasses() {
		try {
			return Path.of(FakeService.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * {@code java -cp test-classes FakeService args}, lean enough to start in a blink.
	 */
	public static List<String> command(String... args) {
		List<String> command = new ArrayList<>(List.of(java(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx32m",
				"-Xshare:auto", "-cp", testClasses().toString(), FakeService.class.getName()));
		command.addAll(List.of(args));
		return command;
	}

	public static ComponentSpec spec(String name, Path logs, int port, String... args) {
		List<String> all = new ArrayList<>(List.of("--port", String.valueOf(port)));
		all.addAll(List.of(args));
		return new ComponentSpec(name, command(all.toArray(String[]::new)), Map.of(), logs, logs.resolve(name + ".log"),
				HealthCheck.http(URI.create("http://127.0.0.1:" + port + "/health")), true, 1);
	}

	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static String get(String url) {
		try {
			HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
					HttpResponse.BodyHandlers.ofString());
			return response.body();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public static boolean alive(long pid) {
		return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
	}

	/** Captures what a {@link Console} prints. */
	public static final class Output {

		private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

		private final PrintStream stream = new PrintStream(this.bytes, true, StandardCharsets.UTF_8);

		public PrintStream stream() {
			return this.stream;
		}

		public Console console() {
			return new Console(this.stream);
		}

		public String text() {
			synchronized (this.stream) {
				return this.bytes.toString(StandardCharsets.UTF_8);
			}
		}

	}

}
