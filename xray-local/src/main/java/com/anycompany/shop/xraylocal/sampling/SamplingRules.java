package com.anycompany.shop.xraylocal.sampling;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;

/**
 * The sampling rules xray-local hands to SDKs. Read from a JSON file in either of two
 * shapes: X-Ray's ({@code {"SamplingRuleRecords": [{"SamplingRule": {...}}]}}, or a list
 * of SamplingRule objects) or the SDKs' local rules file ({@code {"version": 2, "rules":
 * [...], "default": {...}}}). A file on disk is read again when it changes, until a rule
 * is created, updated or deleted through the API: from then on the rules in memory are
 * the truth (a file edit would otherwise silently undo what a person did in the console).
 * Without a file, one {@code Default} rule samples everything.
 */
public final class SamplingRules {

	public static final String DEFAULT = "Default";

	/** Local rules' ARNs, in X-Ray's shape. */
	public static final String ARN_PREFIX = "arn:aws:xray:us-east-1:000000000000:sampling-rule/";

	private final String location;

	private final JsonMapper mapper;

	private volatile Loaded loaded;

	/**
	 * A sampling rule in X-Ray's shape: every member present, which the Java SDK insists
	 * on.
	 */
	public record Rule(String ruleName, @JsonProperty("RuleARN") String ruleArn,
			@JsonProperty("ResourceARN") String resourceArn, int priority, double fixedRate, int reservoirSize,
			String serviceName, String serviceType, String host, @JsonProperty("HTTPMethod") String httpMethod,
			@JsonProperty("URLPath") String urlPath, int version, Map<String, String> attributes) {

		public static Rule of(String name, int priority, double fixedRate, int reservoirSize, String serviceName,
				String serviceType, String host, String method, String path) {
			return new Rule(name, ARN_PREFIX + name, "*", priority, fixedRate, reservoirSize, serviceName, serviceType,
					host, method, path, 1, Map.of());
		}

	}

	/** A rule with its times (epoch seconds), as SamplingRuleRecord carries them. */
	public record Stored(Rule rule, double createdAt, double modifiedAt) {
	}

	private record Loaded(List<Stored> records, double modifiedAt, FileTime fileTime) {

		List<Rule> rules() {
			return this.records.stream().map(Stored::rule).toList();
		}

	}

	/** True once the API changed the rules: the file is no longer read. */
	private volatile boolean edited;

	/**
	 * @param location a file path, {@code file:} or {@code classpath:} location; null or
	 * empty for the built-in rule
	 */
	public SamplingRules(String location, JsonMapper mapper) {
		this.location = (location == null || location.isBlank()) ? null : location.trim();
		this.mapper = mapper;
		this.loaded = load();
	}

	/** The rules by priority; re-read first when the file changed. */
	public List<Rule> rules() {
		return current().rules();
	}

	/** The rules by priority with their creation and modification times. */
	public List<Stored> records() {
		return current().records();
	}

	private Loaded current() {
		Loaded current = this.loaded;
		Path file = this.edited ? null : file();
		if (file != null) {
			try {
				if (!Files.getLastModifiedTime(file).equals(current.fileTime())) {
					current = load();
					this.loaded = current;
				}
			}
			catch (IOException | RuntimeException ex) {
				// keep serving the rules last read; a half-written file must not stop
				// sampling
			}
		}
		return current;
	}

	/**
	 * Replaces the rules with a changed list (the API's create, update and delete), under
	 * the caller's lock; records the time of the change, which SDKs learn through
	 * {@code LastRuleModification}.
	 */
	synchronized void replace(List<Stored> records, double now) {
		List<Stored> sorted = new ArrayList<>(records);
		sorted
			.sort(Comparator.comparingInt((Stored r) -> r.rule().priority()).thenComparing((r) -> r.rule().ruleName()));
		this.edited = true;
		this.loaded = new Loaded(List.copyOf(sorted), now, null);
	}

	/** Epoch seconds of the last change of the rules. */
	public double modifiedAt() {
		return this.loaded.modifiedAt();
	}

	public String location() {
		return (this.location != null) ? this.location : "built-in (sample everything)";
	}

