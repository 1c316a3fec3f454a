package com.anycompany.shop.launcher.process;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * How the supervisor knows a component is ready: a URL answering 2xx, or a port accepting
 * connections.
 */
public interface HealthCheck {

	/** True when the component is ready now; never throws. */
	boolean isHealthy();

	/** What is checked, for messages. */
	String describe();

	/** {@code GET url} answers with a 2xx status. */
	static HealthCheck http(URI url) {
		return new Http(url);
	}

	/** Something accepts TCP connections on 127.0.0.1:port. */
	static HealthCheck tcp(int port) {
		return new Tcp(port);
	}

	/** Ready as soon as it runs (e.g. a load generator). */
	static HealthCheck running() {
		return new Running();
	}

	/** Ready as soon as it runs. */
	final class Running implements HealthCheck {

		@Override
		public boolean isHealthy() {
			return true;
		}

		@Override
		public String describe() {
			return "running";
		}

	}

	/** An HTTP readiness URL. */
	final class Http implements HealthCheck {

		private static final HttpClient CLIENT = HttpClient.newBuilder()
			.connectTimeout(Duration.ofSeconds(1))
			.version(HttpClient.Version.HTTP_1_1)
			.build();

		private final URI url;

		Http(URI url) {
			this.url = url;
		}

		@Override
		public boolean isHealthy() {
			// while a JVM starts its port is closed: a plain connect says so for far less
			// CPU
			int port = (this.url.getPort() != -1) ? this.url.getPort() : 80;
			if (!new Tcp(port).isHealthy()) {
				return false;
			}
			try {
				HttpResponse<Void> response = CLIENT.send(
						HttpRequest.newBuilder(this.url).timeout(Duration.ofSeconds(2)).build(),
						HttpResponse.BodyHandlers.discarding());
				return response.statusCode() >= 200 && response.statusCode() < 300;
			}
			catch (IOException ex) {
				return false;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}

		@Override
		public String describe() {
			return this.url.toString();
		}

	}

	/** A TCP port on loopback. */
	final class Tcp implements HealthCheck {

		private final int port;

		Tcp(int port) {
			this.port = port;
		}

		@Override
		public boolean isHealthy() {
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress("127.0.0.1", this.port), 500);
				return true;
			}
			catch (IOException ex) {
				return false;
			}
		}

		@Override
		public String describe() {
			return "tcp 127.0.0.1:" + this.port;
		}

	}

}
