package com.anycompany.shop.launcher;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The loopback ports of the local shop, by the port names of the {@link Component}
 * catalogue: {@code dynamodb}, {@code xray} (xray-local, TCP and UDP), the six services
 * and {@code otlp}.
 */
public final class Ports {

	/** Port names, in the order they are listed. */
	public static final List<String> NAMES = Component.portNames();

	private final Map<String, Integer> ports;

	private Ports(Map<String, Integer> ports) {
		this.ports = ports;
	}

	/** The documented ones: 8000, 2000, 8080-8085, 4318. */
	public static Ports defaults() {
		Map<String, Integer> ports = new LinkedHashMap<>();
		for (Component component : Component.values()) {
			ports.put(component.portName(), component.defaultPort());
		}
		return new Ports(ports);
	}

	/**
	 * Ports free on loopback now, all different (for tests and for a second shop beside
	 * the first); for {@code xray} free for UDP too.
	 */
	public static Ports free() {
		List<ServerSocket> held = new ArrayList<>();
		try {
			Map<String, Integer> ports = new LinkedHashMap<>();
			for (String name : NAMES) {
				int port;
				do {
					ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
					held.add(socket);
					port = socket.getLocalPort();
				}
				while (name.equals(Component.XRAY.portName()) && !udpFree(port));
				ports.put(name, port);
			}
			return new Ports(ports);
		}
		catch (IOException ex) {
			throw new LaunchException("Cannot find free loopback ports: " + ex.getMessage(), ex);
		}
		finally {
			for (ServerSocket socket : held) {
				try {
					socket.close();
				}
				catch (IOException ignored) {
					// it was only held to keep the ports distinct
				}
			}
		}
	}

	/**
	 * These ports with some changed.
	 * @param changes e.g. {@code frontend=9080}; names as in {@link #NAMES}, or any name
	 * {@link Component#find} knows
	 */
	public Ports with(Map<String, Integer> changes) {
		Map<String, Integer> ports = new LinkedHashMap<>(this.ports);
		changes.forEach((name, port) -> {
			String canonical = canonicalName(name);
			if (port < 1 || port > 65535) {
				throw new LaunchException("Port " + port + " for " + canonical + " is not a port (1-65535)");
			}
			ports.put(canonical, port);
		});
		return new Ports(ports);
	}

	/**
	 * Reads {@code frontend=9080,xray=3000} (the form of {@code SHOP_PORTS}).
	 */
	public static Map<String, Integer> parse(String text) {
		Map<String, Integer> changes = new LinkedHashMap<>();
		for (String part : text.split("[,\\s]+")) {
			if (part.isBlank()) {
				continue;
			}
			int equals = part.indexOf('=');
			try {
				changes.put(canonicalName(part.substring(0, Math.max(equals, 0))),
						Integer.parseInt(part.substring(equals + 1)));
			}
			catch (RuntimeException ex) {
				throw new LaunchException("'" + part + "' is not NAME=PORT (names: " + String.join(", ", NAMES) + ")");
			}
		}
		return changes;
	}

	public int of(String name) {
		Integer port = this.ports.get(canonicalName(name));
		if (port == null) {
			throw new LaunchException("No port for " + name);
		}
		return port;
	}

	public Map<String, Integer> asMap() {
		return Map.copyOf(this.ports);
	}

	/** In {@link #NAMES} order. */
	public List<Map.Entry<String, Integer>> entries() {
		return List.copyOf(this.ports.entrySet());
	}

	public int of(Component component) {
		return of(component.portName());
	}

	static String canonicalName(String name) {
		return Component.find(name)
			.map(Component::portName)
			.orElseThrow(() -> new LaunchException(
					"'" + name + "' is not a component with a port; use one of " + String.join(", ", NAMES)));
	}

	public static boolean udpFree(int port) {
		try (DatagramSocket socket = new DatagramSocket(
				new InetSocketAddress(InetAddress.getLoopbackAddress(), port))) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	@Override
	public String toString() {
		return this.ports.toString();
	}

}
