package com.anycompany.shop.xraylocal.query;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RoutesTests {

	@Test
	void idsBecomeOneRouteAndVersionsStay() {
		assertThat(Routes.of("http://localhost:8080/product/P-0001")).isEqualTo("/product/{id}");
		assertThat(Routes.of("http://127.0.0.1:8082/api/v1/cart/3f2a9c1e-77aa-4c1b-9d3e-0a1b2c3d4e5f"))
			.isEqualTo("/api/v1/cart/{id}");
		assertThat(Routes.of("http://localhost:8082/api/v1/cart/abc1/item/P-0003"))
			.isEqualTo("/api/v1/cart/{id}/item/{id}");
		assertThat(Routes.of("http://localhost:8081/api/v1/products?category=kitchen")).isEqualTo("/api/v1/products");
		assertThat(Routes.of("/api/v1/image/P-0001.png?width=300")).isEqualTo("/api/v1/image/{id}.png");
	}

	@Test
	void pathsWithoutIdsAndOddUrlsStayReadable() {
		assertThat(Routes.of("http://localhost:8080/")).isEqualTo("/");
		assertThat(Routes.of(null)).isEqualTo("/");
		assertThat(Routes.of("http://localhost:8080/cart/checkout")).isEqualTo("/cart/checkout");
		assertThat(Routes.of("http://localhost:8080/search me/42?q=a b")).isEqualTo("/search me/{id}");
	}

}
