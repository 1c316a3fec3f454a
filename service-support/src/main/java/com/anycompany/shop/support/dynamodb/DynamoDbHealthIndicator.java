package com.anycompany.shop.support.dynamodb;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import software.amazon.awssdk.services.dynamodb.model.TableStatus;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Ready only while every table of the service answers and serves requests: ACTIVE, or
 * UPDATING (a capacity or index change, during which DynamoDB keeps serving reads and
 * writes). A pod whose DynamoDB is gone stops receiving traffic instead of failing every
 * request; a pod whose table is merely being resized stays, so throttling shows on the
 * map as throttling rather than as connection faults. Meant for the readiness group,
 * never for liveness (restarting the service would not bring DynamoDB back). Details:
 * {@code tables}, each table's name and status.
 */
public class DynamoDbHealthIndicator extends AbstractHealthIndicator {

	/** The table states in which DynamoDB answers reads and writes. */
	static final Set<TableStatus> SERVING = EnumSet.of(TableStatus.ACTIVE, TableStatus.UPDATING);

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
		boolean allServing = true;
		for (TableDefinition table : this.definitions) {
			TableStatus status = this.tables.status(table);
			statuses.put(table.name(), status.toString());
			allServing &= SERVING.contains(status);
		}
		builder.status(allServing ? "UP" : "DOWN").withDetail("tables", statuses);
	}

}
