package com.anycompany.shop.catalog.system;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The DynamoDB table of this service ({@code shop.dynamodb.*}). Where DynamoDB is and how
 * it is reached is {@code shop.clients.aws.*}, read by the tracing module.
 *
 * @param table name of the table (CATALOG_TABLE)
 * @param createTables create the table when it is missing (DYNAMODB_CREATE_TABLES); false
 * on AWS, where CloudFormation owns the tables
 * @param startupTimeout how long start-up waits for DynamoDB to answer and the table to
 * become ACTIVE before the service gives up
 */
@ConfigurationProperties("shop.dynamodb")
public record DynamoDbProperties(@DefaultValue("ProductCatalog") String table,
		@DefaultValue("true") boolean createTables, @DefaultValue("60s") Duration startupTimeout) {

}
