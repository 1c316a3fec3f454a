package com.anycompany.shop.launcher.stack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.anycompany.shop.launcher.Component;
import com.anycompany.shop.launcher.Ports;

/**
 * Tells xray-local of each chaos action ({@code POST /local/chaos/events}), so that its
 * console can mark "recommenderservice killed at 14:02:10" on the timeline where the
 * faults begin. Best effort: when xray-local is down, slow or refuses, the chaos action
 * goes on as if nothing was recorded.
 */
public final class ChaosEventLog {

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.connectTimeout(Duration.ofMillis(500))
		.version(HttpClient.Version.HTTP_1_1)
		.build();

	private final URI events;

	public ChaosEventLog(Ports ports) {
		this.events = URI.create("http://127.0.0.1:" + ports.of(Component.XRAY) + "/local/chaos/events");
	}

	/**
	 * Records an action that just happened.
	 * @param action {@code kill}, {@code latency}, {@code errors}, {@code throttle} or
	 * {@code reset}
	 * @param target the service, or null for all
	 * @param parameters numbers, strings or booleans
	 * @param source {@code launcher}, or {@code randomizer} for a victim picked at random
	 */
	public void record(String action, String target, Map<String, ?> parameters, String source) {
		String json = "{\"time\":" + String.format(Locale.ROOT, "%.3f", System.currentTimeMillis() / 1000.0)
				+ ",\"action\":" + quote(action) + ",\"target\":" + ((target != null) ? quote(target) : "null")
				+ ",\"parameters\":"
				+ parameters.entrySet()
					.stream()
					.map((entry) -> quote(entry.getKey()) + ":" + value(entry.getValue()))
					.collect(Collectors.joining(",", "{", "}"))
				+ ",\"source\":" + quote(source) + "}";
		try {
			HTTP.send(HttpRequest.newBuilder(this.events)
				.timeout(Duration.ofSeconds(1))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(json))
				.build(), HttpResponse.BodyHandlers.discarding());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (Exception ex) {
			// xray-local is not there or not well: the chaos happened all the same
		}
	}

	private static String value(Object value) {
		if (value instanceof Number || value instanceof Boolean) {
			return String.valueOf(value);
		}
		return quote(String.valueOf(value));
	}

	private static String quote(String text) {
		StringBuilder quoted = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> quoted.append("\\\"");
				case '\\' -> quoted.append("\\\\");
				default -> {
					if (c < 0x20) {
						quoted.append(String.format("\\u%04x", (int) c));
					}
					else {
						quoted.append(c);
					}
				}
			}
		}
		return quoted.append('"').toString();
	}

}
