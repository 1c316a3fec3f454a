package com.anycompany.shop.support.web;

import java.util.Map;

import com.anycompany.shop.clients.catalog.ProductNotFoundException;
import com.anycompany.shop.clients.problem.ProblemException;
import com.anycompany.shop.constraints.ShopId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import software.amazon.awssdk.core.exception.SdkClientException;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A service with a controller that fails in every way the shop's services can. */
@SpringBootApplication
public class SampleApplication {

	@RestController
	static class SampleController {

		@PostMapping("/orders")
		OrderRequest place(@Valid @RequestBody OrderRequest order) {
			return order;
		}

		/** An untyped body, as Spring Boot Actuator reads every operation's body. */
		@PostMapping("/settings")
		Map<String, String> settings(@RequestBody Map<String, String> settings) {
			return settings;
		}

		@GetMapping("/search")
		String search(@RequestParam @Pattern(regexp = "[a-z]{1,8}") String q,
				@RequestParam(defaultValue = "1") int page) {
			return q + page;
		}

		@GetMapping("/items/{id}")
		String item(@PathVariable @ShopId String id) {
			return id;
		}

		@GetMapping("/fail/{kind}")
		String fail(@PathVariable String kind) {
			switch (kind) {
				case "storage" -> throw SdkClientException.create("Unable to execute HTTP request to secret-host");
				case "gone" -> throw new ProblemException(HttpStatus.GONE, "Product gone", "Sold out for good",
						Map.of("restock", false));
				case "product" -> throw new ProductNotFoundException("P-0999");
				default -> throw new IllegalStateException("secret internals");
			}
		}

	}

	record OrderRequest(@NotBlank String name, @Min(1) int quantity) {

	}

}
