package com.anycompany.shop.support.web;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The error bodies a service gets from the advice, in a {@code @WebMvcTest} slice as a
 * controller test sees them, with Spring Boot's own problem-details handler asked for too
 * (it must back off).
 */
@WebMvcTest(controllers = SampleApplication.SampleController.class,
		properties = "spring.mvc.problemdetails.enabled=true")
class ProblemDetailsAdviceTests {

	@Autowired
	private MockMvcTester mvc;

	@Test
	void theShopsAdviceIsTheOnlyExceptionHandler(@Autowired ApplicationContext context) {
		assertThat(context.getBeansOfType(ResponseEntityExceptionHandler.class).values()).singleElement()
			.isInstanceOf(ProblemDetailsAdvice.class);
	}

	@Test
	void invalidBodyListsTheOffendingFields() {
		MvcTestResult result = this.mvc.post()
			.uri("/orders")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\" \",\"quantity\":0}")
			.exchange();
		assertProblem(result, 400, "Invalid request");
		assertThat(result).bodyJson()
			.extractingPath("$.errors")
			.asArray()
			.containsExactly("name: must not be blank", "quantity: must be greater than or equal to 1");
	}

	@Test
	void invalidParameterListsItsName() {
		MvcTestResult result = this.mvc.get().uri("/search?q=ABC").exchange();
		assertProblem(result, 400, "Invalid request");
		assertThat(result).bodyJson().extractingPath("$.errors[0]").asString().startsWith("q: ");
	}

	@Test
	void malformedJsonWrongTypeAndMissingParameterAre400() {
		assertProblem(
				this.mvc.post().uri("/orders").contentType(MediaType.APPLICATION_JSON).content("{\"name\":").exchange(),
				400, "Bad Request");
		assertProblem(this.mvc.get().uri("/search?q=abc&page=two").exchange(), 400, "Bad Request");
		assertProblem(this.mvc.get().uri("/search").exchange(), 400, "Bad Request");
	}

	@Test
	void unknownPathIs404() {
		assertProblem(this.mvc.get().uri("/nothing-here").exchange(), 404, "Not Found");
	}

	@Test
	void aServicesOwnErrorKeepsItsTitleAndDetail() {
		MvcTestResult result = this.mvc.get().uri("/fail/gone").exchange();
		assertProblem(result, 410, "Product gone");
		assertThat(result).bodyJson().extractingPath("$.detail").asString().isEqualTo("Sold out for good");
		assertThat(result).bodyJson().extractingPath("$.instance").asString().isEqualTo("/fail/gone");
		assertThat(result).bodyJson().extractingPath("$.restock").asBoolean().isFalse();
	}

	@Test
	void anUnknownProductIsTheSame404InEveryService() {
		MvcTestResult result = this.mvc.get().uri("/fail/product").exchange();
		assertProblem(result, 404, "Product not found");
		assertThat(result).bodyJson().extractingPath("$.detail").asString().isEqualTo("No product with id P-0999");
		assertThat(result).bodyJson().extractingPath("$.productId").asString().isEqualTo("P-0999");
	}

	@Test
	void anIdOfTheWrongShapeIs400() {
		assertThat(this.mvc.get().uri("/items/P-0001").exchange()).hasStatusOk();
		MvcTestResult result = this.mvc.get().uri("/items/P_0001").exchange();
		assertProblem(result, 400, "Invalid request");
		assertThat(result).bodyJson()
			.extractingPath("$.errors")
			.asArray()
			.containsExactly("id: must be 1 to 64 letters, digits or dashes");
	}

	@Test
	void failingStorageIs503WithoutInternals() {
		MvcTestResult result = this.mvc.get().uri("/fail/storage").exchange();
		assertProblem(result, 503, "Storage unavailable");
		assertThat(result).bodyText().doesNotContain("secret-host");
		assertThat(result).bodyJson().extractingPath("$.instance").asString().isEqualTo("/fail/storage");
	}

	@Test
	void anythingElseIs500WithoutInternals() {
		MvcTestResult result = this.mvc.get().uri("/fail/other").exchange();
		assertProblem(result, 500, "Internal Server Error");
		assertThat(result).bodyJson()
			.extractingPath("$.detail")
			.asString()
			.isEqualTo("Something went wrong on our side.");
		assertThat(result).bodyText().doesNotContain("secret").doesNotContain("IllegalStateException");
	}

	private static void assertProblem(MvcTestResult result, int status, String title) {
		assertThat(result).hasStatus(status).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.type").asString().isEqualTo("about:blank");
		assertThat(result).bodyJson().extractingPath("$.status").asNumber().isEqualTo(status);
		assertThat(result).bodyJson().extractingPath("$.title").asString().isEqualTo(title);
	}

}
