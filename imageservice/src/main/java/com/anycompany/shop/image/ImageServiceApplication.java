package com.anycompany.shop.image;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Product and marketing images, drawn by this project with Java2D and scaled on request.
 */
@SpringBootApplication
public class ImageServiceApplication {

	public static void main(String[] args) {
		// drawing needs no display; containers have none
		System.setProperty("java.awt.headless", "true");
		SpringApplication.run(ImageServiceApplication.class, args);
	}

}
