package com.anycompany.shop.xraylocal.sampling;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import com.anycompany.shop.xraylocal.sampling.SamplingRules.Rule;
import com.anycompany.shop.xraylocal.web.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class SamplingRulesTests {

	private final JsonMapper mapper = JsonMapper.builder().build();

	@Test
	void withoutAFileEverythingIsSampled() {
		List<Rule> rules = new SamplingRules(null, this.mapper).rules();
		assertThat(rules).singleElement().satisfies((rule) -> {
			assertThat(rule.ruleName()).isEqualTo("Default");
			assertThat(rule.fixedRate()).isEqualTo(1.0);
			assertThat(rule.priority()).isEqualTo(10000);
			// every member the Java SDK insists on
			assertThat(rule.version()).isEqualTo(1);
			assertThat(rule.resourceArn()).isEqualTo("*");
			assertThat(rule.attributes()).isEmpty();
			assertThat(List.of(rule.host(), rule.serviceName(), rule.serviceType(), rule.httpMethod(), rule.urlPath()))
				.containsOnly("*");
		});
	}

	@Test
	void readsTheSdksLocalRulesFile(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("rules.json");
		Files.writeString(file, """
				{"version": 2,
				 "rules": [{"description": "Health checks", "host": "*", "http_method": "GET",
				            "url_path": "/actuator/*", "fixed_target": 0, "rate": 0.0}],
				 "default": {"fixed_target": 1, "rate": 0.5}}
				""");
		assertThat(new SamplingRules(file.toString(), this.mapper).rules())
			.extracting(Rule::ruleName, Rule::priority, Rule::fixedRate, Rule::reservoirSize, Rule::urlPath,
					Rule::httpMethod)
			.containsExactly(tuple("Health-checks", 1, 0.0, 0, "/actuator/*", "GET"),
					tuple("Default", 10000, 0.5, 1, "*", "*"));
	}

	@Test
	void readsXrayRulesAndRereadsAChangedFile(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("rules.json");
		Files.writeString(file, """
				{"SamplingRuleRecords": [{"SamplingRule": {"RuleName": "carts", "Priority": 5, "FixedRate": 0.25,
				  "ReservoirSize": 2, "ServiceName": "cartservice", "URLPath": "/api/v1/cart*"}}]}
				""");
		SamplingRules rules = new SamplingRules("file:" + file, this.mapper);
		assertThat(rules.rules()).extracting(Rule::ruleName, Rule::serviceName, Rule::host)
			.containsExactly(tuple("carts", "cartservice", "*"), tuple("Default", "*", "*"));

		Files.writeString(file, "[{\"RuleName\": \"Default\", \"FixedRate\": 0.1, \"ReservoirSize\": 1}]");
		Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
		assertThat(rules.rules()).extracting(Rule::ruleName, Rule::fixedRate).containsExactly(tuple("Default", 0.1));

		Files.writeString(file, "{ half written");
		Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(10)));
		assertThat(rules.rules()).extracting(Rule::ruleName).containsExactly("Default");
	}

	@Test
	void onceTheApiChangedARuleTheFileIsNoLongerRead(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("rules.json");
		Files.writeString(file, "[{\"RuleName\": \"carts\", \"Priority\": 5, \"URLPath\": \"/cart*\"}]");
		SamplingRules rules = new SamplingRules(file.toString(), this.mapper);
		double loaded = rules.modifiedAt();
		new RuleChanges(rules).update(this.mapper.readTree("{\"RuleName\": \"carts\", \"FixedRate\": 0.0}"));
		assertThat(rules.modifiedAt()).isGreaterThanOrEqualTo(loaded);
		assertThat(rules.records()).extracting((r) -> r.rule().ruleName() + "=" + r.rule().fixedRate())
			.containsExactly("carts=0.0", "Default=1.0");

		Files.writeString(file, "[{\"RuleName\": \"Default\", \"FixedRate\": 0.1}]");
		Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
		assertThat(rules.rules()).extracting(Rule::ruleName).containsExactly("carts", "Default");
	}

	@Test
	void changesAreCheckedAsXrayChecksThem() {
		SamplingRules rules = new SamplingRules(null, this.mapper);
		RuleChanges changes = new RuleChanges(rules);
		String rule = "{\"RuleName\": \"%s\", \"ResourceARN\": \"*\", \"Priority\": %d, \"FixedRate\": %s,"
				+ " \"ReservoirSize\": 1, \"ServiceName\": \"*\", \"ServiceType\": \"*\", \"Host\": \"*\","
				+ " \"HTTPMethod\": \"*\", \"URLPath\": \"*\", \"Version\": 1}";
		changes.create(this.mapper.readTree(rule.formatted("a", 1, "0.5")));
		assertThat(rules.rules()).extracting(Rule::ruleName).containsExactly("a", "Default");
		assertThatThrownBy(() -> changes.create(this.mapper.readTree(rule.formatted("b", 1, "1.5"))))
			.hasMessageContaining("FixedRate");
		assertThatThrownBy(() -> changes.create(this.mapper.readTree(rule.formatted("b", 0, "0.5"))))
			.hasMessageContaining("Priority");
		assertThatThrownBy(() -> changes.create(this.mapper.readTree(rule.formatted("Default", 5, "0.5"))))
			.hasMessageContaining("Default");
		assertThatThrownBy(() -> changes.create(this.mapper.readTree("{\"RuleName\": \"c\"}")))
			.hasMessageContaining("required");
		for (int i = 0; i < RuleChanges.MAX_RULES - 1; i++) {
			changes.create(this.mapper.readTree(rule.formatted("r" + i, 2, "0.5")));
		}
		assertThatThrownBy(() -> changes.create(this.mapper.readTree(rule.formatted("over", 2, "0.5"))))
			.isInstanceOfSatisfying(ApiException.class,
					(ex) -> assertThat(ex.type()).isEqualTo("RuleLimitExceededException"));
		assertThat(changes.update(this.mapper.readTree("{\"RuleName\": \"Default\", \"FixedRate\": 0.2}"))
			.rule()
			.fixedRate()).isEqualTo(0.2);
		assertThatThrownBy(() -> changes.update(this.mapper.readTree("{\"RuleName\": \"Default\", \"Host\": \"x\"}")))
			.hasMessageContaining("Only FixedRate and ReservoirSize");
	}

}
