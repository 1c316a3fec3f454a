package com.anycompany.shop.clients.aws;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How a service's AWS SDK clients reach AWS ({@code shop.clients.aws.*}), read by
 * {@link AwsClients}.
 */
@ConfigurationProperties("shop.clients.aws")
public class AwsClientProperties {

	/**
	 * Region, always explicit so the SDK never looks it up from instance metadata.
	 */
	private String region = "us-east-1";

	/**
	 * Endpoint override (a local DynamoDB such as dynalite). When set, static dummy
	 * credentials are used and no credential chain runs.
	 */
	private String endpoint;

	/** Attempts per call, the first included: a refused connection must fail fast. */
	private int maxAttempts = 3;

	/** Time for a whole call, retries included. */
	private Duration apiCallTimeout = Duration.ofSeconds(3);

	/** Time for a single attempt. */
	private Duration apiCallAttemptTimeout = Duration.ofSeconds(1);

	/** Time allowed to open a connection. */
	private Duration connectTimeout = Duration.ofMillis(500);

	public String getRegion() {
		return this.region;
	}

	public void setRegion(String region) {
		this.region = region;
	}

	public String getEndpoint() {
		return this.endpoint;
	}

	public void setEndpoint(String endpoint) {
		this.endpoint = endpoint;
	}

	public int getMaxAttempts() {
		return this.maxAttempts;
	}

	public void setMaxAttempts(int maxAttempts) {
		this.maxAttempts = maxAttempts;
	}

	public Duration getApiCallTimeout() {
		return this.apiCallTimeout;
	}

	public void setApiCallTimeout(Duration apiCallTimeout) {
		this.apiCallTimeout = apiCallTimeout;
	}

	public Duration getApiCallAttemptTimeout() {
		return this.apiCallAttemptTimeout;
	}

	public void setApiCallAttemptTimeout(Duration apiCallAttemptTimeout) {
		this.apiCallAttemptTimeout = apiCallAttemptTimeout;
	}

	public Duration getConnectTimeout() {
		return this.connectTimeout;
	}

	public void setConnectTimeout(Duration connectTimeout) {
		this.connectTimeout = connectTimeout;
	}

}
