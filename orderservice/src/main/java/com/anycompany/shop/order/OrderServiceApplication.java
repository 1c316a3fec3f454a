package com.anycompany.shop.order;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.service.registry.ImportHttpServices;

/**
 * Places orders: reads the cart from cartservice, prices every line with catalogservice
 * and stores the order in DynamoDB, once per idempotency key.
 */
@SpringBootApplication
@ImportHttpServices(group = "cartservice", types = CartClient.class)
@ImportHttpServices(group = "catalogservice", types = CatalogClient.class)
public class OrderServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(OrderServiceApplication.class, args);
	}

}
