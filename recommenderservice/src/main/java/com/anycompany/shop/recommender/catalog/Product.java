package com.anycompany.shop.recommender.catalog;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A product as the catalog service describes it; recommendations pass it on unchanged.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Product(String id, String name, String description, String category, BigDecimal price, String currency,
		String image, List<String> tags) {

}
