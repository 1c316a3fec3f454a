package com.anycompany.shop.support.dynamodb;

import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkClientException;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;

/**
 * Makes sure every table the service declares is there and ACTIVE before the service
 * reports itself ready. A DynamoDB that does not answer yet (a local stack still
 * starting) is retried until {@code shop.dynamodb.startup-timeout}; after that start-up
 * fails, and the platform restarts the service.
 */
public class TableBootstrap implements ApplicationRunner, Ordered {

	private static final Logger logger = LoggerFactory.getLogger(TableBootstrap.class);

	private static final Duration RETRY_DELAY = Duration.ofSeconds(1);

	private final DynamoDbTables tables;

	private final List<TableDefinition> definitions;

	private final ShopDynamoDbProperties properties;

	public TableBootstrap(DynamoDbTables tables, List<TableDefinition> definitions, ShopDynamoDbProperties properties) {
		this.tables = tables;
		this.definitions = List.copyOf(definitions);
		this.properties = properties;
	}

	@Override
	public void run(ApplicationArguments args) throws InterruptedException {
		long deadline = System.nanoTime() + this.properties.getStartupTimeout().toNanos();
		for (TableDefinition table : this.definitions) {
			ensureActive(table, deadline);
		}
	}

	private void ensureActive(TableDefinition table, long deadline) throws InterruptedException {
		while (true) {
			Duration remaining = Duration.ofNanos(Math.max(deadline - System.nanoTime(), 0));
			try {
				this.tables.ensureActive(table, this.properties.isCreateTables(), remaining);
				logger.info("DynamoDB table {} is ACTIVE", table.name());
				return;
			}
			catch (SdkClientException ex) {
				if (remaining.compareTo(RETRY_DELAY) <= 0) {
					throw new IllegalStateException("DynamoDB did not answer within "
							+ this.properties.getStartupTimeout() + " (table " + table.name() + ")", ex);
				}
				logger.warn("DynamoDB not reachable yet ({}); retrying", ex.getMessage());
				Thread.sleep(RETRY_DELAY.toMillis());
			}
		}
	}

	/** Before every other runner, which may need the tables (the catalog seeds its). */
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
