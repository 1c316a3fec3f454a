package com.anycompany.shop.frontend.product;

import java.math.BigDecimal;
import java.net.ConnectException;
import java.util.List;
import java.util.Optional;

import com.anycompany.shop.frontend.stub.Products;
import com.anycompany.shop.clients.problem.DownstreamUnavailableException;
import com.anycompany.shop.frontend.system.StorefrontMvcTest;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

class ProductControllerTests extends StorefrontMvcTest {

	@Test
	void productPageShowsTheProductTheFormAndRecommendations() throws Exception {
		given(this.catalog.product("P-0001")).willReturn(Optional.of(Products.product("P-0001")));
		given(this.recommender.recommendationsFor("P-0001"))
			.willReturn(List.of(Products.product("P-0002"), Products.product("P-0003")));

		this.mvc.perform(get("/product/P-0001"))
			.andExpect(status().isOk())
			.andExpect(view().name("product/detail"))
			.andExpect(content().string(allOf(containsString("Copper Kettle"), containsString("$34.90"),
					containsString("/images/product-p-0001?width=800"), containsString("data-test=\"add-to-cart\""),
					containsString("name=\"_csrf\""), containsString("data-test=\"recommendations\""),
					containsString("Cast Iron Skillet"), containsString("/images/product-p-0002?width=400"))));

		then(this.traceAnnotations).should().put("ProductID", "P-0001");
		then(this.traceAnnotations).should().put(eq("UserID"), anyString());
	}

	@Test
	void productPageLeavesOutRecommendationsWhenThereAreNone() throws Exception {
		// RecommenderClient answers an empty list when recommenderservice fails
		given(this.catalog.product("P-0001")).willReturn(Optional.of(Products.product("P-0001")));
		given(this.recommender.recommendationsFor("P-0001")).willReturn(List.of());

		this.mvc.perform(get("/product/P-0001"))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(allOf(containsString("Copper Kettle"), not(containsString("data-test=\"recommendations\"")))));
	}

	@Test
	void unknownProductIsAFriendly404() throws Exception {
		given(this.catalog.product("P-9999")).willReturn(Optional.empty());

		this.mvc.perform(get("/product/P-9999"))
			.andExpect(status().isNotFound())
			.andExpect(view().name("error/404"))
			.andExpect(content().string(allOf(containsString("We couldn&#39;t find that product"),
					containsString("data-test=\"navbar\""), not(containsString("Exception")))));
		then(this.traceAnnotations).should().put("ProductID", "P-9999");
	}

	@Test
	void catalogDownIsAFriendly503() throws Exception {
		given(this.catalog.product("P-0001")).willThrow(
				new DownstreamUnavailableException("catalogservice", "no answer", new ConnectException("refused")));

		this.mvc.perform(get("/product/P-0001"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(view().name("error/503"))
			.andExpect(content().string(allOf(containsString("We&#39;ll be right back"),
					not(containsString("ConnectException")), not(containsString("refused")))));
	}

	@Test
	void listFiltersByCategory() throws Exception {
		List<Product> garden = Products.all().stream().filter((p) -> p.category().equals("garden")).toList();
		given(this.catalog.products("garden")).willReturn(garden);
		given(this.catalog.categories()).willReturn(List.of("garden", "kitchen", "office", "outdoors"));

		this.mvc.perform(get("/products").param("category", "garden"))
			.andExpect(status().isOk())
			.andExpect(view().name("product/list"))
			.andExpect(model().attribute("products", garden))
			.andExpect(content().string(allOf(containsString("Watering Can"), containsString("6 products"),
					containsString("href=\"/products?category=kitchen\""), not(containsString("Copper Kettle")))));
	}

	@Test
	void textFromServicesIsEscaped() throws Exception {
		Product odd = new Product("P-0099", "<script>alert(1)</script>", "<b>bold</b>", "kitchen",
				new BigDecimal("1.00"), "USD", "product-p-0099", List.of());
		given(this.catalog.product("P-0099")).willReturn(Optional.of(odd));

		this.mvc.perform(get("/product/P-0099"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("&lt;script&gt;alert(1)&lt;/script&gt;"),
					not(containsString("<script>")), not(containsString("<b>bold</b>")))));
	}

}
