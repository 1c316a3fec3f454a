package com.anycompany.shop.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code deploy/aws/shop-tables.yaml} against what the services use: the tables the
 * ConfigMap names, the keys the services' code creates locally, and the DynamoDB
 * operations they call.
 */
class AwsTemplateTests {

	/** The low-level client's operations and the IAM actions they need. */
	private static final Map<String, String> ACTIONS = Map.ofEntries(Map.entry("getItem", "GetItem"),
			Map.entry("batchGetItem", "BatchGetItem"), Map.entry("batchGetItemPaginator", "BatchGetItem"),
			Map.entry("query", "Query"), Map.entry("queryPaginator", "Query"), Map.entry("scan", "Scan"),
			Map.entry("scanPaginator", "Scan"), Map.entry("putItem", "PutItem"), Map.entry("updateItem", "UpdateItem"),
			Map.entry("deleteItem", "DeleteItem"), Map.entry("batchWriteItem", "BatchWriteItem"),
			Map.entry("describeTable", "DescribeTable"), Map.entry("waiter", "DescribeTable"),
			Map.entry("transactGetItems", "GetItem"), Map.entry("transactWriteItems", "PutItem"),
			Map.entry("createTable", "CreateTable"), Map.entry("deleteTable", "DeleteTable"),
			Map.entry("updateTable", "UpdateTable"));

	private static final Pattern OPERATION = Pattern.compile("\\.(" + String.join("|", ACTIONS.keySet()) + ")\\(");

	private static final Pattern HASH_KEY = Pattern
		.compile("new (?:TableDefinition|DynamoDbTable)\\([^;]*?,\\s*\"([A-Za-z0-9_.-]+)\"\\)");

	private final JsonNode template = YAMLMapper.builder()
		.build()
		.readTree(Repository.read(Repository.DEPLOY.resolve("aws/shop-tables.yaml")));

	@Test
	void theTablesAreTheOnesTheServicesAreToldToUseWithProvisionedCapacity() {
		Map<String, String> config = Manifests.configMap(Manifests.NAMESPACE, "shop-config").getData();

		assertThat(tables()).containsOnlyKeys(config.get("CATALOG_TABLE"), config.get("CARTS_TABLE"),
				config.get("ORDERS_TABLE"));
		tables().forEach((name, table) -> {
			JsonNode properties = table.get("Properties");
			assertThat(properties.get("BillingMode").asString()).as(name).isEqualTo("PROVISIONED");
			assertThat(properties.at("/ProvisionedThroughput/ReadCapacityUnits").isMissingNode()).isFalse();
			assertThat(properties.at("/ProvisionedThroughput/WriteCapacityUnits").isMissingNode()).isFalse();
			assertThat(properties.get("KeySchema")).as("%s key schema", name).hasSize(1);
			assertThat(properties.at("/KeySchema/0/KeyType").asString()).isEqualTo("HASH");
			assertThat(properties.at("/AttributeDefinitions/0/AttributeType").asString()).isEqualTo("S");
			assertThat(properties.at("/AttributeDefinitions/0/AttributeName").asString())
				.isEqualTo(properties.at("/KeySchema/0/AttributeName").asString());
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "catalogservice:CATALOG_TABLE", "cartservice:CARTS_TABLE", "orderservice:ORDERS_TABLE" })
	void eachTableHasTheKeyItsServiceCreatesLocally(String serviceAndVariable) {
		String service = serviceAndVariable.split(":")[0];
		String variable = serviceAndVariable.split(":")[1];
		assumeTrue(Repository.moduleExists(service), () -> "module " + service + " is not in the repository yet");
		assertThat(Repository.environmentReadBy(service)).as("variables %s reads", service).containsKey(variable);
		String table = Manifests.configMap(Manifests.NAMESPACE, "shop-config").getData().get(variable);

		assertThat(tables()).containsKey(table);
		assertThat(tables().get(table).at("/Properties/KeySchema/0/AttributeName").asString())
			.as("hash key of %s (as %s creates it locally)", table, service)
			.isEqualTo(hashKeyIn(service));
	}

	@Test
	void thePolicyAllowsWhatTheServicesCallOnTheShopsTablesOnly() {
		JsonNode statements = this.template.at("/Resources/ShopTablesPolicy/Properties/PolicyDocument/Statement");
		List<String> allowed = new ArrayList<>();
		statements.forEach((statement) -> {
			assertThat(statement.get("Effect").asString()).isEqualTo("Allow");
			statement.get("Action").forEach((action) -> allowed.add(action.asString()));
			assertThat(statement.get("Resource"))
				.allSatisfy((resource) -> assertThat(tables().keySet().stream().map(this::logicalIdOf).toList())
					.contains(resource.at("/Fn::GetAtt/0").asString()));
		});
		assertThat(allowed).allMatch((action) -> action.startsWith("dynamodb:") && !action.contains("*"));

		Map<String, Path> used = operationsUsed();
		assumeTrue(!used.isEmpty(), "no service calls DynamoDB yet");
		// tables come from this template on AWS (DYNAMODB_CREATE_TABLES=false): creating,
		// changing or deleting them stays with the operator
		used.keySet().removeAll(List.of("dynamodb:CreateTable", "dynamodb:UpdateTable", "dynamodb:DeleteTable"));
		assertThat(allowed).as("actions the services' code needs (and where)").containsAll(used.keySet());
	}

	private Map<String, JsonNode> tables() {
		Map<String, JsonNode> tables = new TreeMap<>();
		this.template.get("Resources").forEach((resource) -> {
			if (resource.get("Type").asString().equals("AWS::DynamoDB::Table")) {
				tables.put(resource.at("/Properties/TableName").asString(), resource);
			}
		});
		return tables;
	}

	private String logicalIdOf(String tableName) {
		for (var entry : this.template.get("Resources").properties()) {
			if (tableName.equals(entry.getValue().at("/Properties/TableName").asString())) {
				return entry.getKey();
			}
		}
		throw new AssertionError("no table " + tableName);
	}

	private static String hashKeyIn(String service) {
		for (Path file : Repository.mainSources(service)) {
			Matcher matcher = HASH_KEY.matcher(Repository.read(file));
			if (matcher.find()) {
				return matcher.group(1);
			}
		}
		throw new AssertionError("cannot find the hash key of " + service + "'s table in its code "
				+ "(new TableDefinition(name, \"key\")): update this test to where the key is now defined");
	}

	/** DynamoDB actions the services' code calls, with the first file that calls each. */
	private static Map<String, Path> operationsUsed() {
		Map<String, Path> used = new TreeMap<>();
		TreeSet<String> modules = new TreeSet<>();
		Manifests.storefront()
			.forEach((deployment) -> modules
				.addAll(Repository.withProjectDependencies(deployment.getMetadata().getName())));
		for (String service : modules) {
			for (Path file : Repository.mainSources(service)) {
				String source = Repository.read(file);
				if (!source.contains("software.amazon.awssdk.services.dynamodb")) {
					continue;
				}
				Matcher matcher = OPERATION.matcher(source);
				while (matcher.find()) {
					used.putIfAbsent("dynamodb:" + ACTIONS.get(matcher.group(1)), Repository.ROOT.relativize(file));
				}
			}
		}
		return used;
	}

}
