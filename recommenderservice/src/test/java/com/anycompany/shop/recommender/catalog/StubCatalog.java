package com.anycompany.shop.recommender.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import com.anycompany.shop.testsupport.StubHttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * A catalog service on a loopback port that speaks the catalog's contract over real HTTP
 * (the products below, by id and by category; {@code P-0500} fails with a 500) and
 * remembers what it was asked.
 */
public final class StubCatalog implements AutoCloseable {

	public static final List<Product> PRODUCTS = List.of(product("P-0001", "Copper Kettle", "kitchen", "34.90"),
			product("P-0002", "Cast Iron Skillet", "kitchen", "49.00"),
			product("P-0003", "Bamboo Cutting Board", "kitchen", "24.50"),
			product("P-0004", "Ceramic Pour-Over Set", "kitchen", "39.00"),
			product("P-0005", "Chef's Knife", "kitchen", "89.00"), product("P-0006", "Linen Apron", "kitchen", "29.00"),
			product("P-0007", "Terracotta Planter", "garden", "19.90"),
			product("P-0008", "Watering Can", "garden", "27.50"));

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final StubHttpServer server = new StubHttpServer();

	public StubCatalog() {
		this.server.answer("GET", "/api/v1/products", 200, JSON.writeValueAsString(PRODUCTS));
		PRODUCTS.stream().map(Product::category).distinct().forEach((category) -> {
			List<Product> inCategory = PRODUCTS.stream().filter((p) -> p.category().equals(category)).toList();
			this.server.answer("GET", "/api/v1/products?category=" + category, 200,
					JSON.writeValueAsString(inCategory));
		});
		for (Product product : PRODUCTS) {
			this.server.answer("GET", "/api/v1/product/" + product.id(), 200, JSON.writeValueAsString(product));
		}
		this.server.answer("GET", "/api/v1/product/P-0500", 500, "{\"status\":500}");
	}

	public String url() {
		return this.server.url();
	}

	/** What was asked, in order. */
	public List<StubHttpServer.Received> calls() {
		return this.server.received();
	}

	public void clear() {
		this.server.clear();
	}

	@Override
	public void close() {
		this.server.close();
	}

	private static Product product(String id, String name, String category, String price) {
		return new Product(id, name, name + ", for tests", category, new BigDecimal(price), "USD",
				"product-" + id.toLowerCase(Locale.ROOT), List.of(category));
	}

}
