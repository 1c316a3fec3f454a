package com.anycompany.shop.chaos;

import java.util.Map;

import com.anycompany.shop.clients.aws.AwsClients;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** A traced service with a DynamoDB client, as the shop's services are. */
@SpringBootApplication
class ChaosApplication {

	@Bean
	DynamoDbClient dynamoDb(AwsClients awsClients) {
		return awsClients.build(DynamoDbClient.builder());
	}

	@RestController
	static class HelloController {

		private final DynamoDbClient dynamoDb;

		HelloController(DynamoDbClient dynamoDb) {
			this.dynamoDb = dynamoDb;
		}

		@GetMapping("/hello")
		String hello() {
			return "hello";
		}

		@GetMapping("/lookup")
		String lookup() {
			try {
				return String.valueOf(this.dynamoDb
					.getItem((get) -> get.tableName("Nothing").key(Map.of("id", AttributeValue.fromS("x"))))
					.hasItem());
			}
			catch (DynamoDbException ex) {
				throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, ex.getClass().getSimpleName(), ex);
			}
		}

	}

}
