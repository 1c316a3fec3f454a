package com.anycompany.shop.frontend;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;

/**
 * The AnyCompany Shop storefront: server-side pages over the catalog, cart, order,
 * recommender and image services.
 */
// shoppers never log in: Spring Security is here for CSRF and headers only, so no
// generated user and password
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
public class FrontendApplication {

	public static void main(String[] args) {
		SpringApplication.run(FrontendApplication.class, args);
	}

}
