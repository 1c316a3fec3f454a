package com.anycompany.shop.order.system;

import com.anycompany.shop.tracing.AwsClients;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DynamoDbProperties.class)
class DynamoDbConfiguration {

	@Bean
	DynamoDbClient dynamoDb(AwsClients awsClients) {
		return awsClients.build(DynamoDbClient.builder());
	}

	@Bean
	DynamoDbTable orderTable(DynamoDbClient dynamoDb, DynamoDbProperties properties) {
		return new DynamoDbTable(dynamoDb, properties.table(), "orderId");
	}

	@Bean
	TableBootstrap tableBootstrap(DynamoDbTable table, DynamoDbProperties properties) {
		return new TableBootstrap(table, properties);
	}

	/** Named so that its health contributor is {@code dynamoDb}. */
	@Bean
	DynamoDbHealthIndicator dynamoDbHealthIndicator(DynamoDbTable table) {
		return new DynamoDbHealthIndicator(table);
	}

}
