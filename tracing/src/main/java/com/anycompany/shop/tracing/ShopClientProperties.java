package com.anycompany.shop.tracing;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How services reach other services and AWS ({@code shop.clients.*}). The clients built
 * from these are traced whenever tracing is on, so no service can forget it.
 */
@ConfigurationProperties("shop.clients")
public class ShopClientProperties {

	/** Time allowed to open a connection to another service. */
	private Duration connectTimeout = Duration.ofSeconds(1);

	/** Time allowed for another service to answer. */
	private Duration readTimeout = Duration.ofSeconds(3);

	/**
	 * The services this one calls, by the name they have on the service map
	 * ({@code shop.clients.services.catalogservice.base-url=...}).
	 */
	private final Map<String, Service> services = new LinkedHashMap<>();

	private final Aws aws = new Aws();

	public Duration getConnectTimeout() {
		return this.connectTimeout;
	}

	public void setConnectTimeout(Duration connectTimeout) {
		this.connectTimeout = connectTimeout;
	}

	public Duration getReadTimeout() {
		return this.readTimeout;
	}

	public void setReadTimeout(Duration readTimeout) {
		this.readTimeout = readTimeout;
	}

	public Map<String, Service> getServices() {
		return this.services;
	}

	public Aws getAws() {
		return this.aws;
	}

	/** Where another service listens and how long to wait for it. */
	public static class Service {

		/**
		 * Base URL, e.g. http://localhost:8081 (each service maps its *_ENDPOINT
		 * variable).
		 */
		private String baseUrl;

		/**
		 * Time allowed for this service to answer, when it differs from
		 * shop.clients.read-timeout: a caller waits longer than the whole chain of calls
		 * behind the callee takes.
		 */
		private Duration readTimeout;

		public String getBaseUrl() {
			return this.baseUrl;
		}

		public void setBaseUrl(String baseUrl) {
			this.baseUrl = baseUrl;
		}

		public Duration getReadTimeout() {
			return this.readTimeout;
		}

		public void setReadTimeout(Duration readTimeout) {
			this.readTimeout = readTimeout;
		}

	}

	/** AWS SDK clients. */
	public static class Aws {

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

}
