package com.anycompany.shop.order.system;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkClientException;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;

/**
 * Makes sure the table is there and ACTIVE before the service reports itself ready. A
 * DynamoDB that does not answer yet (a local stack still starting) is retried until
 * {@code shop.dynamodb.startup-timeout}; after that start-up fails, and the platform
 * restarts the service.
 */
class TableBootstrap implements ApplicationRunner, Ordered {

	private static final Logger logger = LoggerFactory.getLogger(TableBootstrap.class);

	private static final Duration RETRY_DELAY = Duration.ofSeconds(1);

	private final DynamoDbTable table;

	private final DynamoDbProperties properties;

	TableBootstrap(DynamoDbTable table, DynamoDbProperties properties) {
		this.table = table;
		this.properties = properties;
	}

	@Override
	public void run(ApplicationArguments args) throws InterruptedException {
		long deadline = System.nanoTime() + this.properties.startupTimeout().toNanos();
		while (true) {
			Duration remaining = Duration.ofNanos(Math.max(deadline - System.nanoTime(), 0));
			try {
				this.table.ensureActive(this.properties.createTables(), remaining);
				logger.info("DynamoDB table {} is ACTIVE", this.table.name());
				return;
			}
			catch (SdkClientException ex) {
				if (remaining.compareTo(RETRY_DELAY) <= 0) {
					throw new IllegalStateException("DynamoDB did not answer within " + this.properties.startupTimeout()
							+ " (table " + this.table.name() + ")", ex);
				}
				logger.warn("DynamoDB not reachable yet ({}); retrying", ex.getMessage());
				Thread.sleep(RETRY_DELAY.toMillis());
			}
		}
	}

	/** Before every other runner, which may need the table (the catalog seeds it). */
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
