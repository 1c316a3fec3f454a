package com.anycompany.shop.support.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** Limits on what a request may bring ({@code shop.web.*}). */
@ConfigurationProperties("shop.web")
public class ShopInputProperties {

	/**
	 * The largest request body a service reads; a larger one is answered 413 before
	 * anything parses it. The shop's largest legitimate body, an order, is under 2 KB.
	 */
	private DataSize maxRequestBody = DataSize.ofKilobytes(64);

	public DataSize getMaxRequestBody() {
		return this.maxRequestBody;
	}

	public void setMaxRequestBody(DataSize maxRequestBody) {
		this.maxRequestBody = maxRequestBody;
	}

}
