package com.anycompany.shop.support.dynamodb;

import java.time.Duration;

import com.anycompany.shop.testsupport.LocalDynamoDb;
import com.anycompany.shop.clients.ServiceClientsAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.mockito.Mockito.mock;

/**
 * The auto-configuration against dynalite: what a service gets by declaring a table, what
 * the settings change, and that a service's own beans win.
 */
@ExtendWith(LocalDynamoDb.class)
class DynamoDbSupportAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(ServiceClientsAutoConfiguration.class, DynamoDbSupportAutoConfiguration.class))
		.withPropertyValues("shop.clients.aws.endpoint=" + LocalDynamoDb.endpoint());

	@Test
	void aDeclaredTableIsCreatedWaitedForAndReportedByDefault() {
		this.runner.withBean(TableDefinition.class, () -> new TableDefinition("AutoConfigured", "id"))
			.run((context) -> {
				assertThat(context).hasSingleBean(DynamoDbClient.class)
					.hasSingleBean(TableBootstrap.class)
					.hasBean("dynamoDbHealthIndicator");
				ShopDynamoDbProperties properties = context.getBean(ShopDynamoDbProperties.class);
				assertThat(properties.isCreateTables()).isTrue();
				assertThat(properties.getStartupTimeout()).isEqualTo(Duration.ofSeconds(60));

				context.getBean(TableBootstrap.class).run(new DefaultApplicationArguments());

				TableDefinition table = context.getBean(TableDefinition.class);
				assertThat(context.getBean(DynamoDbTables.class).status(table)).isEqualTo(TableStatus.ACTIVE);
				Health health = context.getBean("dynamoDbHealthIndicator", HealthIndicator.class).health(true);
				assertThat(health.getStatus()).isEqualTo(Status.UP);
			});
	}

	@Test
	void withCreateTablesOffAMissingTableFailsStartUp() {
		this.runner.withBean(TableDefinition.class, () -> new TableDefinition("NotCreatedHere", "id"))
			.withPropertyValues("shop.dynamodb.create-tables=false", "shop.dynamodb.startup-timeout=1s")
			.run((context) -> {
				assertThatIllegalStateException()
					.isThrownBy(() -> context.getBean(TableBootstrap.class).run(new DefaultApplicationArguments()))
					.withMessageContaining("NotCreatedHere")
					.withMessageContaining("DYNAMODB_CREATE_TABLES=false");
				assertThat(context.getBean("dynamoDbHealthIndicator", HealthIndicator.class).health(true).getStatus())
					.isEqualTo(Status.DOWN);
			});
	}

	@Test
	void withoutADeclaredTableThereIsOnlyTheClient() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(DynamoDbClient.class)
			.doesNotHaveBean(TableBootstrap.class)
			.doesNotHaveBean("dynamoDbHealthIndicator"));
	}

	@Test
	void theServicesOwnBeansWin() {
		DynamoDbClient own = mock(DynamoDbClient.class);
		HealthIndicator ownHealth = () -> Health.up().build();
		this.runner.withUserConfiguration(OwnBeans.class)
			.withBean(DynamoDbClient.class, () -> own)
			.withBean("dynamoDbHealthIndicator", HealthIndicator.class, () -> ownHealth)
			.run((context) -> {
				assertThat(context.getBean(DynamoDbClient.class)).isSameAs(own);
				assertThat(context.getBean("dynamoDbHealthIndicator")).isSameAs(ownHealth);
				assertThat(context).hasSingleBean(TableBootstrap.class);
			});
	}

	@Test
	void theReadinessCheckCanBeSwitchedOff() {
		this.runner.withUserConfiguration(OwnBeans.class)
			.withPropertyValues("management.health.dynamodb.enabled=false")
			.run((context) -> assertThat(context).hasSingleBean(TableBootstrap.class)
				.doesNotHaveBean("dynamoDbHealthIndicator"));
	}

	@Test
	void withoutTheDynamoDbSdkNothingIsConfigured() {
		this.runner.withUserConfiguration(OwnBeans.class)
			.withClassLoader(new FilteredClassLoader(DynamoDbClient.class))
			.run((context) -> assertThat(context).doesNotHaveBean(DynamoDbTables.class)
				.doesNotHaveBean(TableBootstrap.class)
				.doesNotHaveBean(ShopDynamoDbProperties.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnBeans {

		@Bean
		TableDefinition ownTable() {
			return new TableDefinition("OwnTable", "id");
		}

	}

}
