package com.anycompany.shop.recommender.catalog;

import com.anycompany.shop.tracing.RemoteServiceClients;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CatalogClientConfiguration {

	@Bean
	CatalogClient catalogClient(RemoteServiceClients clients, @Value("${shop.endpoints.catalog}") String catalogUrl) {
		return new CatalogClient(clients.builder("catalogservice", catalogUrl).build());
	}

}
