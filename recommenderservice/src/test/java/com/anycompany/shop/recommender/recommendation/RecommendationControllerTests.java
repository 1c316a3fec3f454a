package com.anycompany.shop.recommender.recommendation;

import java.math.BigDecimal;
import java.util.List;

import com.anycompany.shop.recommender.catalog.Product;
import com.anycompany.shop.clients.catalog.ProductNotFoundException;
import com.anycompany.shop.clients.problem.DownstreamUnavailableException;
import com.anycompany.shop.tracing.TraceAnnotations;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

@WebMvcTest(RecommendationController.class)
class RecommendationControllerTests {

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	Recommender recommender;

	@MockitoBean
	TraceAnnotations traceAnnotations;

	@Test
	void returnsTheRecommendedProductsAndAnnotatesTheTrace() {
		given(this.recommender.recommendationsFor("P-0001"))
			.willReturn(List.of(new Product("P-0004", "Ceramic Pour-Over Set", "Slow coffee.", "kitchen",
					new BigDecimal("39.00"), "USD", "product-p-0004", List.of("kitchen", "coffee"))));

		MvcTestResult result = this.mvc.get().uri("/api/v1/recommender/P-0001").exchange();

		assertThat(result).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
		assertThat(result).bodyJson().isLenientlyEqualTo("""
				[{"id":"P-0004","name":"Ceramic Pour-Over Set","description":"Slow coffee.","category":"kitchen",
				  "price":39.00,"currency":"USD","image":"product-p-0004","tags":["kitchen","coffee"]}]
				""");
		verify(this.traceAnnotations).put("ProductID", "P-0001");
	}

	@Test
	void unknownProductIsA404Problem() {
		given(this.recommender.recommendationsFor("P-0999")).willThrow(new ProductNotFoundException("P-0999"));

		MvcTestResult result = this.mvc.get().uri("/api/v1/recommender/P-0999").exchange();

		assertProblem(result, 404, "/api/v1/recommender/P-0999");
		assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("P-0999");
	}

	@Test
	void unreachableCatalogIsA503Problem() {
		given(this.recommender.recommendationsFor("P-0001")).willThrow(new DownstreamUnavailableException(
				"catalogservice", "refused", new java.net.ConnectException("refused")));

		assertProblem(this.mvc.get().uri("/api/v1/recommender/P-0001").exchange(), 503, "/api/v1/recommender/P-0001");
	}

	@Test
	void malformedIdIsA400ProblemAndNeverReachesTheCatalog() {
		MvcTestResult result = this.mvc.get().uri("/api/v1/recommender/{id}", "P 0001;drop").exchange();

		assertProblem(result, 400, null);
		verify(this.recommender, never()).recommendationsFor(anyString());
		verify(this.traceAnnotations, never()).put(anyString(), anyString());
	}

	@Test
	void unexpectedFailureIsA500ProblemWithoutInternals() {
		given(this.recommender.recommendationsFor("P-0001")).willThrow(new IllegalStateException("secret internals"));

		MvcTestResult result = this.mvc.get().uri("/api/v1/recommender/P-0001").exchange();

		assertProblem(result, 500, "/api/v1/recommender/P-0001");
		assertThat(result).bodyText().doesNotContain("secret internals").doesNotContain("IllegalStateException");
	}

	@Test
	void unknownPathIsA404Problem() {
		assertProblem(this.mvc.get().uri("/api/v1/nothing-here").exchange(), 404, "/api/v1/nothing-here");
	}

	private static void assertProblem(MvcTestResult result, int status, String instance) {
		assertThat(result).hasStatus(status).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.status").asNumber().isEqualTo(status);
		assertThat(result).bodyJson().extractingPath("$.title").asString().isNotBlank();
		assertThat(result).bodyJson().extractingPath("$.type").asString().isEqualTo("about:blank");
		if (instance != null) {
			assertThat(result).bodyJson().extractingPath("$.instance").asString().isEqualTo(instance);
		}
	}

}
