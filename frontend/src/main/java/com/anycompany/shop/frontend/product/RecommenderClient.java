package com.anycompany.shop.frontend.product;

import java.util.List;

import com.anycompany.shop.clients.problem.DownstreamRejectedException;
import com.anycompany.shop.clients.problem.DownstreamUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

/**
 * Recommendations are a nice extra: when recommenderservice fails the product page is
 * shown without them (the trace still shows the fault).
 */
@Component
public class RecommenderClient {

	private static final Logger logger = LoggerFactory.getLogger(RecommenderClient.class);

	private final RecommenderApi api;

	public RecommenderClient(RecommenderApi api) {
		this.api = api;
	}

	/** Up to four other products for this one; empty when there are none to be had. */
	public List<Product> recommendationsFor(String productId) {
		try {
			List<Product> products = this.api.recommendations(productId);
			return (products != null) ? products : List.of();
		}
		catch (DownstreamUnavailableException | DownstreamRejectedException ex) {
			logger.warn("No recommendations for {}: {}", productId, ex.getMessage());
			return List.of();
		}
	}

	/** The HTTP service group {@code recommenderservice}. */
	@HttpExchange("/api/v1/recommender")
	public interface RecommenderApi {

		@GetExchange("/{productId}")
		List<Product> recommendations(@PathVariable String productId);

	}

}
