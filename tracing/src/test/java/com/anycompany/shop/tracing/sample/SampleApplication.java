package com.anycompany.shop.tracing.sample;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.amazonaws.xray.spring.aop.XRayEnabled;
import com.anycompany.shop.clients.aws.AwsClients;
import com.anycompany.shop.clients.problem.DownstreamRejectedException;
import com.anycompany.shop.clients.problem.DownstreamUnavailableException;
import com.anycompany.shop.tracing.TraceAnnotations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.retry.backoff.FixedDelayBackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.stereotype.Service;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.registry.ImportHttpServices;

/** A small service that uses the tracing module the way the shop's services do. */
@SpringBootApplication
@ImportHttpServices(group = "downstream", types = SampleApplication.Downstream.class)
@ImportHttpServices(group = "closedservice", types = SampleApplication.ClosedService.class)
public class SampleApplication {

	static final String TABLE = "SampleTable";

	@Bean
	DynamoDbClient dynamoDb(AwsClients awsClients) {
		DynamoDbClient client = awsClients.build(DynamoDbClient.builder());
		ensureTable(client, TABLE);
		return client;
	}

	/** A table keyed by the string {@code id}, created when missing and waited for. */
	public static void ensureTable(DynamoDbClient client, String table) {
		if (client.listTables().tableNames().contains(table)) {
			return;
		}
		client.createTable((create) -> create.tableName(table)
			.billingMode(BillingMode.PAY_PER_REQUEST)
			.attributeDefinitions(
					AttributeDefinition.builder().attributeName("id").attributeType(ScalarAttributeType.S).build())
			.keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build()));
		// the waiter's default is 20 s between looks; the local DynamoDB takes 50 ms
		DynamoDbWaiter.builder()
			.client(client)
			.overrideConfiguration(
					(waiter) -> waiter.backoffStrategy(FixedDelayBackoffStrategy.create(Duration.ofMillis(50))))
			.build()
			.waitUntilTableExists((describe) -> describe.tableName(table));
	}

	/** A service that answers with the status it is asked for. */
	public interface Downstream {

		@GetExchange("/status/{status}")
		String status(@PathVariable String status, @RequestParam(required = false) String item);

	}

	/** A service that is not there. */
	public interface ClosedService {

		@GetExchange("/anything")
		String anything();

	}

	@Service
	@XRayEnabled
	public static class Pricing {

		public int price(String item) {
			if (item.equals("refused")) {
				throw new org.springframework.web.server.ResponseStatusException(
						org.springframework.http.HttpStatus.CONFLICT, "nothing to price");
			}
			return item.length() * 100;
		}

	}

	static class Rejected extends RuntimeException {

		final int status;

		Rejected(int status) {
			super("rejected with " + status);
			this.status = status;
		}

	}

	@RestController
	static class SampleController {

		private static final Logger logger = LoggerFactory.getLogger(SampleController.class);

		private final Downstream downstream;

		private final ClosedService closedService;

		private final DynamoDbClient dynamoDb;

		private final AsyncTaskExecutor executor;

		private final Pricing pricing;

		private final TraceAnnotations annotations;

		SampleController(Downstream downstream, ClosedService closedService, DynamoDbClient dynamoDb,
				AsyncTaskExecutor applicationTaskExecutor, Pricing pricing, TraceAnnotations annotations) {
			this.downstream = downstream;
			this.closedService = closedService;
			this.dynamoDb = dynamoDb;
			this.executor = applicationTaskExecutor;
			this.pricing = pricing;
			this.annotations = annotations;
		}

		@GetMapping("/call/{status}")
		String call(@PathVariable String status) {
			this.annotations.put("ProductID", "P-0042");
			logger.info("calling downstream for status {}", status);
			try {
				return this.downstream.status(status, null);
			}
			catch (DownstreamRejectedException | DownstreamUnavailableException ex) {
				return "downstream failed: " + ex.getClass().getSimpleName();
			}
		}

		@GetMapping("/sequence")
		String sequence() {
			String first = this.downstream.status("200", "first");
			String second = this.downstream.status("200", "second");
			return first + second + this.pricing.price("after");
		}

		@GetMapping("/refused")
		String refused() {
			try {
				return this.closedService.anything();
			}
			catch (DownstreamUnavailableException ex) {
				return "closed service failed: " + ex.getClass().getSimpleName();
			}
		}

		@GetMapping("/fanout/{count}")
		List<String> fanOut(@PathVariable int count) {
			List<CompletableFuture<String>> calls = java.util.stream.IntStream.range(0, count)
				.mapToObj((i) -> CompletableFuture.supplyAsync(() -> this.downstream.status("200", String.valueOf(i)),
						this.executor))
				.toList();
			return calls.stream().map(CompletableFuture::join).toList();
		}

		@GetMapping("/dynamo/{id}")
		String dynamo(@PathVariable String id) {
			this.dynamoDb.putItem((put) -> put.tableName(TABLE).item(java.util.Map.of("id", AttributeValue.fromS(id))));
			return this.dynamoDb
				.getItem((get) -> get.tableName(TABLE).key(java.util.Map.of("id", AttributeValue.fromS(id))))
				.item()
				.get("id")
				.s();
		}

		@GetMapping("/unavailable")
		String unavailable() {
			throw new IllegalStateException("inventory is offline");
		}

		@org.springframework.web.bind.annotation.ExceptionHandler(IllegalStateException.class)
		org.springframework.http.ResponseEntity<String> offline(IllegalStateException ex) {
			return org.springframework.http.ResponseEntity.status(503).body(ex.getMessage());
		}

		/** Answers with the status asked for, no exception involved. */
		@GetMapping("/answer/{status}")
		org.springframework.http.ResponseEntity<String> answer(@PathVariable int status) {
			return org.springframework.http.ResponseEntity.status(status).body("answered " + status);
		}

		/** Throws; the exception handler below answers with the status asked for. */
		@GetMapping("/handled/{status}")
		String handled(@PathVariable int status) {
			throw new Rejected(status);
		}

		@org.springframework.web.bind.annotation.ExceptionHandler(Rejected.class)
		org.springframework.http.ResponseEntity<String> rejected(Rejected ex) {
			return org.springframework.http.ResponseEntity.status(ex.status).body(ex.getMessage());
		}

		/** Throws what nothing handles: Spring Boot's error handling answers 500. */
		@GetMapping("/unhandled")
		String unhandled() {
			throw new UnsupportedOperationException("nobody handles this");
		}

		/** Work handed to a pool that does not carry the trace context. */
		@GetMapping("/lost")
		String lost() {
			return CompletableFuture.supplyAsync(() -> this.downstream.status("200", "lost")).join();
		}

		@GetMapping("/price/{item}")
		int price(@PathVariable String item) {
			return this.pricing.price(item);
		}

	}

}
