package com.anycompany.shop.cart.system;

import java.time.Duration;
import java.util.List;

import com.anycompany.shop.testsupport.LocalDynamoDb;
import com.anycompany.shop.tracing.AwsClients;
import com.anycompany.shop.tracing.ShopClientProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

@ExtendWith(LocalDynamoDb.class)
class DynamoDbTableTests {

	private final DynamoDbClient dynamoDb = client(LocalDynamoDb.endpoint());

	@AfterEach
	void close() {
		this.dynamoDb.close();
	}

	@Test
	void createsAMissingTableAndWaitsUntilActive() throws Exception {
		DynamoDbTable table = new DynamoDbTable(this.dynamoDb, "BootstrapCreates", "id");
		new TableBootstrap(table, new DynamoDbProperties(table.name(), true, Duration.ofSeconds(10)))
			.run(new DefaultApplicationArguments());
		assertThat(table.status()).isEqualTo(TableStatus.ACTIVE);
		assertThat(new DynamoDbHealthIndicator(table).health(true).getStatus()).isEqualTo(Status.UP);
		// a second start finds the table and leaves it alone
		table.ensureActive(true, Duration.ofSeconds(5));
	}

	@Test
	void withCreationOffAMissingTableFailsStartUpClearly() {
		DynamoDbTable table = new DynamoDbTable(this.dynamoDb, "NeverCreated", "id");
		TableBootstrap bootstrap = new TableBootstrap(table,
				new DynamoDbProperties(table.name(), false, Duration.ofSeconds(1)));
		assertThatIllegalStateException().isThrownBy(() -> bootstrap.run(new DefaultApplicationArguments()))
			.withMessageContaining("NeverCreated")
			.withMessageContaining("DYNAMODB_CREATE_TABLES=false");
		assertThat(new DynamoDbHealthIndicator(table).health(true).getStatus()).isEqualTo(Status.DOWN);
	}

	@Test
	void unreachableDynamoDbIsDownAndGivesUpAfterTheStartupTimeout() {
		try (DynamoDbClient unreachable = client("http://127.0.0.1:9")) {
			DynamoDbTable table = new DynamoDbTable(unreachable, "Anything", "id");
			assertThat(new DynamoDbHealthIndicator(table).health(true).getStatus()).isEqualTo(Status.DOWN);
			TableBootstrap bootstrap = new TableBootstrap(table,
					new DynamoDbProperties(table.name(), true, Duration.ofMillis(500)));
			assertThatIllegalStateException().isThrownBy(() -> bootstrap.run(new DefaultApplicationArguments()))
				.withMessageContaining("did not answer");
		}
	}

	private static DynamoDbClient client(String endpoint) {
		ShopClientProperties properties = new ShopClientProperties();
		properties.getAws().setEndpoint(endpoint);
		return new AwsClients(properties.getAws(), List.of()).build(DynamoDbClient.builder());
	}

}
