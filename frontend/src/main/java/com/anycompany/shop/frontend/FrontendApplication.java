package com.anycompany.shop.frontend;

import com.anycompany.shop.frontend.cart.CartClient.CartApi;
import com.anycompany.shop.frontend.checkout.OrderClient.OrderApi;
import com.anycompany.shop.frontend.image.ImageClient.ImageApi;
import com.anycompany.shop.frontend.product.CatalogApi;
import com.anycompany.shop.frontend.product.RecommenderClient.RecommenderApi;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.web.service.registry.ImportHttpServices;

/**
 * The AnyCompany Shop storefront: server-side pages over the catalog, cart, order,
 * recommender and image services.
 */
// shoppers never log in: Spring Security is here for CSRF and headers only, so no
// generated user and password
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ImportHttpServices(group = "catalogservice", types = CatalogApi.class)
@ImportHttpServices(group = "cartservice", types = CartApi.class)
@ImportHttpServices(group = "orderservice", types = OrderApi.class)
@ImportHttpServices(group = "recommenderservice", types = RecommenderApi.class)
@ImportHttpServices(group = "imageservice", types = ImageApi.class)
public class FrontendApplication {

	public static void main(String[] args) {
		SpringApplication.run(FrontendApplication.class, args);
	}

}
