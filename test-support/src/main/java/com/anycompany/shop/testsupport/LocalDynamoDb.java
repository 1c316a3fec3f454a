package com.anycompany.shop.testsupport;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real DynamoDB API on loopback for tests: dynalite (from {@code local-dynamodb/},
 * installed with {@code npm ci}) started once per JVM on a free port and stopped when the
 * JVM's tests end.
 * <p>
 * Register with {@code @ExtendWith(LocalDynamoDb.class)}. Before the first test class
 * runs it sets the system property {@code shop.clients.aws.endpoint} (read by the tracing
 * module's AWS client factory) and {@code DYNAMODB_ENDPOINT}, so a Spring context started
 * afterwards talks to it.
 */
public final class LocalDynamoDb implements BeforeAllCallback {

	private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

	private static volatile Server server;

	@Override
	public void beforeAll(ExtensionContext context) {
		ExtensionContext.Store store = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL);
		store.getOrComputeIfAbsent(Server.class, (key) -> startServer(), Server.class);
	}

	/** The endpoint of the running local DynamoDB, starting it when needed. */
	public static synchronized String endpoint() {
		if (server == null) {
			startServer();
		}
		return server.endpoint();
	}

	private static synchronized Server startServer() {
		if (server == null) {
			server = Server.start(installDirectory());
			System.setProperty("shop.clients.aws.endpoint", server.endpoint());
			System.setProperty("DYNAMODB_ENDPOINT", server.endpoint());
		}
		return server;
	}

	static Path installDirectory() {
		String configured = System.getProperty("shop.local-dynamodb.dir");
		if (configured != null) {
			return Path.of(configured);
		}
		// running from an IDE: walk up from the working directory to the project root
		Path dir = Path.of("").toAbsolutePath();
		while (dir != null && !Files.isDirectory(dir.resolve("local-dynamodb"))) {
			dir = dir.getParent();
		}
		if (dir == null) {
			throw new IllegalStateException("Cannot find the local-dynamodb folder; set -Dshop.local-dynamodb.dir");
		}
		return dir.resolve("local-dynamodb");
	}

	/** A dynalite process; closed by JUnit when the root extension context closes. */
	static final class Server implements ExtensionContext.Store.CloseableResource, AutoCloseable {

		private final Process process;

		private final int port;

		private Server(Process process, int port) {
			this.process = process;
			this.port = port;
		}

		String endpoint() {
			return "http://127.0.0.1:" + this.port;
		}

		static Server start(Path installDirectory) {
			Path cli = installDirectory.resolve("node_modules/dynalite/cli.js");
			if (!Files.isRegularFile(cli)) {
				install(installDirectory);
			}
			int port = freePort();
			List<String> command = List.of("node", cli.toString(), "--host", "127.0.0.1", "--port",
					String.valueOf(port), "--createTableMs", "50", "--deleteTableMs", "50");
			try {
				File log = File.createTempFile("dynalite-", ".log");
				Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
				Server server = new Server(process, port);
				Runtime.getRuntime().addShutdownHook(new Thread(server::close));
				server.awaitListening(log);
				return server;
			}
			catch (IOException ex) {
				throw new IllegalStateException("Could not start dynalite with `node` (is Node.js installed?)", ex);
			}
		}

		/**
		 * A fresh checkout: install dynalite exactly as its lockfile pins it, as .ci/run
		 * does.
		 */
		private static void install(Path installDirectory) {
			try {
				Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
					.directory(installDirectory.toFile())
					.inheritIO()
					.start();
				if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
					throw new IllegalStateException(
							"`npm ci` in " + installDirectory + " failed; run it by hand to see why");
				}
			}
			catch (IOException ex) {
				throw new IllegalStateException(
						"dynalite is not installed and `npm` was not found: install Node.js 18+ "
								+ "and run `npm ci` in " + installDirectory,
						ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

		private void awaitListening(File log) {
			try {
				Awaitility.await()
					.atMost(START_TIMEOUT)
					.pollDelay(Duration.ZERO)
					.pollInterval(Duration.ofMillis(50))
					.failFast("dynalite exited at start; see " + log, () -> !this.process.isAlive())
					.until(this::accepts);
			}
			catch (ConditionTimeoutException ex) {
				close();
				throw new IllegalStateException("dynalite did not listen within " + START_TIMEOUT + "; see " + log, ex);
			}
		}

		private boolean accepts() {
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress("127.0.0.1", this.port), 200);
				return true;
			}
			catch (IOException notYet) {
				return false;
			}
		}

		@Override
		public void close() {
			this.process.destroy();
			try {
				if (!this.process.waitFor(5, TimeUnit.SECONDS)) {
					this.process.destroyForcibly();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				this.process.destroyForcibly();
			}
		}

	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException("No free loopback port", ex);
		}
	}

}
