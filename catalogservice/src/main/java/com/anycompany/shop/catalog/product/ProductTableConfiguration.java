package com.anycompany.shop.catalog.product;

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
class ProductTableConfiguration {

	/** Named by CATALOG_TABLE (default ProductCatalog), hash key {@code id}. */
	@Bean
	TableDefinition productTable(@Value("${shop.catalog.table}") String name) {
		return new TableDefinition(name, "id");
	}

}
