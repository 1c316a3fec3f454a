package com.anycompany.shop.catalog.product;

import java.util.List;

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

	/**
	 * Named by CATALOG_TABLE (default ProductCatalog), hash key {@code id}, with the
	 * indexes {@link ProductRepository} queries.
	 */
	@Bean
	TableDefinition productTable(@Value("${shop.catalog.table}") String name) {
		return new TableDefinition(name, "id",
				List.of(new TableDefinition.Index(ProductRepository.CATEGORY_INDEX, "category", "id"),
						new TableDefinition.Index(ProductRepository.FEATURED_INDEX, "featured", "id")));
	}

}
