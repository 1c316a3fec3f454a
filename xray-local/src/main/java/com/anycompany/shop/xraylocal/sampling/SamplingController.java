package com.anycompany.shop.xraylocal.sampling;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import com.anycompany.shop.xraylocal.web.ApiException;
import com.anycompany.shop.xraylocal.sampling.SamplingRules.Rule;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Centralized sampling, as the daemon proxies it and as the API offers it: the SDKs poll
 * {@code /GetSamplingRules} (about every 5 minutes) and report their counts to
 * {@code /SamplingTargets} (about every 10 seconds). Every SDK gets each rule's full
 * reservoir: locally there is only one daemon to share it.
 */
@RestController
public class SamplingController {

	/** Seconds between target polls that SDKs are asked to keep. */
	static final int INTERVAL = 10;

	private final SamplingRules rules;

	private final JsonMapper mapper;

	private final LongAdder rulePolls = new LongAdder();

	private final LongAdder targetPolls = new LongAdder();

	private final SamplingStatistics statistics;

	private final Set<String> clients = ConcurrentHashMap.newKeySet();

	record RuleRecord(Rule samplingRule, double createdAt, double modifiedAt) {
	}

	record RulesResult(List<RuleRecord> samplingRuleRecords) {
	}

	record Target(String ruleName, double fixedRate, int reservoirQuota,
			@JsonProperty("ReservoirQuotaTTL") double reservoirQuotaTtl, int interval) {
	}

	record Unprocessed(String ruleName, String errorCode, String message) {
	}

	record TargetsResult(List<Target> samplingTargetDocuments, double lastRuleModification,
			List<Unprocessed> unprocessedStatistics) {
	}

	public SamplingController(SamplingRules rules, SamplingStatistics statistics, JsonMapper mapper) {
		this.rules = rules;
		this.statistics = statistics;
		this.mapper = mapper;
	}

	@PostMapping("/GetSamplingRules")
	RulesResult getSamplingRules(@RequestBody(required = false) byte[] body) {
		this.rulePolls.increment();
		return new RulesResult(this.rules.records()
			.stream()
			.map((r) -> new RuleRecord(r.rule(), r.createdAt(), r.modifiedAt()))
			.toList());
	}

	@PostMapping("/SamplingTargets")
	TargetsResult getSamplingTargets(@RequestBody(required = false) byte[] body) {
		this.targetPolls.increment();
		Map<String, Rule> byName = new LinkedHashMap<>();
		this.rules.rules().forEach((rule) -> byName.put(rule.ruleName(), rule));
		double now = System.currentTimeMillis() / 1000.0;
		List<Target> targets = new ArrayList<>();
		List<Unprocessed> unprocessed = new ArrayList<>();
		for (JsonNode statistics : statistics(body)) {
			String name = statistics.path("RuleName").asString("");
			Rule rule = byName.get(name);
			if (rule == null) {
				unprocessed.add(new Unprocessed(name, "400", "Unknown rule " + name));
				continue;
			}
			this.statistics.report(name,
					new SamplingStatistics.Counts(statistics.path("RequestCount").asLong(0),
							statistics.path("SampledCount").asLong(0), statistics.path("BorrowCount").asLong(0)),
					(long) now);
			String client = statistics.path("ClientID").asString("");
			if (!client.isEmpty() && this.clients.size() < 1000) {
				this.clients.add(client);
			}
			// quota good until shortly after the next poll is due
			targets.add(
					new Target(name, rule.fixedRate(), rule.reservoirSize(), Math.floor(now) + INTERVAL * 2, INTERVAL));
		}
		return new TargetsResult(targets, this.rules.modifiedAt(), unprocessed);
	}

	private Iterable<JsonNode> statistics(byte[] body) {
		if (body == null || body.length == 0) {
			return List.of();
		}
		try {
			JsonNode documents = this.mapper.readTree(body).path("SamplingStatisticsDocuments");
			return documents.isArray() ? documents : List.of();
		}
		catch (JacksonException ex) {
			throw ApiException.invalid("The request body is not valid JSON");
		}
	}

	/** For the status page. */
	public Map<String, Object> status() {
		Map<String, Object> status = new LinkedHashMap<>();
		status.put("rulesFrom", this.rules.location());
		status.put("rules", this.rules.rules().stream().map(Rule::ruleName).toList());
		status.put("rulePolls", this.rulePolls.sum());
		status.put("targetPolls", this.targetPolls.sum());
		status.put("clients", this.clients.size());
		Map<String, Object> perRule = new LinkedHashMap<>();
		this.statistics.summaries((long) (System.currentTimeMillis() / 1000))
			.forEach((s) -> perRule.put(s.ruleName(), Map.of("requests", s.total().requests(), "sampled",
					s.total().sampled(), "borrowed", s.total().borrowed())));
		status.put("reported", perRule);
		return status;
	}

}
