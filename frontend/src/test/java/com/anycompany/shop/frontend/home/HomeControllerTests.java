package com.anycompany.shop.frontend.home;

import java.net.ConnectException;
import java.util.List;

import com.anycompany.shop.frontend.product.Product;
import com.anycompany.shop.frontend.stub.Products;
import com.anycompany.shop.clients.problem.DownstreamUnavailableException;
import com.anycompany.shop.frontend.system.StorefrontMvcTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

class HomeControllerTests extends StorefrontMvcTest {

	@Test
	void homeShowsTheHeroTheCategoriesAndTwoFeaturedProductsPerCategory() throws Exception {
		given(this.catalog.featured()).willReturn(Products.all());
		given(this.catalog.categories()).willReturn(List.of("garden", "kitchen", "office", "outdoors"));

		String html = html(this.mvc.perform(get("/"))
			.andExpect(status().isOk())
			.andExpect(view().name("home/index"))
			.andExpect(header().string("Content-Security-Policy", startsWith("default-src 'self'"))));

		assertThat(html).contains("/images/banner-home?width=1200", "/webjars/bootstrap/", "/css/shop.css")
			.doesNotContain("cdn", "https://");
		assertThat(count(html, "category-link")).isEqualTo(4);
		assertThat(count(html, "product-card")).isEqualTo(8);
		assertThat(html).contains("Copper Kettle", "Cast Iron Skillet", "Terracotta Planter", "Notebook Set");
		then(this.traceAnnotations).should().put(eq("UserID"), anyString());
	}

	@Test
	void featuredTakesTheFirstProductsOfEachCategory() {
		List<Product> featured = HomeController.featured(Products.all());
		assertThat(featured).extracting(Product::id)
			.containsExactly("P-0001", "P-0002", "P-0007", "P-0008", "P-0013", "P-0014", "P-0019", "P-0020");
	}

	@Test
	void catalogDownIsAFriendly503WithTheTraceReference() throws Exception {
		given(this.catalog.featured()).willThrow(
				new DownstreamUnavailableException("catalogservice", "no answer", new ConnectException("refused")));

		String html = html(this.mvc.perform(get("/"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(view().name("error/503")));
		assertThat(count(html, "error-503")).isOne();
		assertThat(html).doesNotContain("ConnectException", "refused", "at com.");
	}

}
