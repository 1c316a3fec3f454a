package com.anycompany.shop.support.web;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemDetailsAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ProblemDetailsAutoConfiguration.class));

	@Test
	void servletServicesGetTheAdvice() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(ProblemDetailsAdvice.class));
	}

	@Test
	void aServicesOwnHandlerWins() {
		ResponseEntityExceptionHandler own = new ResponseEntityExceptionHandler() {
		};
		this.runner.withBean(ResponseEntityExceptionHandler.class, () -> own)
			.run((context) -> assertThat(context).doesNotHaveBean(ProblemDetailsAdvice.class)
				.getBean(ResponseEntityExceptionHandler.class)
				.isSameAs(own));
	}

	@Test
	void nothingOutsideAWebApplication() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ProblemDetailsAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(ProblemDetailsAdvice.class));
	}

}
