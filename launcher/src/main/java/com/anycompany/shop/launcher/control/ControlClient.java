package com.anycompany.shop.launcher.control;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.anycompany.shop.launcher.LaunchException;

/**
 * Talks to a running {@code ./shop up} through its {@link ControlServer}, found with the
 * {@link StateFile}.
 */
public final class ControlClient {

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(2))
		.version(HttpClient.Version.HTTP_1_1)
		.build();

	private final StateFile state;

	ControlClient(StateFile state) {
		this.state = state;
	}

	/**
	 * The running shop of this project.
	 * @throws LaunchException when none runs
	 */
	public static ControlClient connect(Path projectDir) {
		Path file = StateFile.location(projectDir);
		return new ControlClient(StateFile.read(file)
			.orElseThrow(() -> new LaunchException(
					"No running shop found (" + file + " is missing or stale). " + "Start it first with ./shop up")));
	}

	public StateFile state() {
		return this.state;
	}

	/** One line per process: name, state, pid, restarts. */
	public List<ProcessLine> status() {
		List<ProcessLine> lines = new ArrayList<>();
		for (String line : call("GET", "/status").lines().toList()) {
			String[] parts = line.strip().split("\\s+");
			if (parts.length == 4) {
				lines.add(new ProcessLine(parts[0], parts[1], Long.parseLong(parts[2]), Integer.parseInt(parts[3])));
			}
		}
		return lines;
	}

	/**
	 * Kills a service now (a random ready one without a name).
	 * @return {@code name pid}
	 */
	public String kill(Optional<String> service) {
		return call("POST", "/kill" + service.map((name) -> "?service=" + name).orElse("")).strip();
	}

	public void stop() {
		call("POST", "/stop");
	}

	private String call(String method, String path) {
		URI url = URI.create(this.state.controlUrl() + path);
		HttpRequest request = HttpRequest.newBuilder(url)
			.method(method, HttpRequest.BodyPublishers.noBody())
			.header(ControlServer.TOKEN_HEADER, this.state.token())
			.timeout(Duration.ofSeconds(10))
			.build();
		try {
			HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() >= 300) {
				throw new LaunchException(response.body().strip());
			}
			return response.body();
		}
		catch (ConnectException ex) {
			throw new LaunchException("The running shop (pid " + this.state.launcherPid() + ") does not answer on "
					+ this.state.controlUrl() + ": is it stopping?");
		}
		catch (IOException ex) {
			throw new LaunchException("Cannot reach the running shop: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new LaunchException("Interrupted");
		}
	}

	/**
	 * A process of the running shop.
	 *
	 * @param name its name
	 * @param state its {@link Supervisor.State} name
	 * @param pid its pid
	 * @param restarts its restarts
	 */
	public record ProcessLine(String name, String state, long pid, int restarts) {

	}

}
