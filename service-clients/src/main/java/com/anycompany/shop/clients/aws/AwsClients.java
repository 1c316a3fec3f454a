package com.anycompany.shop.clients.aws;

import java.net.URI;
import java.util.List;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;

import org.springframework.util.StringUtils;

/**
 * Finishes any AWS SDK v2 client builder the way this project needs it: every
 * {@link ExecutionInterceptor} bean of the service (the X-Ray SDK's
 * {@code TracingInterceptor} while tracing is on), an explicit region, deliberate retry
 * and timeout settings, and, with a local endpoint, static dummy credentials so nothing
 * leaves loopback.
 *
 * <pre>
 * DynamoDbClient dynamo = awsClients.build(DynamoDbClient.builder());
 * </pre>
 */
public class AwsClients {

	private final AwsClientProperties properties;

	private final List<ExecutionInterceptor> interceptors;

	public AwsClients(AwsClientProperties properties, List<ExecutionInterceptor> interceptors) {
		this.properties = properties;
		this.interceptors = List.copyOf(interceptors);
	}

	public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(B builder) {
		return configure(builder).build();
	}

	public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> B configure(B builder) {
		builder.region(Region.of(this.properties.getRegion()));
		if (StringUtils.hasText(this.properties.getEndpoint())) {
			builder.endpointOverride(URI.create(this.properties.getEndpoint()));
			builder.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
		}
		builder.httpClientBuilder(ApacheHttpClient.builder().connectionTimeout(this.properties.getConnectTimeout()));
		builder.overrideConfiguration((config) -> {
			this.interceptors.forEach(config::addExecutionInterceptor);
			config.retryStrategy((retry) -> retry.maxAttempts(this.properties.getMaxAttempts()));
			config.apiCallTimeout(this.properties.getApiCallTimeout());
			config.apiCallAttemptTimeout(this.properties.getApiCallAttemptTimeout());
		});
		return builder;
	}

}
