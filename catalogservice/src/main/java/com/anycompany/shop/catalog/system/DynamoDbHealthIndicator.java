package com.anycompany.shop.catalog.system;

import software.amazon.awssdk.services.dynamodb.model.TableStatus;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Ready only while the service's table answers and is ACTIVE: a pod whose DynamoDB is
 * gone stops receiving traffic instead of failing every request. Part of the readiness
 * group, never of liveness (restarting the service would not bring DynamoDB back).
 */
class DynamoDbHealthIndicator extends AbstractHealthIndicator {

	private final DynamoDbTable table;

	DynamoDbHealthIndicator(DynamoDbTable table) {
		super("DynamoDB table check failed");
		this.table = table;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		TableStatus status = this.table.status();
		builder.status((status == TableStatus.ACTIVE) ? "UP" : "DOWN")
			.withDetail("table", this.table.name())
			.withDetail("status", status.toString());
	}

}
