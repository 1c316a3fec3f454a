package com.anycompany.shop.support.dynamodb;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.anycompany.shop.testsupport.LocalDynamoDb;
import com.anycompany.shop.clients.aws.AwsClients;
import com.anycompany.shop.clients.aws.AwsClientProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

@ExtendWith(LocalDynamoDb.class)
class DynamoDbTablesTests {

	private final DynamoDbClient dynamoDb = client(LocalDynamoDb.endpoint());

	private final DynamoDbTables tables = new DynamoDbTables(this.dynamoDb);

	@AfterEach
	void close() {
		this.dynamoDb.close();
	}

	@Test
	void createsMissingTablesWithTheirKeyAndWaitsUntilActive() throws Exception {
		TableDefinition first = new TableDefinition("BootstrapCreates", "id");
		TableDefinition second = new TableDefinition("BootstrapCreatesToo", "cartId");
		new TableBootstrap(this.tables, List.of(first, second), properties(true, Duration.ofSeconds(10)))
			.run(new DefaultApplicationArguments());

		assertThat(this.tables.status(first)).isEqualTo(TableStatus.ACTIVE);
		TableDescription created = this.dynamoDb.describeTable((request) -> request.tableName("BootstrapCreatesToo"))
			.table();
		assertThat(created.keySchema()).singleElement().satisfies((key) -> {
			assertThat(key.attributeName()).isEqualTo("cartId");
			assertThat(key.keyType()).isEqualTo(KeyType.HASH);
		});
		Health health = new DynamoDbHealthIndicator(this.tables, List.of(first, second)).health(true);
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("tables",
				Map.of("BootstrapCreates", "ACTIVE", "BootstrapCreatesToo", "ACTIVE"));
		// a second start finds the table and leaves it alone
		this.tables.ensureActive(first, true, Duration.ofSeconds(5));
	}

	/** The workshop lowers the ProductCatalog capacity: the table keeps serving. */
	@Test
	void aTableWhoseCapacityIsBeingChangedIsStillReady() throws Exception {
		TableDefinition table = new TableDefinition("CapacityChanging", "id");
		this.dynamoDb.createTable((create) -> create.tableName(table.name())
			.attributeDefinitions((attribute) -> attribute.attributeName("id").attributeType(ScalarAttributeType.S))
			.keySchema((key) -> key.attributeName("id").keyType(KeyType.HASH))
			.provisionedThroughput((capacity) -> capacity.readCapacityUnits(40L).writeCapacityUnits(5L)));
		this.tables.ensureActive(table, false, Duration.ofSeconds(10));

		this.dynamoDb.updateTable((update) -> update.tableName(table.name())
			.provisionedThroughput((capacity) -> capacity.readCapacityUnits(1L).writeCapacityUnits(1L)));

		Health health = new DynamoDbHealthIndicator(this.tables, List.of(table)).health(true);
		assertThat(health.getDetails()).containsEntry("tables", Map.of("CapacityChanging", "UPDATING"));
		assertThat(health.getStatus()).isEqualTo(Status.UP);
	}

	@Test
	void withCreationOffAMissingTableFailsStartUpClearly() {
		TableDefinition table = new TableDefinition("NeverCreated", "id");
		TableBootstrap bootstrap = new TableBootstrap(this.tables, List.of(table),
				properties(false, Duration.ofSeconds(1)));
		assertThatIllegalStateException().isThrownBy(() -> bootstrap.run(new DefaultApplicationArguments()))
			.withMessageContaining("NeverCreated")
			.withMessageContaining("DYNAMODB_CREATE_TABLES=false");
		assertThat(new DynamoDbHealthIndicator(this.tables, List.of(table)).health(true).getStatus())
			.isEqualTo(Status.DOWN);
	}

	@Test
	void unreachableDynamoDbIsDownAndGivesUpAfterTheStartupTimeout() {
		try (DynamoDbClient unreachable = client("http://127.0.0.1:9")) {
			DynamoDbTables tables = new DynamoDbTables(unreachable);
			TableDefinition table = new TableDefinition("Anything", "id");
			assertThat(new DynamoDbHealthIndicator(tables, List.of(table)).health(true).getStatus())
				.isEqualTo(Status.DOWN);
			TableBootstrap bootstrap = new TableBootstrap(tables, List.of(table),
					properties(true, Duration.ofMillis(500)));
			assertThatIllegalStateException().isThrownBy(() -> bootstrap.run(new DefaultApplicationArguments()))
				.withMessageContaining("did not answer");
		}
	}

	private static ShopDynamoDbProperties properties(boolean createTables, Duration startupTimeout) {
		ShopDynamoDbProperties properties = new ShopDynamoDbProperties();
		properties.setCreateTables(createTables);
		properties.setStartupTimeout(startupTimeout);
		return properties;
	}

	private static DynamoDbClient client(String endpoint) {
		AwsClientProperties properties = new AwsClientProperties();
		properties.setEndpoint(endpoint);
		return new AwsClients(properties, List.of()).build(DynamoDbClient.builder());
	}

}
