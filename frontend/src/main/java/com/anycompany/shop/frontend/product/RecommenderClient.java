package com.anycompany.shop.frontend.product;

import java.util.List;

import com.anycompany.shop.tracing.RemoteServiceClients;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Calls recommenderservice. Recommendations are a nice extra: when the service fails the
 * product page is shown without them (the trace still shows the fault).
 */
@Component
public class RecommenderClient {

	static final String SERVICE = "recommenderservice";

	private static final Logger logger = LoggerFactory.getLogger(RecommenderClient.class);

	private static final ParameterizedTypeReference<List<Product>> PRODUCTS = new ParameterizedTypeReference<>() {
	};

	private final RestClient rest;

	public RecommenderClient(RemoteServiceClients clients, @Value("${shop.endpoints.recommender}") String baseUrl) {
		this.rest = clients.builder(SERVICE, baseUrl).build();
	}

	/** Up to four other products for this one; empty when there are none to be had. */
	public List<Product> recommendationsFor(String productId) {
		try {
			List<Product> products = this.rest.get()
				.uri("/api/v1/recommender/{id}", productId)
				.retrieve()
				.body(PRODUCTS);
			return (products != null) ? products : List.of();
		}
		catch (RestClientException ex) {
			logger.warn("No recommendations for {}: {}", productId, ex.getMessage());
			return List.of();
		}
	}

}
