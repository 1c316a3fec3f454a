package com.anycompany.shop.catalog.product;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import com.anycompany.shop.tracing.TraceAnnotations;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(ProductController.class)
class ProductControllerTests {

	private static final Product KETTLE = new Product("P-0001", "Copper Kettle", "Boils water.", "kitchen",
			new BigDecimal("34.90"), "USD", "product-p-0001", List.of("kitchen", "copper"));

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private ProductRepository products;

	@MockitoBean
	private Categories categories;

	@MockitoBean
	private TraceAnnotations trace;

	@Test
	void listsProducts() throws Exception {
		given(this.categories.names()).willReturn(List.of("kitchen"));
		given(this.products.findAll(List.of("kitchen"))).willReturn(List.of(KETTLE));
		this.mvc.perform(get("/api/v1/products"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].id").value("P-0001"))
			.andExpect(jsonPath("$[0].price").value(34.90))
			.andExpect(jsonPath("$[0].currency").value("USD"))
			.andExpect(jsonPath("$[0].image").value("product-p-0001"))
			.andExpect(jsonPath("$[0].tags[1]").value("copper"));
	}

	@Test
	void filtersByCategory() throws Exception {
		given(this.products.findByCategory("kitchen")).willReturn(List.of(KETTLE));
		this.mvc.perform(get("/api/v1/products").param("category", "kitchen"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(1));
		then(this.products).should().findByCategory("kitchen");
	}

	@Test
	void rejectsMalformedCategory() throws Exception {
		this.mvc.perform(get("/api/v1/products").param("category", "<script>"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(400))
			.andExpect(jsonPath("$.errors[0]").value(containsString("category")));
		// a category is an id like any other: an empty one is no filter but a mistake
		this.mvc.perform(get("/api/v1/products").param("category", ""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0]").value("category: must be 1 to 64 letters, digits or dashes"));
		verifyNoInteractions(this.products);
	}

	@Test
	void findsProductAndAnnotatesTheTrace() throws Exception {
		given(this.products.findById("P-0001")).willReturn(Optional.of(KETTLE));
		this.mvc.perform(get("/api/v1/product/P-0001"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("Copper Kettle"));
		then(this.trace).should().put("ProductID", "P-0001");
	}

	@Test
	void unknownProductIsProblem404() throws Exception {
		given(this.products.findById(anyString())).willReturn(Optional.empty());
		this.mvc.perform(get("/api/v1/product/P-9999"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("about:blank"))
			.andExpect(jsonPath("$.title").value("Product not found"))
			.andExpect(jsonPath("$.detail").value("No product with id P-9999"))
			.andExpect(jsonPath("$.productId").value("P-9999"))
			.andExpect(jsonPath("$.instance").value("/api/v1/product/P-9999"));
	}

	@Test
	void malformedOrOversizedIdIsProblem400() throws Exception {
		this.mvc.perform(get("/api/v1/product/P 1"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc.perform(get("/api/v1/product/" + "P".repeat(65)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0]").value(containsString("id")));
		verifyNoInteractions(this.products);
	}

	@Test
	void listsTheFeaturedProducts() throws Exception {
		given(this.products.findFeatured()).willReturn(List.of(KETTLE));
		this.mvc.perform(get("/api/v1/products").param("featured", "true"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].id").value("P-0001"));
		then(this.products).should().findFeatured();
	}

	@Test
	void listsCategories() throws Exception {
		given(this.categories.names()).willReturn(List.of("garden", "kitchen"));
		this.mvc.perform(get("/api/v1/categories"))
			.andExpect(status().isOk())
			.andExpect(content().json("[\"garden\",\"kitchen\"]"));
	}

	@Test
	void unreachableDynamoDbIsProblem503WithoutStackTrace() throws Exception {
		given(this.products.findAll(List.of())).willThrow(SdkClientException.create("Unable to execute HTTP request"));
		this.mvc.perform(get("/api/v1/products"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("about:blank"))
			.andExpect(jsonPath("$.title").value("Storage unavailable"))
			.andExpect(jsonPath("$.trace").doesNotExist());
	}

	@Test
	void unexpectedFailureIsProblem500WithoutInternals() throws Exception {
		given(this.categories.names()).willThrow(new IllegalStateException("secret internals"));
		this.mvc.perform(get("/api/v1/categories"))
			.andExpect(status().isInternalServerError())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("Something went wrong on our side."))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("secret"))));
	}

	@Test
	void unknownPathIsProblem404() throws Exception {
		this.mvc.perform(get("/api/v1/nothing-here"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type").value("about:blank"))
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
	}

}
