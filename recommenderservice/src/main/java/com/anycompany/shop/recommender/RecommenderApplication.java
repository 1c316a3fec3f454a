package com.anycompany.shop.recommender;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * "You may also like": a few products related to one product, chosen from what the
 * catalog service says.
 */
@SpringBootApplication
public class RecommenderApplication {

	public static void main(String[] args) {
		SpringApplication.run(RecommenderApplication.class, args);
	}

}
