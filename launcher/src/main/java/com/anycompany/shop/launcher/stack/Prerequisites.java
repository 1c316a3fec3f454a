package com.anycompany.shop.launcher.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.anycompany.shop.launcher.LaunchException;

/**
 * Checks the tools the shop needs besides Java (which the {@code ./shop} script checks
 * before the launcher runs): Node.js for the local DynamoDB.
 */
public final class Prerequisites {

	/** dynalite 4 declares {@code "engines": {"node": ">=20"}}. */
	static final int NODE_MAJOR = 20;

	private static final Pattern VERSION = Pattern.compile("v?(\\d+)\\.(\\d+)\\.(\\d+)");

	private Prerequisites() {
	}

	/**
	 * @param node the node command ({@code node}, or {@code SHOP_NODE})
	 * @return the version found, e.g. {@code v20.11.1}
	 * @throws LaunchException when it is missing or too old
	 */
	static String requireNode(String node) {
		String version = version(List.of(node, "--version"));
		if (version == null) {
			throw new LaunchException("Node.js was not found (`" + node + " --version` failed). The local DynamoDB "
					+ "(dynalite) needs Node.js " + NODE_MAJOR
					+ " or newer: install it (e.g. `apt-get install nodejs npm`, "
					+ "or from nodejs.org) or point SHOP_NODE at a node binary.");
		}
		Matcher matcher = VERSION.matcher(version);
		if (!matcher.find()) {
			throw new LaunchException("Cannot read the Node.js version from `" + node + " --version`: " + version);
		}
		if (Integer.parseInt(matcher.group(1)) < NODE_MAJOR) {
			throw new LaunchException("Node.js " + version + " is too old: the local DynamoDB (dynalite) needs Node.js "
					+ NODE_MAJOR + " or newer. Install a newer one or point SHOP_NODE at it.");
		}
		return version;
	}

	/** The first line a {@code --version} command prints, or null when it cannot run. */
	public static String version(List<String> command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			if (!process.waitFor(20, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				return null;
			}
			String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
			return (process.exitValue() == 0 && !out.isEmpty()) ? out.lines().findFirst().orElse(out) : null;
		}
		catch (IOException ex) {
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

}
