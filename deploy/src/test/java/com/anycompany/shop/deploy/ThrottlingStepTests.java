package com.anycompany.shop.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.anycompany.shop.testsupport.LocalDynamoDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The workshop's throttling step as deploy/README.md gives it: its two
 * {@code aws dynamodb update-table} commands, run as written by the AWS CLI against a
 * local DynamoDB (dynalite) holding {@code ProductCatalog} exactly as the CloudFormation
 * template defines it. Lowering must reach the table and every index (the home page reads
 * FeaturedIndex, the product lists CategoryIndex); restoring must bring back what the
 * template provisions, which re-running {@code aws cloudformation deploy} does not
 * (CloudFormation does not undo a change made outside it).
 */
class ThrottlingStepTests {

	private static final ObjectMapper json = new ObjectMapper();

	private final JsonNode template = YAMLMapper.builder()
		.build()
		.readTree(Repository.read(Repository.DEPLOY.resolve("aws/shop-tables.yaml")));

	@TempDir
	Path temp;

	@Test
	void theReadmesCommandsLowerTheTableAndEveryIndexAndRestoreWhatTheTemplateProvisions() throws Exception {
		assumeTrue(Processes.onPath("aws").isPresent() && Processes.onPath("bash").isPresent(), "aws CLI and bash");
		List<String> commands = updateTableCommands();
		assertThat(commands).as("lower, then restore").isNotEmpty();
		String endpoint = LocalDynamoDb.endpoint();
		// the name the stack gives without a prefix (this JVM's local DynamoDB is fresh)
		String table = "ProductCatalog";
		aws(endpoint, table, "aws dynamodb create-table --cli-input-json file://"
				+ Files.writeString(this.temp.resolve("create.json"), json.writeValueAsString(createTable(table))));
		awaitActive(endpoint, table);

		aws(endpoint, table, commands.get(0));
		Map<String, long[]> lowered = awaitActive(endpoint, table);
		assertThat(lowered.keySet()).as("the table and its indexes")
			.containsExactlyInAnyOrderElementsOf(provisioned().keySet());
		lowered.forEach((name, units) -> assertThat(units[0]).as("read units of %s after lowering", name).isEqualTo(1));
		lowered.forEach((name, units) -> assertThat(units[1]).as("write units of %s stay", name)
			.isEqualTo(provisioned().get(name)[1]));

		assertThat(commands).as("lower, then restore").hasSize(2);
		aws(endpoint, table, commands.get(1));
		Map<String, long[]> restored = awaitActive(endpoint, table);
		provisioned().forEach(
				(name, units) -> assertThat(restored.get(name)).as("%s after restoring", name).containsExactly(units));
	}

	/** The README's section on the workshop's capacity step. */
	private static String throttlingSection() {
		String readme = DeployReadme.text();
		Matcher heading = Pattern.compile("(?m)^#{2,3} \\d+\\. [^\\n]*DynamoDB capacity[^\\n]*$").matcher(readme);
		assertThat(heading.find()).as("a section '### N. ... DynamoDB capacity'").isTrue();
		Matcher next = Pattern.compile("(?m)^#{2,3} ").matcher(readme);
		int end = next.find(heading.end()) ? next.start() : readme.length();
		return readme.substring(heading.start(), end);
	}

	/**
	 * Each {@code aws dynamodb update-table} command of the section, continuation lines
	 * joined.
	 */
	private static List<String> updateTableCommands() {
		List<String> commands = new ArrayList<>();
		String[] lines = throttlingSection().split("\n");
		for (int i = 0; i < lines.length; i++) {
			if (lines[i].startsWith("aws dynamodb update-table")) {
				StringBuilder command = new StringBuilder();
				while (lines[i].endsWith("\\")) {
					command.append(lines[i], 0, lines[i].length() - 1).append(' ');
					i++;
				}
				commands.add(command.append(lines[i]).toString());
			}
		}
		return commands;
	}

