package com.anycompany.shop.launcher.control;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Properties;

import com.anycompany.shop.launcher.LaunchException;
import com.anycompany.shop.launcher.Ports;

/**
 * How other {@code ./shop} commands find the running {@code ./shop up}:
 * {@code .shop/state.properties} holds the launcher's pid, its loopback control URL with
 * a random token (so that nothing but a local user's command can drive it), the URLs and
 * every port. Written when the shop is ready, removed when it stops.
 *
 * @param launcherPid the pid of {@code ./shop up}
 * @param controlUrl its control endpoint
 * @param token the secret the control endpoint wants
 * @param storefront the storefront URL
 * @param console the console URL
 * @param ports every port
 * @param logsDir where the logs are
 * @param chaosToken the secret of the services' fault injection ({@code X-Chaos-Token})
 */
public record StateFile(long launcherPid, URI controlUrl, String token, URI storefront, URI console, Ports ports,
		Path logsDir, String chaosToken) {

	public static Path location(Path projectDir) {
		return projectDir.resolve(".shop").resolve("state.properties");
	}

	public void write(Path file) {
		Properties properties = new Properties();
		properties.setProperty("launcher.pid", String.valueOf(this.launcherPid));
		properties.setProperty("control.url", this.controlUrl.toString());
		properties.setProperty("control.token", this.token);
		properties.setProperty("url.storefront", this.storefront.toString());
		properties.setProperty("url.console", this.console.toString());
		properties.setProperty("logs", this.logsDir.toString());
		properties.setProperty("chaos.token", this.chaosToken);
		this.ports.entries()
			.forEach((entry) -> properties.setProperty("port." + entry.getKey(), String.valueOf(entry.getValue())));
		try {
			Files.createDirectories(file.getParent());
			Path temporary = Files.createTempFile(file.getParent(), "state", ".tmp");
			try {
				Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException notPosix) {
				// the token is then as private as the folder
			}
			try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
				properties.store(writer, "written by ./shop up; removed when it stops");
			}
			Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new LaunchException("Cannot write " + file + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * The state of a running {@code ./shop up}; empty when there is none (no file, or its
	 * launcher is gone).
	 */
	public static Optional<StateFile> read(Path file) {
		if (!Files.isRegularFile(file)) {
			return Optional.empty();
		}
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			properties.load(reader);
			long pid = Long.parseLong(properties.getProperty("launcher.pid"));
			if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
				return Optional.empty();
			}
			java.util.Map<String, Integer> ports = new java.util.LinkedHashMap<>();
			for (String name : Ports.NAMES) {
				ports.put(name, Integer.parseInt(properties.getProperty("port." + name)));
			}
			return Optional.of(new StateFile(pid, URI.create(properties.getProperty("control.url")),
					properties.getProperty("control.token"), URI.create(properties.getProperty("url.storefront")),
					URI.create(properties.getProperty("url.console")), Ports.defaults().with(ports),
					Path.of(properties.getProperty("logs")), properties.getProperty("chaos.token", "")));
		}
		catch (IOException | RuntimeException ex) {
			throw new LaunchException(
					"Cannot read " + file + " (" + ex.getMessage() + "); if no ./shop up is running, " + "delete it.");
		}
	}

	/** Removes the file if it is still this launcher's. */
	public static void remove(Path file, long launcherPid) {
		try {
			if (Files.isRegularFile(file)) {
				Properties properties = new Properties();
				try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
					properties.load(reader);
				}
				if (String.valueOf(launcherPid).equals(properties.getProperty("launcher.pid"))) {
					Files.deleteIfExists(file);
				}
			}
		}
		catch (IOException ex) {
			// a stale file is recognised by its dead pid
		}
	}

}
