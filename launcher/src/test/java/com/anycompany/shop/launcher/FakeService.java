package com.anycompany.shop.launcher;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for a service in supervisor tests, run as its own process: listens on a port
 * (argument {@code --port N}, else {@code SERVER_PORT} or {@code XRAY_LOCAL_PORT}) and
 * answers every path with 200, {@code /env} with its environment, {@code /jvm} with its
 * JVM arguments and {@code /posted} with the POST requests it received (path and body, a
 * line each).
 * <p>
 * Behaviours for the tests: {@code --exit N} exits at once with code N (after printing
 * {@code boom}); {@code --exit-after MS} exits with code 3 after that long;
 * {@code --ready-after MS} answers 503 until then; {@code --never-ready}; {@code --child}
 * starts a {@code sleep} child process; {@code --hang-on-term} takes a minute to stop
 * after SIGTERM. No inner classes: the LocalShop tests copy this one class file into fake
 * executable jars.
 */
public final class FakeService {

	private FakeService() {
	}

	public static void main(String[] args) throws Exception {
		List<String> options = List.of(args);
		if (options.contains("--exit")) {
			System.out.println("boom: failing on purpose");
			System.exit(Integer.parseInt(value(options, "--exit")));
		}
		long started = System.currentTimeMillis();
		long readyAfter = options.contains("--ready-after") ? Long.parseLong(value(options, "--ready-after")) : 0;
		boolean neverReady = options.contains("--never-ready");
		int port = port(options);
		if (options.contains("--child")) {
			Process child = new ProcessBuilder("sleep", "300").start();
			System.out.println("child " + child.pid());
		}
		if (options.contains("--hang-on-term")) {
			Runtime.getRuntime().addShutdownHook(new Thread(() -> pause(60_000)));
		}
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 20);
		List<String> posted = new CopyOnWriteArrayList<>();
		server.createContext("/", (exchange) -> {
			String path = exchange.getRequestURI().getPath();
			if (exchange.getRequestMethod().equals("POST")) {
				posted.add(path + " " + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			}
			if (path.equals("/posted")) {
				send(exchange, 200, String.join("\n", posted));
			}
			else if (path.equals("/env")) {
				send(exchange, 200, lines(new TreeMap<>(System.getenv())));
			}
			else if (path.equals("/jvm")) {
				send(exchange, 200, String.join("\n", ManagementFactory.getRuntimeMXBean().getInputArguments()));
			}
			else if (neverReady || System.currentTimeMillis() - started < readyAfter) {
				send(exchange, 503, "not ready");
			}
			else {
				send(exchange, 200, "{\"status\":\"UP\"}");
			}
		});
		server.start();
		System.out.println("listening on " + port + " as pid " + ProcessHandle.current().pid());
		if (options.contains("--exit-after")) {
			pause(Long.parseLong(value(options, "--exit-after")));
			System.out.println("exiting on purpose");
			System.exit(3);
		}
	}

	private static int port(List<String> options) {
		if (options.contains("--port")) {
			return Integer.parseInt(value(options, "--port"));
		}
		String port = System.getenv("SERVER_PORT");
		if (port == null) {
			port = System.getenv("XRAY_LOCAL_PORT");
		}
		return (port != null) ? Integer.parseInt(port) : 0;
	}

	private static String value(List<String> options, String name) {
		return options.get(options.indexOf(name) + 1);
	}

	private static String lines(Map<String, String> values) {
		StringBuilder text = new StringBuilder();
		values.forEach((name, value) -> text.append(name).append('=').append(value).append('\n'));
		return text.toString();
	}

	private static void send(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