	/**
	 * Runs one command of the README with bash: {@code aws} sent to the local DynamoDB
	 * with dummy credentials, {@code stack_output} answering as the stack would for the
	 * table.
	 */
	private String aws(String endpoint, String table, String command) throws Exception {
		String script = """
				aws() { command aws --endpoint-url "$ENDPOINT" --output json "$@"; }
				stack_output() { case "$1" in CatalogTableName) echo "$TABLE" ;; *) echo "unknown output $1" >&2; return 1 ;; esac; }
				set -e
				"""
				+ command + "\n";
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("ENDPOINT", endpoint);
		environment.put("TABLE", table);
		environment.put("AWS_ACCESS_KEY_ID", "test");
		environment.put("AWS_SECRET_ACCESS_KEY", "test");
		environment.put("AWS_DEFAULT_REGION", "us-east-1");
		environment.put("AWS_REGION", "us-east-1");
		environment.put("AWS_EC2_METADATA_DISABLED", "true");
		environment.put("AWS_CONFIG_FILE", "/dev/null");
		environment.put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
		Processes.Result result = Processes.run(List.of("bash", "-c", script), this.temp, environment, 60);
		assertThat(result.exitCode()).as("%s:\n%s", command, result.stderr()).isZero();
		return result.stdout();
	}

	/**
	 * Waits until the table and its indexes are ACTIVE again.
	 * @return read and write units of the table and each index, by name
	 */
	private Map<String, long[]> awaitActive(String endpoint, String table) throws Exception {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
		while (true) {
			JsonNode description = json
				.readTree(aws(endpoint, table, "aws dynamodb describe-table --table-name " + table))
				.get("Table");
			boolean active = description.get("TableStatus").asString().equals("ACTIVE");
			Map<String, long[]> units = new LinkedHashMap<>();
			units.put("table", units(description.get("ProvisionedThroughput")));
			for (JsonNode index : description.get("GlobalSecondaryIndexes")) {
				active &= index.get("IndexStatus").asString().equals("ACTIVE");
				units.put(index.get("IndexName").asString(), units(index.get("ProvisionedThroughput")));
			}
			if (active) {
				return units;
			}
			assertThat(Instant.now()).as("%s ACTIVE again", table).isBefore(deadline);
			Thread.sleep(200);
		}
	}

	private static long[] units(JsonNode throughput) {
		return new long[] { throughput.get("ReadCapacityUnits").asLong(),
				throughput.get("WriteCapacityUnits").asLong() };
	}

	/** What the template provisions by default: the table's and each index's units. */
	private Map<String, long[]> provisioned() {
		JsonNode catalog = this.template.at("/Resources/ProductCatalogTable/Properties");
		Map<String, long[]> units = new LinkedHashMap<>();
		units.put("table", resolve(catalog.get("ProvisionedThroughput")));
		catalog.get("GlobalSecondaryIndexes")
			.forEach((index) -> units.put(index.get("IndexName").asString(),
					resolve(index.get("ProvisionedThroughput"))));
		return units;
	}

	private long[] resolve(JsonNode throughput) {
		return new long[] { parameter(throughput.get("ReadCapacityUnits")),
				parameter(throughput.get("WriteCapacityUnits")) };
	}

	private long parameter(JsonNode value) {
		return value.has("Ref") ? this.template.at("/Parameters/" + value.get("Ref").asString() + "/Default").asLong()
				: value.asLong();
	}

	/**
	 * The template's ProductCatalog as a CreateTable request, parameters at their
	 * defaults.
	 */
	private ObjectNode createTable(String name) {
		JsonNode catalog = this.template.at("/Resources/ProductCatalogTable/Properties");
		ObjectNode request = json.createObjectNode();
		request.put("TableName", name);
		request.put("BillingMode", catalog.get("BillingMode").asString());
		request.set("AttributeDefinitions", catalog.get("AttributeDefinitions"));
		request.set("KeySchema", catalog.get("KeySchema"));
		request.set("ProvisionedThroughput", throughput(catalog.get("ProvisionedThroughput")));
		ArrayNode indexes = request.putArray("GlobalSecondaryIndexes");
		catalog.get("GlobalSecondaryIndexes").forEach((index) -> {
			ObjectNode copy = indexes.addObject();
			copy.set("IndexName", index.get("IndexName"));
			copy.set("KeySchema", index.get("KeySchema"));
			copy.set("Projection", index.get("Projection"));
			copy.set("ProvisionedThroughput", throughput(index.get("ProvisionedThroughput")));
		});
		return request;
	}

	private ObjectNode throughput(JsonNode throughput) {
		long[] units = resolve(throughput);
		ObjectNode node = json.createObjectNode();
		node.put("ReadCapacityUnits", units[0]);
		node.put("WriteCapacityUnits", units[1]);
		return node;
	}

}
