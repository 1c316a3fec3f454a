package com.anycompany.shop.recommender.catalog;

import com.anycompany.shop.tracing.RemoteServiceClients;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CatalogClientConfiguration {

	@Bean
	CatalogClient catalogClient(RemoteServiceClients clients) {
		return clients.service(CatalogClient.class, "catalogservice");
	}

}
