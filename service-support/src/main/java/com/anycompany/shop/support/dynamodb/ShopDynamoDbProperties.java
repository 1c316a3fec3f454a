package com.anycompany.shop.support.dynamodb;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What start-up does about the service's DynamoDB tables ({@code shop.dynamodb.*}). Where
 * DynamoDB is and how it is reached is {@code shop.clients.aws.*}, read by
 * service-clients; which tables there are, the service says with {@link TableDefinition}
 * beans.
 */
@ConfigurationProperties("shop.dynamodb")
public class ShopDynamoDbProperties {

	/**
	 * Create a declared table when it is missing (services map DYNAMODB_CREATE_TABLES).
	 * False on AWS, where CloudFormation owns the tables: a missing table then fails
	 * start-up.
	 */
	private boolean createTables = true;

	/**
	 * How long start-up waits for DynamoDB to answer and every declared table to become
	 * ACTIVE before the service gives up.
	 */
	private Duration startupTimeout = Duration.ofSeconds(60);

	public boolean isCreateTables() {
		return this.createTables;
	}

	public void setCreateTables(boolean createTables) {
		this.createTables = createTables;
	}

	public Duration getStartupTimeout() {
		return this.startupTimeout;
	}

	public void setStartupTimeout(Duration startupTimeout) {
		this.startupTimeout = startupTimeout;
	}

}
