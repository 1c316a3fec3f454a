package com.anycompany.shop.frontend.system;

/**
 * A service the page cannot do without (catalog, cart, orders) did not answer, answered
 * with a server error, or timed out. Shown to the shopper as a friendly 503 page.
 */
public class ServiceUnavailableException extends RuntimeException {

	private final String serviceName;

	public ServiceUnavailableException(String serviceName, Throwable cause) {
		super(serviceName + " is unavailable", cause);
		this.serviceName = serviceName;
	}

	public String getServiceName() {
		return this.serviceName;
	}

}
