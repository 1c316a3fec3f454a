package com.anycompany.shop.recommender.recommendation;

import java.util.List;

import com.anycompany.shop.constraints.ShopId;
import com.anycompany.shop.recommender.catalog.Product;
import com.anycompany.shop.tracing.TraceAnnotations;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/recommender")
class RecommendationController {

	private final Recommender recommender;

	private final TraceAnnotations traceAnnotations;

	RecommendationController(Recommender recommender, TraceAnnotations traceAnnotations) {
		this.recommender = recommender;
		this.traceAnnotations = traceAnnotations;
	}

	@GetMapping("/{productId}")
	List<Product> recommendations(@PathVariable @ShopId String productId) {
		this.traceAnnotations.put("ProductID", productId);
		return this.recommender.recommendationsFor(productId);
	}

}
