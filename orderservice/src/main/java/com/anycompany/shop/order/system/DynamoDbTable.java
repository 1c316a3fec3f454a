package com.anycompany.shop.order.system;

import java.time.Duration;

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
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

/**
 * The one DynamoDB table this service owns, keyed by a single string hash key.
 */
public class DynamoDbTable {

	private static final Logger logger = LoggerFactory.getLogger(DynamoDbTable.class);

	private final DynamoDbClient dynamoDb;

	private final String name;

	private final String hashKey;

	public DynamoDbTable(DynamoDbClient dynamoDb, String name, String hashKey) {
		this.dynamoDb = dynamoDb;
		this.name = name;
		this.hashKey = hashKey;
	}

	public String name() {
		return this.name;
	}

	public String hashKey() {
		return this.hashKey;
	}

	/**
	 * Creates the table when it is missing (if allowed) and waits until it is ACTIVE:
	 * DynamoDB, and dynalite alike, create tables asynchronously.
	 * @param create whether a missing table may be created here
	 * @param timeout how long to wait for ACTIVE
	 */
	public void ensureActive(boolean create, Duration timeout) {
		// the first call shows whether DynamoDB answers at all (SdkClientException if
		// not, which the caller may retry); after that, only the table is waited for
		if (create) {
			createIfMissing();
		}
		else {
			describeIfExists();
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
				.waitUntilTableExists((request) -> request.tableName(this.name));
			response.matched().exception().ifPresent((ex) -> {
				throw notActive(create, timeout, ex);
			});
		}
		catch (SdkClientException ex) {
			throw notActive(create, timeout, ex);
		}
	}

	private IllegalStateException notActive(boolean create, Duration timeout, Throwable cause) {
		return new IllegalStateException(
				"DynamoDB table " + this.name + " did not become ACTIVE within " + timeout
						+ (create ? ""
								: " (table creation is off, DYNAMODB_CREATE_TABLES=false: the table must exist)"),
				cause);
	}

	/** The table's status as DynamoDB reports it now. */
	public TableStatus status() {
		return this.dynamoDb.describeTable((request) -> request.tableName(this.name)).table().tableStatus();
	}

	private void describeIfExists() {
		try {
			this.dynamoDb.describeTable((request) -> request.tableName(this.name));
		}
		catch (ResourceNotFoundException notYet) {
			// perhaps still being created elsewhere: the waiter gives it time
		}
	}

	private void createIfMissing() {
		try {
			this.dynamoDb.createTable((request) -> request.tableName(this.name)
				.attributeDefinitions(AttributeDefinition.builder()
					.attributeName(this.hashKey)
					.attributeType(ScalarAttributeType.S)
					.build())
				.keySchema(KeySchemaElement.builder().attributeName(this.hashKey).keyType(KeyType.HASH).build())
				.billingMode(BillingMode.PAY_PER_REQUEST));
			logger.info("Creating DynamoDB table {}", this.name);
		}
		catch (ResourceInUseException alreadyThere) {
			// created earlier, or by another replica starting at the same time
		}
	}

}
