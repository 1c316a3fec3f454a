package com.anycompany.shop.launcher.control;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

import com.anycompany.shop.launcher.LaunchException;
import com.anycompany.shop.launcher.process.Supervisor;
import com.anycompany.shop.launcher.stack.LocalShop;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The running {@code ./shop up}'s loopback control endpoint, for {@code ./shop chaos},
 * {@code ./shop status} and {@code ./shop stop} in another terminal. Every request must
 * carry the token from the state file ({@code X-Shop-Token}), so a web page in the
 * browser cannot drive it.
 * <ul>
 * <li>{@code GET /status}: one line per process: name, state, pid, restarts</li>
 * <li>{@code POST /kill?service=NAME}: SIGKILL that service (without a name: one ready at
 * random) and answer {@code NAME PID}</li>
 * <li>{@code POST /stop}: stop the shop as Ctrl-C does</li>
 * </ul>
 */
public final class ControlServer implements AutoCloseable {

	static final String TOKEN_HEADER = "X-Shop-Token";

	private final HttpServer server;

	private final String token;

	private final LocalShop shop;

	private final RandomGenerator random;

	private final Runnable stop;

	public ControlServer(LocalShop shop, RandomGenerator random, Runnable stop) {
		this.shop = shop;
		this.random = random;
		this.stop = stop;
		byte[] secret = new byte[24];
		new SecureRandom().nextBytes(secret);
		this.token = HexFormat.of().formatHex(secret);
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
		}
		catch (IOException ex) {
			throw new LaunchException("Cannot open the control endpoint on loopback: " + ex.getMessage(), ex);
		}
		this.server.setExecutor(Executors.newSingleThreadExecutor((task) -> {
			Thread thread = new Thread(task, "shop-control");
			thread.setDaemon(true);
			return thread;
		}));
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	public URI url() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort());
	}

	public String token() {
		return this.token;
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String given = exchange.getRequestHeaders().getFirst(TOKEN_HEADER);
			if (given == null || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
					this.token.getBytes(StandardCharsets.UTF_8))) {
				send(exchange, 403, "missing or wrong " + TOKEN_HEADER);
				return;
			}
			String route = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
			switch (route) {
				case "GET /status" -> send(exchange, 200, status());
				case "POST /kill" -> kill(exchange);
				case "POST /stop" -> {
					send(exchange, 202, "stopping");
					Thread stopper = new Thread(this.stop, "shop-stop");
					stopper.start();
				}
				default -> send(exchange, 404, "no such control: " + route);
			}
		}
	}

	private String status() {
		return this.shop.status()
			.stream()
			.map((process) -> process.name() + " " + process.state().name() + " " + process.pid() + " "
					+ process.restarts())
			.collect(Collectors.joining("\n", "", "\n"));
	}

	private void kill(HttpExchange exchange) throws IOException {
		Optional<String> service = Optional.ofNullable(exchange.getRequestURI().getQuery())
			.flatMap((query) -> java.util.Arrays.stream(query.split("&"))
				.filter((pair) -> pair.startsWith("service="))
				.map((pair) -> pair.substring("service=".length()))
				.filter((name) -> !name.isBlank())
				.findFirst());
		try {
			if (service.isPresent()) {
				long pid = this.shop.kill(service.get(), "chaos");
				send(exchange, 200, service.get() + " " + pid + "\n");
				return;
			}
			Optional<String> victim = this.shop.killRandom(this.random, "chaos");
			if (victim.isEmpty()) {
				send(exchange, 409, "no storefront service is ready now");
				return;
			}
			long pid = this.shop.status()
				.stream()
				.filter((process) -> process.name().equals(victim.get()))
				.mapToLong(Supervisor.Status::pid)
				.findFirst()
				.orElse(0);
			send(exchange, 200, victim.get() + " " + pid + "\n");
		}
		catch (LaunchException ex) {
			send(exchange, 409, ex.getMessage());
		}
	}

	private static void send(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
	}

	@Override
	public void close() {
		this.server.stop(0);
		((java.util.concurrent.ExecutorService) this.server.getExecutor()).shutdownNow();
	}

}
