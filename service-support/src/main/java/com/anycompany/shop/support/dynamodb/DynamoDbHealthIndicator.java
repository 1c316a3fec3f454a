package com.anycompany.shop.support.dynamodb;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.services.dynamodb.model.TableStatus;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Ready only while every table of the service answers and is ACTIVE: a pod whose DynamoDB
 * is gone stops receiving traffic instead of failing every request. Meant for the
 * readiness group, never for liveness (restarting the service would not bring DynamoDB
 * back). Details: {@code tables}, each table's name and status.
 */
public class DynamoDbHealthIndicator extends AbstractHealthIndicator {

	private final DynamoDbTables tables;

	private final List<TableDefinition> definitions;

	public DynamoDbHealthIndicator(DynamoDbTables tables, List<TableDefinition> definitions) {
		super("DynamoDB table check failed");
		this.tables = tables;
		this.definitions = List.copyOf(definitions);
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		Map<String, String> statuses = new LinkedHashMap<>();
		boolean allActive = true;
		for (TableDefinition table : this.definitions) {
			TableStatus status = this.tables.status(table);
			statuses.put(table.name(), status.toString());
			allActive &= (status == TableStatus.ACTIVE);
		}
		builder.status(allActive ? "UP" : "DOWN").withDetail("tables", statuses);
	}

}
