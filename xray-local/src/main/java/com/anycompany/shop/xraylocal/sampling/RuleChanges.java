package com.anycompany.shop.xraylocal.sampling;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.anycompany.shop.xraylocal.sampling.SamplingRules.Rule;
import com.anycompany.shop.xraylocal.sampling.SamplingRules.Stored;
import com.anycompany.shop.xraylocal.web.ApiException;
import com.anycompany.shop.xraylocal.web.Bodies;
import tools.jackson.databind.JsonNode;

/**
 * CreateSamplingRule, UpdateSamplingRule and DeleteSamplingRule on the rules, with
 * X-Ray's checks: the model's bounds, at most 25 rules besides {@code Default}
 * ({@code RuleLimitExceededException}), unique names, and a {@code Default} rule that can
 * be neither created, deleted nor changed beyond its rate and reservoir.
 */
public final class RuleChanges {

	/** X-Ray's quota of sampling rules per Region, the Default rule not counted. */
	public static final int MAX_RULES = 25;

	private final SamplingRules rules;

	public RuleChanges(SamplingRules rules) {
		this.rules = rules;
	}

	public Stored create(JsonNode rule) {
		Rule created = read(rule);
		synchronized (this.rules) {
			List<Stored> records = new ArrayList<>(this.rules.records());
			if (created.ruleName().equals(SamplingRules.DEFAULT)) {
				throw ApiException.invalid("The Default rule exists already; update it instead");
			}
			if (records.stream().anyMatch((r) -> r.rule().ruleName().equals(created.ruleName()))) {
				throw ApiException.invalid("A sampling rule named " + created.ruleName() + " already exists");
			}
			if (records.stream()
				.filter((r) -> !r.rule().ruleName().equals(SamplingRules.DEFAULT))
				.count() >= MAX_RULES) {
				throw ApiException.of("RuleLimitExceededException",
						"At most " + MAX_RULES + " sampling rules besides Default");
			}
			double now = now();
			Stored stored = new Stored(created, now, now);
			records.add(stored);
			this.rules.replace(records, now);
			return stored;
		}
	}

	public Stored update(JsonNode update) {
		synchronized (this.rules) {
			Stored old = find(update);
			Rule r = old.rule();
			Rule changed = new Rule(r.ruleName(), r.ruleArn(),
					orElse(Bodies.string(update, "ResourceARN", 0, 500), r.resourceArn()),
					orElse(Bodies.integer(update, "Priority", 1, 9999), r.priority()),
					orElse(Bodies.number(update, "FixedRate", 0, 1), r.fixedRate()),
					orElse(Bodies.integer(update, "ReservoirSize", 0, Integer.MAX_VALUE), r.reservoirSize()),
					orElse(Bodies.string(update, "ServiceName", 0, 64), r.serviceName()),
					orElse(Bodies.string(update, "ServiceType", 0, 64), r.serviceType()),
					orElse(Bodies.string(update, "Host", 0, 64), r.host()),
					orElse(Bodies.string(update, "HTTPMethod", 0, 10), r.httpMethod()),
					orElse(Bodies.string(update, "URLPath", 0, 128), r.urlPath()), r.version(),
					update.has("Attributes") ? attributes(update) : r.attributes());
			if (r.ruleName().equals(SamplingRules.DEFAULT) && !sameButRateAndReservoir(r, changed)) {
				throw ApiException.invalid("Only FixedRate and ReservoirSize of the Default rule can be changed");
			}
			double now = now();
			Stored stored = new Stored(changed, old.createdAt(), now);
			List<Stored> records = new ArrayList<>(this.rules.records());
			records.replaceAll((s) -> s.rule().ruleName().equals(r.ruleName()) ? stored : s);
			this.rules.replace(records, now);
			return stored;
		}
	}

	public Stored delete(JsonNode request) {
		synchronized (this.rules) {
			Stored old = find(request);
			if (old.rule().ruleName().equals(SamplingRules.DEFAULT)) {
				throw ApiException.invalid("The Default rule cannot be deleted");
			}
			List<Stored> records = new ArrayList<>(this.rules.records());
			records.removeIf((s) -> s.rule().ruleName().equals(old.rule().ruleName()));
			this.rules.replace(records, now());
			return old;
		}
	}

	/** By RuleName or RuleARN, as Update and Delete name a rule. */
	private Stored find(JsonNode request) {
		String name = Bodies.string(request, "RuleName", 1, 32);
		String arn = Bodies.string(request, "RuleARN", 1, 500);
		if (name == null && arn == null) {
			throw ApiException.invalid("RuleName or RuleARN is required");
		}
		return this.rules.records()
			.stream()
			.filter((s) -> (name != null) ? s.rule().ruleName().equals(name) : s.rule().ruleArn().equals(arn))
			.findFirst()
			.orElseThrow(() -> ApiException.invalid("Sampling rule does not exist: " + ((name != null) ? name : arn)));
	}

	/** A SamplingRule as CreateSamplingRule takes it: every member the model requires. */
	static Rule read(JsonNode rule) {
		String name = Bodies.required(rule, "RuleName", 1, 32);
		String resourceArn = Bodies.required(rule, "ResourceARN", 0, 500);
		Integer version = Bodies.integer(rule, "Version", 1, Integer.MAX_VALUE);
		if (version == null) {
			throw ApiException.invalid("Version is required");
		}
		if (version != 1) {
			throw ApiException.invalid("Version must be 1, the only version of the rule format");
		}
		return new Rule(name, SamplingRules.ARN_PREFIX + name, resourceArn,
				requiredValue(Bodies.integer(rule, "Priority", 1, 9999), "Priority"),
				requiredValue(Bodies.number(rule, "FixedRate", 0, 1), "FixedRate"),
				requiredValue(Bodies.integer(rule, "ReservoirSize", 0, Integer.MAX_VALUE), "ReservoirSize"),
				Bodies.required(rule, "ServiceName", 0, 64), Bodies.required(rule, "ServiceType", 0, 64),
				Bodies.required(rule, "Host", 0, 64), Bodies.required(rule, "HTTPMethod", 0, 10),
				Bodies.required(rule, "URLPath", 0, 128), version, attributes(rule));
	}

	private static Map<String, String> attributes(JsonNode rule) {
		Map<String, String> attributes = Bodies.stringMap(rule, "Attributes");
		attributes.forEach((key, value) -> {
			if (key.isEmpty() || key.length() > 32 || value.isEmpty() || value.length() > 32) {
				throw ApiException.invalid("Attributes keys and values must be 1 to 32 characters");
			}
		});
		return Map.copyOf(attributes);
	}

	private static boolean sameButRateAndReservoir(Rule a, Rule b) {
		return new Rule(a.ruleName(), a.ruleArn(), a.resourceArn(), a.priority(), b.fixedRate(), b.reservoirSize(),
				a.serviceName(), a.serviceType(), a.host(), a.httpMethod(), a.urlPath(), a.version(), a.attributes())
			.equals(b);
	}

	private static <T> T requiredValue(T value, String member) {
		if (value == null) {
			throw ApiException.invalid(member + " is required");
		}
		return value;
	}

	private static <T> T orElse(T value, T fallback) {
		return (value != null) ? value : fallback;
	}

	private static double now() {
		return System.currentTimeMillis() / 1000.0;
	}

}
