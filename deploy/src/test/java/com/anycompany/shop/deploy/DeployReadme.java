package com.anycompany.shop.deploy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The commands of {@code deploy/README.md} that other files depend on: the ConfigMap
 * {@code shop-aws} the operator makes from the tables' stack.
 */
final class DeployReadme {

	static final String SHOP_AWS = "shop-aws";

	private static final Pattern FROM_STACK = Pattern.compile("--from-literal=([A-Z_]+)=\\$\\(stack_output (\\w+)\\)");

	private DeployReadme() {
	}

	static String text() {
		return Repository.read(Repository.DEPLOY.resolve("README.md"));
	}

	/**
	 * The command that makes {@code shop-aws}.
	 * @return its text, continuation lines included
	 */
	static String createShopAws() {
		String text = text();
		int start = text.indexOf("kubectl create configmap " + SHOP_AWS);
		if (start < 0) {
			throw new AssertionError("deploy/README.md has no `kubectl create configmap " + SHOP_AWS + "`");
		}
		int end = start;
		while (true) {
			int lineEnd = text.indexOf('\n', end);
			if (lineEnd < 0 || text.charAt(lineEnd - 1) != '\\') {
				return text.substring(start, (lineEnd < 0) ? text.length() : lineEnd);
			}
			end = lineEnd + 1;
		}
	}

	/**
	 * The keys of {@code shop-aws} and the stack output each comes from.
	 * @return key to output name, in the command's order
	 */
	static Map<String, String> shopAwsFromStack() {
		Map<String, String> keys = new LinkedHashMap<>();
		Matcher matcher = FROM_STACK.matcher(createShopAws());
		while (matcher.find()) {
			keys.put(matcher.group(1), matcher.group(2));
		}
		return keys;
	}

	static java.util.Set<String> shopAwsKeys() {
		return shopAwsFromStack().keySet();
	}

	/**
	 * The ConfigMaps the READMEs (this one and the OpenTelemetry component's) have the
	 * operator make with {@code kubectl create configmap NAME -n NAMESPACE}, and their
	 * keys.
	 * @return "namespace/name" to keys
	 */
	static Map<String, java.util.Set<String>> configMapsMadeByCommands() {
		Map<String, java.util.Set<String>> made = new LinkedHashMap<>();
		String text = text() + "\n" + Repository.read(Repository.DEPLOY.resolve("components/opentelemetry/README.md"));
		Matcher command = Pattern.compile(
				"kubectl create configmap ([a-z0-9-]+) -n ([a-z0-9-]+)((?: \\\\\\s+--from-literal=[^\\n\\\\]*[^\\s\\\\])+)")
			.matcher(text);
		while (command.find()) {
			java.util.Set<String> keys = new java.util.TreeSet<>();
			Matcher literal = Pattern.compile("--from-literal=([A-Za-z0-9_.-]+)=").matcher(command.group(3));
			while (literal.find()) {
				keys.add(literal.group(1));
			}
			made.put(command.group(2) + "/" + command.group(1), keys);
		}
		return made;
	}

}
