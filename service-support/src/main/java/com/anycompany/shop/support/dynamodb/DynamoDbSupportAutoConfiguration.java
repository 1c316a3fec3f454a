package com.anycompany.shop.support.dynamodb;

import com.anycompany.shop.clients.aws.AwsClients;
import com.anycompany.shop.clients.ServiceClientsAutoConfiguration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * DynamoDB for a service that brings the DynamoDB SDK: the client (built by
 * service-clients' {@link AwsClients}, so it gets the tracing interceptor and stays on
 * loopback locally), and for every {@link TableDefinition} bean the service declares, a
 * start-up bootstrap (create when missing and allowed, wait for ACTIVE) and the
 * {@code dynamoDb} health contributor for the readiness group. Every bean backs off when
 * the service defines its own.
 */
@AutoConfiguration(after = ServiceClientsAutoConfiguration.class)
@ConditionalOnClass(DynamoDbClient.class)
@EnableConfigurationProperties(ShopDynamoDbProperties.class)
public class DynamoDbSupportAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	public DynamoDbClient dynamoDbClient(AwsClients awsClients) {
		return awsClients.build(DynamoDbClient.builder());
	}

	@Bean
	@ConditionalOnMissingBean
	public DynamoDbTables dynamoDbTables(DynamoDbClient dynamoDb) {
		return new DynamoDbTables(dynamoDb);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(TableDefinition.class)
	public TableBootstrap tableBootstrap(DynamoDbTables tables, ObjectProvider<TableDefinition> definitions,
			ShopDynamoDbProperties properties) {
		return new TableBootstrap(tables, definitions.orderedStream().toList(), properties);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(AbstractHealthIndicator.class)
	@ConditionalOnEnabledHealthIndicator("dynamodb")
	static class DynamoDbHealthConfiguration {

		/** Named so that its health contributor is {@code dynamoDb}. */
		@Bean
		@ConditionalOnMissingBean(name = "dynamoDbHealthIndicator")
		@ConditionalOnBean(TableDefinition.class)
		public DynamoDbHealthIndicator dynamoDbHealthIndicator(DynamoDbTables tables,
				ObjectProvider<TableDefinition> definitions) {
			return new DynamoDbHealthIndicator(tables, definitions.orderedStream().toList());
		}

	}

}
