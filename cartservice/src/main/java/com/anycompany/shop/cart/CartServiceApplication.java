package com.anycompany.shop.cart;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.service.registry.ImportHttpServices;

/**
 * Shopping carts in DynamoDB; every product added is checked against catalogservice.
 */
@SpringBootApplication
@ImportHttpServices(group = "catalogservice", types = CatalogClient.class)
public class CartServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(CartServiceApplication.class, args);
	}

}
