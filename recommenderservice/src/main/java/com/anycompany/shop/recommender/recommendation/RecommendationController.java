package com.anycompany.shop.recommender.recommendation;

import java.util.List;
import java.util.regex.Pattern;

import com.anycompany.shop.recommender.catalog.Product;
import com.anycompany.shop.tracing.TraceAnnotations;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
@RequestMapping("/api/v1/recommender")
class RecommendationController {

	/** The shape every id in the shop has; anything else never reaches the catalog. */
	private static final Pattern PRODUCT_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

	private final Recommender recommender;

	private final TraceAnnotations traceAnnotations;

	RecommendationController(Recommender recommender, TraceAnnotations traceAnnotations) {
		this.recommender = recommender;
		this.traceAnnotations = traceAnnotations;
	}

	@GetMapping("/{productId}")
	List<Product> recommendations(@PathVariable String productId) {
		if (!PRODUCT_ID.matcher(productId).matches()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"A product id is 1 to 64 letters, digits or dashes, like P-0001");
		}
		this.traceAnnotations.put("ProductID", productId);
		return this.recommender.recommendationsFor(productId);
	}

}
