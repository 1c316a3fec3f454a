package com.anycompany.shop.launcher.stack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.anycompany.shop.launcher.LaunchException;
import com.anycompany.shop.launcher.Ports;

/**
 * Checks that the shop's ports are free before anything starts, and when one is not,
 * names the process that holds it.
 */
public final class PortCheck {

	private PortCheck() {
	}

	/**
	 * @param ports the ports to check, by component
	 * @param udpToo components whose port must also be free for UDP
	 * @throws LaunchException naming every taken port and, where it can be found, its
	 * holder
	 */
	static void requireFree(Ports ports, Set<String> udpToo) {
		List<String> taken = new ArrayList<>();
		for (Map.Entry<String, Integer> entry : ports.entries()) {
			int port = entry.getValue();
			boolean tcp = !tcpFree(port);
			boolean udp = !tcp && udpToo.contains(entry.getKey()) && !Ports.udpFree(port);
			if (tcp || udp) {
				String holder = holderOf(port, udp).orElse("another process");
				taken.add(String.format(Locale.ROOT, "  port %d (%s%s) is in use by %s", port, entry.getKey(),
						udp ? ", UDP" : "", holder));
			}
		}
		if (!taken.isEmpty()) {
			throw new LaunchException("Cannot start: " + ((taken.size() == 1) ? "a port is" : "ports are")
					+ " already taken.\n" + String.join("\n", taken) + "\n"
					+ "Stop that process (is another ./shop up running?), or choose other ports, e.g. "
					+ "./shop up --port frontend=9080 (SHOP_PORTS=frontend=9080), or ./shop up --free-ports.");
		}
	}

	public static boolean tcpFree(int port) {
		try (ServerSocket socket = new ServerSocket()) {
			// as Tomcat and dynalite bind: a leftover TIME_WAIT connection is no reason
			// to fail
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * Who listens on a port: {@code pid 1234 (java -jar frontend.jar)}. Reads
	 * {@code /proc} on Linux, asks {@code lsof} elsewhere.
	 */
	static Optional<String> holderOf(int port, boolean udp) {
		Optional<Long> pid = pidFromProc(port, udp);
		if (pid.isEmpty()) {
			pid = pidFromLsof(port, udp);
		}
		return pid.map(PortCheck::describe);
	}

	static String describe(long pid) {
		Optional<ProcessHandle> handle = ProcessHandle.of(pid);
		String command = handle.flatMap((process) -> process.info().commandLine())
			.or(() -> handle.flatMap((process) -> process.info().command()))
			// the end of a java command line tells which program it is
			.map((line) -> (line.length() > 160) ? line.substring(0, 60) + " ... " + line.substring(line.length() - 95)
					: line)
			.orElse("command unknown");
		return "pid " + pid + " (" + command + ")";
	}

	private static Optional<Long> pidFromProc(int port, boolean udp) {
		Set<String> inodes = new HashSet<>();
		String protocol = udp ? "udp" : "tcp";
		for (String table : List.of("/proc/net/" + protocol, "/proc/net/" + protocol + "6")) {
			inodes.addAll(socketInodes(Path.of(table), port, udp));
		}
		if (inodes.isEmpty()) {
			return Optional.empty();
		}
		Set<String> links = inodes.stream().map((inode) -> "socket:[" + inode + "]").collect(Collectors.toSet());
		try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
			for (Path process : processes) {
				try (DirectoryStream<Path> fds = Files.newDirectoryStream(process.resolve("fd"))) {
					for (Path fd : fds) {
						try {
							if (links.contains(Files.readSymbolicLink(fd).toString())) {
								return Optional.of(Long.parseLong(process.getFileName().toString()));
							}
						}
						catch (IOException gone) {
							// closed meanwhile
						}
					}
				}
				catch (IOException | SecurityException notOurs) {
					// another user's process, or gone
				}
			}
		}
		catch (IOException noProc) {
			return Optional.empty();
		}
		return Optional.empty();
	}

	/** Inodes of the sockets bound to the port: listening (TCP) or bound (UDP). */
	static Set<String> socketInodes(Path table, int port, boolean udp) {
		Set<String> inodes = new HashSet<>();
		if (!Files.isReadable(table)) {
			return inodes;
		}
		String hexPort = String.format(Locale.ROOT, ":%04X", port);
		try {
			for (String line : Files.readAllLines(table)) {
				String[] fields = line.strip().split("\\s+");
				if (fields.length < 10 || !fields[1].endsWith(hexPort)) {
					continue;
				}
				// TCP: 0A is LISTEN; UDP: 07 is a bound socket
				if (fields[3].equals(udp ? "07" : "0A") && !fields[9].equals("0")) {
					inodes.add(fields[9]);
				}
			}
		}
		catch (IOException ex) {
			return inodes;
		}
		return inodes;
	}

	private static Optional<Long> pidFromLsof(int port, boolean udp) {
		List<String> command = udp ? List.of("lsof", "-nP", "-t", "-iUDP:" + port)
				: List.of("lsof", "-nP", "-t", "-iTCP:" + port, "-sTCP:LISTEN");
		try {
			Process lsof = new ProcessBuilder(command).redirectErrorStream(true).start();
			if (!lsof.waitFor(5, TimeUnit.SECONDS)) {
				lsof.destroyForcibly();
				return Optional.empty();
			}
			String first = new String(lsof.getInputStream().readAllBytes()).lines().findFirst().orElse("").strip();
			return first.matches("\\d+") ? Optional.of(Long.parseLong(first)) : Optional.empty();
		}
		catch (IOException ex) {
			return Optional.empty();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Optional.empty();
		}
	}

}