	private Loaded load() {
		double now = System.currentTimeMillis() / 1000.0;
		if (this.location == null) {
			return new Loaded(stored(List.of(defaultRule(1.0, 1)), now), now, null);
		}
		Path file = file();
		try {
			FileTime time = (file != null) ? Files.getLastModifiedTime(file) : null;
			Resource resource = new DefaultResourceLoader().getResource(this.location);
			try (InputStream in = (file != null) ? Files.newInputStream(file) : resource.getInputStream()) {
				return new Loaded(stored(parse(this.mapper.readTree(in)), now), now, time);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read sampling rules from " + this.location, ex);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("Sampling rules in " + this.location + " are not valid JSON", ex);
		}
	}

	private static List<Stored> stored(List<Rule> rules, double now) {
		return rules.stream().map((rule) -> new Stored(rule, now, now)).toList();
	}

	private Path file() {
		if (this.location == null || this.location.startsWith("classpath:")) {
			return null;
		}
		Path path = Path.of(this.location.startsWith("file:") ? this.location.substring(5) : this.location);
		return Files.isRegularFile(path) ? path : null;
	}

	/** Reads either shape; always ends with a Default rule. */
	static List<Rule> parse(JsonNode root) {
		List<Rule> rules = new ArrayList<>();
		if (root.has("rules") || root.has("default")) {
			readLocalRules(root, rules);
		}
		else {
			JsonNode list = root.has("SamplingRuleRecords") ? root.get("SamplingRuleRecords")
					: root.has("SamplingRules") ? root.get("SamplingRules") : root;
			if (!list.isArray()) {
				throw new IllegalArgumentException("Sampling rules: expected SamplingRuleRecords, a list of rules,"
						+ " or an SDK rules file with \"rules\" and \"default\"");
			}
			for (JsonNode item : list) {
				readApiRule(item.has("SamplingRule") ? item.get("SamplingRule") : item, rules);
			}
		}
		if (rules.stream().noneMatch((r) -> r.ruleName().equals("Default"))) {
			rules.add(defaultRule(1.0, 1));
		}
		rules.sort(Comparator.comparingInt(Rule::priority).thenComparing(Rule::ruleName));
		return List.copyOf(rules);
	}

	private static void readApiRule(JsonNode rule, List<Rule> rules) {
		String name = text(rule, "RuleName", null);
		if (name == null) {
			throw new IllegalArgumentException("Sampling rules: every rule needs a RuleName");
		}
		rules.add(Rule.of(name, rule.path("Priority").asInt(name.equals("Default") ? 10000 : 1000),
				rule.path("FixedRate").asDouble(1.0), rule.path("ReservoirSize").asInt(1),
				text(rule, "ServiceName", "*"), text(rule, "ServiceType", "*"), text(rule, "Host", "*"),
				text(rule, "HTTPMethod", "*"), text(rule, "URLPath", "*")));
	}

	private static void readLocalRules(JsonNode root, List<Rule> rules) {
		int priority = 1;
		for (JsonNode rule : root.path("rules")) {
			String description = text(rule, "description", "rule-" + priority);
			String name = description.replaceAll("[^A-Za-z0-9_-]+", "-");
			name = name.substring(0, Math.min(32, name.length()));
			// version 1 files name the host "service_name"
			String host = text(rule, "host", text(rule, "service_name", "*"));
			rules.add(Rule.of(name, priority++, rule.path("rate").asDouble(1.0), rule.path("fixed_target").asInt(1),
					"*", "*", host, text(rule, "http_method", "*"), text(rule, "url_path", "*")));
		}
		JsonNode fallback = root.path("default");
		if (!fallback.isMissingNode()) {
			rules.add(defaultRule(fallback.path("rate").asDouble(1.0), fallback.path("fixed_target").asInt(1)));
		}
	}

	private static Rule defaultRule(double rate, int reservoir) {
		return Rule.of("Default", 10000, rate, reservoir, "*", "*", "*", "*", "*");
	}

	private static String text(JsonNode node, String member, String fallback) {
		JsonNode value = node.get(member);
		return (value != null && value.isString()) ? value.asString() : fallback;
	}

}
