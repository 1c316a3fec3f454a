package com.anycompany.shop.launcher.control;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.anycompany.shop.launcher.LaunchException;
import com.anycompany.shop.launcher.Ports;
import com.anycompany.shop.launcher.stack.ChaosEventLog;
import com.anycompany.shop.launcher.stack.LocalShop;

/**
 * Drives a service's fault injection, the {@code /actuator/chaos} endpoint each service
 * has when {@code SHOP_CHAOS_ENABLED=true} and {@code SHOP_CHAOS_TOKEN} is set (which
 * {@code ./shop up} does, with a new token each run): extra latency, a share of requests
 * answered 500, a share of DynamoDB calls throttled. Every call carries the token.
 */
public final class FaultInjection {

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(2))
		.version(HttpClient.Version.HTTP_1_1)
		.build();

	static final String TOKEN_HEADER = "X-Chaos-Token";

	private final Ports ports;

	private final String token;

	public FaultInjection(Ports ports, String token) {
		this.ports = ports;
		this.token = token;
	}

	/** The service's faults now, as JSON. */
	public String show(String service) {
		return call(service, HttpRequest.newBuilder(url(service)).GET());
	}

	/**
	 * Changes some of the service's faults.
	 * @param changes any of {@code latencyMs} (a whole number), {@code errorRate},
	 * {@code throttleRate}
	 * @return the faults now, as JSON
	 */
	public String set(String service, Map<String, Number> changes) {
		String json = changes.entrySet()
			.stream()
			.map((entry) -> "\"" + entry.getKey() + "\":" + number(entry.getValue()))
			.collect(Collectors.joining(",", "{", "}"));
		String now = call(service,
				HttpRequest.newBuilder(url(service))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(json)));
		String action = changes.containsKey("latencyMs") ? "latency"
				: changes.containsKey("errorRate") ? "errors" : "throttle";
		new ChaosEventLog(this.ports).record(action, service, changes, "launcher");
		return now;
	}

	/** Back to no faults; answers the faults now, as JSON. */
	public String reset(String service) {
		String now = call(service, HttpRequest.newBuilder(url(service)).DELETE());
		new ChaosEventLog(this.ports).record("reset", service, Map.of(), "launcher");
		return now;
	}

	/**
	 * Reads a share: {@code 0.3}, {@code 30%}.
	 * @throws LaunchException unless it is between 0 and 1 (0% and 100%)
	 */
	public static double rate(String text) {
		String trimmed = text.strip();
		double value;
		try {
			value = trimmed.endsWith("%") ? Double.parseDouble(trimmed.substring(0, trimmed.length() - 1)) / 100
					: Double.parseDouble(trimmed);
		}
		catch (NumberFormatException ex) {
			throw new LaunchException("'" + text + "' is not a rate: use e.g. 0.3 or 30%");
		}
		if (!(value >= 0 && value <= 1)) {
			throw new LaunchException("A rate is between 0 and 1 (0% and 100%), was " + text);
		}
		return value;
	}

	private static String number(Number value) {
		if (value instanceof Double || value instanceof Float) {
			return String.format(Locale.ROOT, "%s", value.doubleValue());
		}
		return String.valueOf(value.longValue());
	}

	private URI url(String service) {
		if (!LocalShop.SERVICES.contains(service)) {
			throw new LaunchException(
					"'" + service + "' is not a storefront service; one of " + String.join(", ", LocalShop.SERVICES));
		}
		return URI.create("http://127.0.0.1:" + this.ports.of(service) + "/actuator/chaos");
	}

	private String call(String service, HttpRequest.Builder request) {
		try {
			if (this.token != null && !this.token.isEmpty()) {
				request.header(TOKEN_HEADER, this.token);
			}
			HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(10)).build(),
					HttpResponse.BodyHandlers.ofString());
			int status = response.statusCode();
			if (status == 401 || status == 403) {
				throw new LaunchException(service + " refused the chaos token (HTTP " + status + "): the token is "
						+ "read from the running ./shop up's state file (.shop/state.properties), else from "
						+ "SHOP_CHAOS_TOKEN; is this the shop that ./shop up started?");
			}
			if (status == 404) {
				throw new LaunchException(service + " has no fault injection endpoint (/actuator/chaos answered 404): "
						+ "it is on only with SHOP_CHAOS_ENABLED=true and a SHOP_CHAOS_TOKEN, which ./shop up sets; "
						+ "a service built before the endpoint existed needs ./shop up --rebuild.");
			}
			if (status >= 300) {
				throw new LaunchException(
						service + " refused the change (HTTP " + status + "): " + response.body().strip());
			}
			return response.body().strip();
		}
		catch (ConnectException ex) {
			throw new LaunchException(service + " does not answer on port " + this.ports.of(service)
					+ ": is the shop running (./shop up), and is " + service + " not just restarting?");
		}
		catch (IOException ex) {
			throw new LaunchException(service + ": " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new LaunchException("Interrupted");
		}
	}

}
