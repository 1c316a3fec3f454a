package com.anycompany.shop.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

	/**
	 * The table each variable names when no prefix is given: the services' own defaults.
	 */
	private static final Map<String, String> TABLE_VARIABLES = Map.of("catalogservice", "CATALOG_TABLE", "cartservice",
			"CARTS_TABLE", "orderservice", "ORDERS_TABLE");

	@Test
	void theTablesAreTheServicesDefaultsAfterThePrefixWithProvisionedCapacity() {
		Map<String, String> defaults = new TreeMap<>();
		TABLE_VARIABLES.forEach((service, variable) -> {
			if (Repository.moduleExists(service)) {
				defaults.put(defaultTableOf(service, variable), variable);
			}
		});

		assertThat(tables()).containsOnlyKeys("ProductCatalog", "Carts", "Orders");
		assertThat(tables().keySet()).containsAll(defaults.keySet());
		assertThat(this.template.at("/Parameters/TablePrefix/Default").asString()).isEmpty();
		assertThat("xray-").matches(this.template.at("/Parameters/TablePrefix/AllowedPattern").asString());
		assertThat("x y").doesNotMatch(this.template.at("/Parameters/TablePrefix/AllowedPattern").asString());
		tables().forEach((name, table) -> {
			JsonNode properties = table.get("Properties");
			assertThat(properties.at("/TableName/Fn::Sub").asString()).isEqualTo("${TablePrefix}" + name);
			assertThat(properties.get("BillingMode").asString()).as(name).isEqualTo("PROVISIONED");
			assertThat(properties.at("/ProvisionedThroughput/ReadCapacityUnits/Ref").asString()).isNotEmpty();
			assertThat(properties.at("/ProvisionedThroughput/WriteCapacityUnits/Ref").asString()).isNotEmpty();
			assertThat(properties.get("KeySchema")).as("%s key schema", name).hasSize(1);
			assertThat(properties.at("/KeySchema/0/KeyType").asString()).isEqualTo("HASH");
			assertThat(attributeType(properties, properties.at("/KeySchema/0/AttributeName").asString()))
				.isEqualTo("S");
		});
	}

	@Test
	void theCatalogHasCapacityForTheLoadGeneratorAndItsOwnParameter() {
		JsonNode catalog = tables().get("ProductCatalog").get("Properties");
		String read = catalog.at("/ProvisionedThroughput/ReadCapacityUnits/Ref").asString();
		String indexRead = catalog.at("/GlobalSecondaryIndexes/0/ProvisionedThroughput/ReadCapacityUnits/Ref")
			.asString();

		// 5 units throttle under the load generator alone, before the lab lowers them
		assertThat(this.template.at("/Parameters/" + read + "/Default").asInt()).isGreaterThanOrEqualTo(40);
		assertThat(this.template.at("/Parameters/" + indexRead + "/Default").asInt()).isGreaterThanOrEqualTo(40);
		assertThat(tables().get("Carts").at("/Properties/ProvisionedThroughput/ReadCapacityUnits/Ref").asString())
			.as("the lab lowers the catalog's alone")
			.isNotEqualTo(read);
	}

	/**
	 * The indexes catalogservice queries (and creates itself locally): CategoryIndex for
	 * product lists and recommendations, the sparse FeaturedIndex for the home page.
	 */
	@Test
	void theCatalogHasTheIndexesTheServiceQueries() {
		JsonNode catalog = tables().get("ProductCatalog").get("Properties");
		Map<String, String> hashKeys = new java.util.LinkedHashMap<>();
		catalog.get("GlobalSecondaryIndexes").forEach((index) -> {
			hashKeys.put(index.get("IndexName").asString(), index.at("/KeySchema/0/AttributeName").asString());
			assertThat(index.at("/KeySchema/0/KeyType").asString()).isEqualTo("HASH");
			assertThat(index.at("/KeySchema/1/AttributeName").asString()).isEqualTo("id");
			assertThat(index.at("/KeySchema/1/KeyType").asString()).isEqualTo("RANGE");
			assertThat(index.at("/Projection/ProjectionType").asString()).isEqualTo("ALL");
		});
		assertThat(hashKeys)
			.containsExactlyInAnyOrderEntriesOf(Map.of("CategoryIndex", "category", "FeaturedIndex", "featured"));
		assertThat(attributeType(catalog, "category")).isEqualTo("S");
		assertThat(attributeType(catalog, "featured")).isEqualTo("S");
		assertThat(attributeType(catalog, "id")).isEqualTo("S");
	}

	@Test
	void theServicesLearnRegionAndTableNamesFromTheStackOutputs() {
		Map<String, String> fromStack = DeployReadme.shopAwsFromStack();
		Map<String, String> expected = Map.of("AWS_REGION", "AWS::Region", "CATALOG_TABLE", "ProductCatalogTable",
				"CARTS_TABLE", "CartsTable", "ORDERS_TABLE", "OrdersTable");

		assertThat(fromStack).containsOnlyKeys(expected.keySet());
		fromStack.forEach((key, output) -> assertThat(this.template.at("/Outputs/" + output + "/Value/Ref").asString())
			.as("output %s, for %s", output, key)
			.isEqualTo(expected.get(key)));
		// the keys the Deployments read from shop-aws are exactly these
		Set<String> read = new TreeSet<>();
		Manifests.storefront().forEach((deployment) -> Workloads.of(deployment).main().getEnv().forEach((variable) -> {
			if (variable.getValueFrom() != null && variable.getValueFrom().getConfigMapKeyRef() != null
					&& variable.getValueFrom().getConfigMapKeyRef().getName().equals(DeployReadme.SHOP_AWS)) {
				read.add(variable.getValueFrom().getConfigMapKeyRef().getKey());
			}
		}));
		assertThat(read).isEqualTo(fromStack.keySet());
	}

	@ParameterizedTest
	@ValueSource(strings = { "catalogservice", "cartservice", "orderservice" })
	void eachTableHasTheKeyItsServiceCreatesLocally(String service) {
		assumeTrue(Repository.moduleExists(service), () -> "module " + service + " is not in the repository yet");
		String variable = TABLE_VARIABLES.get(service);
		assertThat(Repository.environmentReadBy(service)).as("variables %s reads", service).containsKey(variable);
		String table = defaultTableOf(service, variable);

		assertThat(tables()).containsKey(table);
		assertThat(tables().get(table).at("/Properties/KeySchema/0/AttributeName").asString())
			.as("hash key of %s (as %s creates it locally)", table, service)
			.isEqualTo(hashKeyIn(service));
	}

	/**
	 * One policy per service, each on its own table (and the catalog's on its indexes, by
	 * name) with exactly the calls that service's code makes: cartservice may not write
	 * Orders, nor call anything it never calls.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "catalogservice", "cartservice", "orderservice" })
	void eachServiceHasItsOwnPolicyOnItsOwnTableWithExactlyTheCallsItMakes(String service) {
		assumeTrue(Repository.moduleExists(service), () -> "module " + service + " is not in the repository yet");
		String table = defaultTableOf(service, TABLE_VARIABLES.get(service));
		String tableId = logicalIdOf(table);
		JsonNode policy = policyOf(service);

		List<String> onTable = new ArrayList<>();
		Map<String, List<String>> onIndexes = new TreeMap<>();
		policy.at("/Properties/PolicyDocument/Statement").forEach((statement) -> {
			assertThat(statement.get("Effect").asString()).isEqualTo("Allow");
			List<String> actions = new ArrayList<>();
			statement.get("Action").forEach((action) -> actions.add(action.asString()));
			assertThat(actions).allMatch((action) -> action.startsWith("dynamodb:") && !action.contains("*"));
			statement.get("Resource").forEach((resource) -> {
				if (resource.has("Fn::Sub")) {
					Matcher index = Pattern.compile("\\$\\{(\\w+)\\.Arn}/index/(\\w+)")
						.matcher(resource.get("Fn::Sub").asString());
					assertThat(index.matches()).as("%s: an index by name, no wildcard", resource).isTrue();
					assertThat(index.group(1)).as("the index's table").isEqualTo(tableId);
					onIndexes.put(index.group(2), actions);
				}
				else {
					assertThat(resource.at("/Fn::GetAtt/0").asString()).as("%s may use %s only", service, table)
						.isEqualTo(tableId);
					onTable.addAll(actions);
				}
			});
		});

		Map<String, Path> used = operationsUsedBy(service);
		// the tables are this template's on AWS (DYNAMODB_CREATE_TABLES=false): creating,
		// changing or deleting them stays with the operator
		used.keySet().removeAll(List.of("dynamodb:CreateTable", "dynamodb:UpdateTable", "dynamodb:DeleteTable"));
		Set<String> allowed = new TreeSet<>(onTable);
		onIndexes.values().forEach(allowed::addAll);
		assertThat(allowed).as("%s: the actions its code calls (and where: %s)", service, used)
			.isEqualTo(used.keySet());
		// every index of its table, and only with Query
		assertThat(onIndexes.keySet()).isEqualTo(indexesOf(table));
		assertThat(onIndexes.values()).allSatisfy((actions) -> assertThat(actions).containsExactly("dynamodb:Query"));
		assertThat(policy.at("/Properties/ManagedPolicyName").isMissingNode())
			.as("no fixed name: two stacks (two prefixes) in one account")
			.isTrue();
	}

	/**
	 * deploy/README.md gives each service account the policy of its own service, through
	 * the stack output named after it.
	 */
	@Test
	void theReadmeGivesEachServiceAccountItsOwnPolicy() {
		Matcher loop = Pattern
			.compile("for s in ([a-z ]+); do\\s+eksctl create podidentityassociation [^\\n]*\\\\\\s+"
					+ "--service-account-name \\$s --permission-policy-arns \\$\\(stack_output \\$\\{s}(\\w+)\\)")
			.matcher(DeployReadme.text());
		assertThat(loop.find()).as("the Pod Identity loop of deploy/README.md").isTrue();
		List<String> services = List.of(loop.group(1).strip().split(" +"));
		assertThat(services).containsExactlyInAnyOrderElementsOf(TABLE_VARIABLES.keySet());
		for (String service : services) {
			String output = service + loop.group(2);
			assertThat(this.template.at("/Outputs/" + output + "/Value/Ref").asString()).as("output %s", output)
				.isEqualTo(this.template.get("Resources")
					.properties()
					.stream()
					.filter((entry) -> entry.getValue().equals(policyOf(service)))
					.map(Map.Entry::getKey)
					.findFirst()
					.orElseThrow());
		}
		assertThat(DeployReadme.text()).doesNotContain("ShopTablesPolicy");
	}

	/** The policy whose statements name the service's table. */
	private JsonNode policyOf(String service) {
		String tableId = logicalIdOf(defaultTableOf(service, TABLE_VARIABLES.get(service)));
		List<JsonNode> policies = new ArrayList<>();
		this.template.get("Resources").forEach((resource) -> {
			if (resource.get("Type").asString().equals("AWS::IAM::ManagedPolicy")
					&& resource.toString().contains("\"" + tableId + "\"")) {
				policies.add(resource);
			}
		});
		assertThat(policies).as("policies on the table of %s", service).hasSize(1);
		return policies.get(0);
	}

	private Set<String> indexesOf(String table) {
		Set<String> indexes = new TreeSet<>();
		tables().get(table)
			.at("/Properties/GlobalSecondaryIndexes")
			.forEach((index) -> indexes.add(index.get("IndexName").asString()));
		return indexes;
	}

	/**
	 * The table name a service uses when its variable is not set ({@code ${VAR:Name}}).
	 */
	private static String defaultTableOf(String service, String variable) {
		Pattern placeholder = Pattern.compile("\\$\\{" + variable + ":([A-Za-z0-9_.-]+)}");
		for (Path file : Repository.mainSources(service)) {
			Matcher matcher = placeholder.matcher(Repository.read(file));
			if (matcher.find()) {
				return matcher.group(1);
			}
		}
		throw new AssertionError(service + " reads no ${" + variable + ":default}");
	}

	private static String attributeType(JsonNode properties, String attribute) {
		for (JsonNode definition : properties.get("AttributeDefinitions")) {
			if (definition.get("AttributeName").asString().equals(attribute)) {
				return definition.get("AttributeType").asString();
			}
		}
		throw new AssertionError("no attribute definition for " + attribute);
	}

	private Map<String, JsonNode> tables() {
		Map<String, JsonNode> tables = new TreeMap<>();
		this.template.get("Resources").forEach((resource) -> {
			if (resource.get("Type").asString().equals("AWS::DynamoDB::Table")) {
				tables.put(resource.at("/Properties/TableName/Fn::Sub").asString().replace("${TablePrefix}", ""),
						resource);
			}
		});
		return tables;
	}

	private String logicalIdOf(String tableName) {
		for (var entry : this.template.get("Resources").properties()) {
			if (("${TablePrefix}" + tableName)
				.equals(entry.getValue().at("/Properties/TableName/Fn::Sub").asString())) {
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

	/**
	 * DynamoDB actions one service's code calls (its own module and the project modules
	 * it runs with), with the first file that calls each.
	 */
	private static Map<String, Path> operationsUsedBy(String service) {
		Map<String, Path> used = new TreeMap<>();
		for (String module : Repository.withProjectDependencies(service)) {
			for (Path file : Repository.mainSources(module)) {
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
