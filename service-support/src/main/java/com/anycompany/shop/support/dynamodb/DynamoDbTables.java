package com.anycompany.shop.support.dynamodb;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.core.waiters.WaiterResponse;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

/**
 * What start-up and the readiness check need of a service's tables: create one when it is
 * missing, wait until it is ACTIVE, and tell its status now.
 */
public class DynamoDbTables {

	private static final Logger logger = LoggerFactory.getLogger(DynamoDbTables.class);

	private final DynamoDbClient dynamoDb;

	public DynamoDbTables(DynamoDbClient dynamoDb) {
		this.dynamoDb = dynamoDb;
	}

	/**
	 * Creates the table when it is missing (if allowed) and waits until it is ACTIVE:
	 * DynamoDB, and dynalite alike, create tables asynchronously.
	 * @param table the table
	 * @param create whether a missing table may be created here
	 * @param timeout how long to wait for ACTIVE
	 * @throws SdkClientException when DynamoDB does not answer at all (the caller may
	 * retry)
	 * @throws IllegalStateException when the table is not ACTIVE within the timeout
	 */
	public void ensureActive(TableDefinition table, boolean create, Duration timeout) {
		// the first call shows whether DynamoDB answers at all (SdkClientException if
		// not, which the caller may retry); after that, only the table is waited for
		if (create) {
			createIfMissing(table);
		}
		else {
			describeIfExists(table);
		}
		WaiterOverrideConfiguration waiting = WaiterOverrideConfiguration.builder()
			.backoffStrategyV2(BackoffStrategy.fixedDelayWithoutJitter(Duration.ofMillis(250)))
			.maxAttempts(Integer.MAX_VALUE)
			.waitTimeout(timeout)
			.build();
		try (DynamoDbWaiter waiter = DynamoDbWaiter.builder()
			.client(this.dynamoDb)
			.overrideConfiguration(waiting)
			.build()) {
			WaiterResponse<DescribeTableResponse> response = waiter
				.waitUntilTableExists((request) -> request.tableName(table.name()));
			response.matched().exception().ifPresent((ex) -> {
				throw notActive(table, create, timeout, ex);
			});
		}
		catch (SdkClientException ex) {
			throw notActive(table, create, timeout, ex);
		}
	}

	/** The table's status as DynamoDB reports it now. */
	public TableStatus status(TableDefinition table) {
		return this.dynamoDb.describeTable((request) -> request.tableName(table.name())).table().tableStatus();
	}

	private static IllegalStateException notActive(TableDefinition table, boolean create, Duration timeout,
			Throwable cause) {
		return new IllegalStateException(
				"DynamoDB table " + table.name() + " did not become ACTIVE within " + timeout
						+ (create ? ""
								: " (table creation is off, DYNAMODB_CREATE_TABLES=false: the table must exist)"),
				cause);
	}

	private void describeIfExists(TableDefinition table) {
		try {
			this.dynamoDb.describeTable((request) -> request.tableName(table.name()));
		}
		catch (ResourceNotFoundException notYet) {
			// perhaps still being created elsewhere: the waiter gives it time
		}
	}

	private void createIfMissing(TableDefinition table) {
		Set<String> attributes = new LinkedHashSet<>();
		attributes.add(table.hashKey());
		List<GlobalSecondaryIndex> indexes = new ArrayList<>();
		for (TableDefinition.Index index : table.indexes()) {
			attributes.add(index.hashKey());
			attributes.add(index.rangeKey());
			indexes.add(GlobalSecondaryIndex.builder()
				.indexName(index.name())
				.keySchema(KeySchemaElement.builder().attributeName(index.hashKey()).keyType(KeyType.HASH).build(),
						KeySchemaElement.builder().attributeName(index.rangeKey()).keyType(KeyType.RANGE).build())
				.projection((projection) -> projection.projectionType(ProjectionType.ALL))
				.build());
		}
		try {
			this.dynamoDb.createTable((request) -> request.tableName(table.name())
				.attributeDefinitions(attributes.stream()
					.map((name) -> AttributeDefinition.builder()
						.attributeName(name)
						.attributeType(ScalarAttributeType.S)
						.build())
					.toList())
				.keySchema(KeySchemaElement.builder().attributeName(table.hashKey()).keyType(KeyType.HASH).build())
				.globalSecondaryIndexes(indexes.isEmpty() ? null : indexes)
				.billingMode(BillingMode.PAY_PER_REQUEST));
			logger.info("Creating DynamoDB table {}", table.name());
		}
		catch (ResourceInUseException alreadyThere) {
			// created earlier, or by another replica starting at the same time
		}
	}

}
