package com.anycompany.shop.cart;

import com.anycompany.shop.support.dynamodb.TableDefinition;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Declares the service's table; the service-support module creates it when missing
 * (unless DYNAMODB_CREATE_TABLES=false), waits until it is ACTIVE, and reports it in the
 * readiness group as {@code dynamoDb}.
 */
@Configuration(proxyBeanMethods = false)
class CartTableConfiguration {

	/** Named by CARTS_TABLE (default Carts), hash key {@code cartId}. */
	@Bean
	TableDefinition cartTable(@Value("${shop.cart.table}") String name) {
		return new TableDefinition(name, "cartId");
	}

}
