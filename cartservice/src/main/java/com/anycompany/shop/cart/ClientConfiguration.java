package com.anycompany.shop.cart;

import com.anycompany.shop.tracing.RemoteServiceClients;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClientConfiguration {

	@Bean
	CatalogClient catalogClient(RemoteServiceClients clients, @Value("${shop.endpoints.catalog}") String url) {
		return new CatalogClient(clients.builder("catalogservice", url).build());
	}

}
