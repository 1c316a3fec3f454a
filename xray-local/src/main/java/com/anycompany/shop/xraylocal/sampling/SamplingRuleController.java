package com.anycompany.shop.xraylocal.sampling;

import java.util.List;

import com.anycompany.shop.xraylocal.account.Tags;
import com.anycompany.shop.xraylocal.sampling.SamplingRules.Rule;
import com.anycompany.shop.xraylocal.sampling.SamplingRules.Stored;
import com.anycompany.shop.xraylocal.web.ApiException;
import com.anycompany.shop.xraylocal.web.Bodies;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sampling rules as a person manages them: CreateSamplingRule, UpdateSamplingRule,
 * DeleteSamplingRule, and GetSamplingStatisticSummaries from what the SDKs report. A
 * change reaches running SDKs through the protocol they already poll: a changed
 * {@code FixedRate} or {@code ReservoirSize} comes back in their next GetSamplingTargets
 * (about every 10 s), a new or deleted rule with their next GetSamplingRules (the Java
 * SDK: every 5 minutes; it does not act on {@code LastRuleModification}, which moves with
 * every change).
 */
@RestController
class SamplingRuleController {

	private final RuleChanges changes;

	private final SamplingStatistics statistics;

	private final Tags tags;

	private final JsonMapper mapper;

	record RuleRecord(Rule samplingRule, double createdAt, double modifiedAt) {

		static RuleRecord of(Stored stored) {
			return new RuleRecord(stored.rule(), stored.createdAt(), stored.modifiedAt());
		}

	}

	record RuleResult(RuleRecord samplingRuleRecord) {
	}

	record Summary(String ruleName, double timestamp, long requestCount, long borrowCount, long sampledCount) {
	}

	record SummariesResult(List<Summary> samplingStatisticSummaries, String nextToken) {
	}

	SamplingRuleController(SamplingRules rules, SamplingStatistics statistics, Tags tags, JsonMapper mapper) {
		this.changes = new RuleChanges(rules);
		this.statistics = statistics;
		this.tags = tags;
		this.mapper = mapper;
	}

	@PostMapping("/CreateSamplingRule")
	RuleResult create(@RequestBody(required = false) byte[] body) {
		JsonNode request = Bodies.object(this.mapper, body);
		JsonNode rule = Bodies.object(request, "SamplingRule", true);
		List<Tags.Tag> tags = Bodies.objects(request, "Tags")
			.stream()
			.map((tag) -> new Tags.Tag(Bodies.required(tag, "Key", 1, 128), Bodies.required(tag, "Value", 0, 256)))
			.toList();
		// tags checked before the rule exists, so a refused tag leaves no rule behind
		Tags.check(tags);
		Stored created = this.changes.create(rule);
		this.tags.put(created.rule().ruleArn(), tags);
		return new RuleResult(RuleRecord.of(created));
	}

	@PostMapping("/UpdateSamplingRule")
	RuleResult update(@RequestBody(required = false) byte[] body) {
		JsonNode request = Bodies.object(this.mapper, body);
		return new RuleResult(RuleRecord.of(this.changes.update(Bodies.object(request, "SamplingRuleUpdate", true))));
	}

	@PostMapping("/DeleteSamplingRule")
	RuleResult delete(@RequestBody(required = false) byte[] body) {
		Stored deleted = this.changes.delete(Bodies.object(this.mapper, body));
		this.tags.forget(deleted.rule().ruleArn());
		this.statistics.forget(deleted.rule().ruleName());
		return new RuleResult(RuleRecord.of(deleted));
	}

	@PostMapping("/SamplingStatisticSummaries")
	SummariesResult summaries(@RequestBody(required = false) byte[] body) {
		JsonNode request = Bodies.object(this.mapper, body);
		String token = Bodies.string(request, "NextToken", 0, 2000);
		if (token != null && !token.isEmpty()) {
			// every answer fits one page (at most 26 rules), so no token was ever given
			throw ApiException.invalid("NextToken is not one this service gave out");
		}
		long now = System.currentTimeMillis() / 1000;
		return new SummariesResult(this.statistics.summaries(now)
			.stream()
			.map((s) -> new Summary(s.ruleName(), s.since(), s.recent().requests(), s.recent().borrowed(),
					s.recent().sampled()))
			.toList(), null);
	}

}
