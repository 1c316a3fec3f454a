package com.anycompany.shop.order;

import com.anycompany.shop.tracing.RemoteServiceClients;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClientConfiguration {

	@Bean
	CartClient cartClient(RemoteServiceClients clients) {
		return clients.service(CartClient.class, "cartservice");
	}

	@Bean
	CatalogClient catalogClient(RemoteServiceClients clients) {
		return clients.service(CatalogClient.class, "catalogservice");
	}

}
