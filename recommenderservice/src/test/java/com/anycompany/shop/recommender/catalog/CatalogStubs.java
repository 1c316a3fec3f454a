package com.anycompany.shop.recommender.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/**
 * The catalog's contract as WireMock stubs: the products below by id and by category,
 * {@code P-0500} failing with a 500, any other product not found.
 */
public final class CatalogStubs {

	public static final List<Product> PRODUCTS = List.of(product("P-0001", "Copper Kettle", "kitchen", "34.90"),
			product("P-0002", "Cast Iron Skillet", "kitchen", "49.00"),
			product("P-0003", "Bamboo Cutting Board", "kitchen", "24.50"),
			product("P-0004", "Ceramic Pour-Over Set", "kitchen", "39.00"),
			product("P-0005", "Chef's Knife", "kitchen", "89.00"), product("P-0006", "Linen Apron", "kitchen", "29.00"),
			product("P-0007", "Terracotta Planter", "garden", "19.90"),
			product("P-0008", "Watering Can", "garden", "27.50"));

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private CatalogStubs() {
	}

	/** Stubs the catalog's answers on this server (again after each reset). */
	public static void register(WireMockExtension catalog) {
		catalog.stubFor(get("/api/v1/products").willReturn(okJson(JSON.writeValueAsString(PRODUCTS))));
		PRODUCTS.stream().map(Product::category).distinct().forEach((category) -> {
			List<Product> inCategory = PRODUCTS.stream().filter((p) -> p.category().equals(category)).toList();
			catalog.stubFor(get(urlEqualTo("/api/v1/products?category=" + category))
				.willReturn(okJson(JSON.writeValueAsString(inCategory))));
		});
		for (Product product : PRODUCTS) {
			catalog
				.stubFor(get("/api/v1/product/" + product.id()).willReturn(okJson(JSON.writeValueAsString(product))));
		}
		catalog.stubFor(get("/api/v1/product/P-0500").willReturn(
				serverError().withHeader("Content-Type", "application/problem+json").withBody("{\"status\":500}")));
		catalog.stubFor(get(urlPathMatching("/api/v1/product/.*")).atPriority(10)
			.willReturn(notFound().withHeader("Content-Type", "application/problem+json")
				.withBody("{\"status\":404,\"title\":\"Product not found\"}")));
	}

	private static Product product(String id, String name, String category, String price) {
		return new Product(id, name, name + ", for tests", category, new BigDecimal(price), "USD",
				"product-" + id.toLowerCase(Locale.ROOT), List.of(category));
	}

}
