package com.anycompany.shop.recommender;

import com.anycompany.shop.recommender.catalog.CatalogClient;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.service.registry.ImportHttpServices;

/**
 * "You may also like": a few products related to one product, chosen from what the
 * catalog service says.
 */
@SpringBootApplication
@ImportHttpServices(group = "catalogservice", types = CatalogClient.class)
public class RecommenderApplication {

	public static void main(String[] args) {
		SpringApplication.run(RecommenderApplication.class, args);
	}

}
