package com.anycompany.shop.support.server;

import com.anycompany.shop.support.web.InputProblemsAdvice;
import com.anycompany.shop.support.web.ProblemDetailsAutoConfiguration;
import com.anycompany.shop.support.web.StrictInputAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.error.ErrorController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The strict-input and server-error auto-configurations: what an API service gets, what a
 * service with its own error handling (the storefront) keeps, and nothing web outside a
 * web application.
 */
class ServerErrorsAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ProblemDetailsAutoConfiguration.class,
				StrictInputAutoConfiguration.class, ServerErrorsAutoConfiguration.class));

	@Test
	void anApiServiceGetsEveryPiece() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(ProblemDetailsErrorController.class)
			.hasSingleBean(InputProblemsAdvice.class)
			.hasBean("requestBodyLimitFilter")
			.hasBean("strictJson")
			.hasBean("shopErrorReportValve")
			.getBean(RejectedRequestRenderer.class)
			.isInstanceOf(ProblemDetailsRejectedRequestRenderer.class));
	}

	@Test
	void aServiceWithoutProblemDetailsKeepsItsOwnErrorsButIsStillStrictAndLimited() {
		RejectedRequestRenderer own = (status, request, response) -> response.getWriter().write("own page");
		ErrorController ownController = new ErrorController() {
		};
		new WebApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(StrictInputAutoConfiguration.class, ServerErrorsAutoConfiguration.class))
			.withBean(RejectedRequestRenderer.class, () -> own)
			.withBean(ErrorController.class, () -> ownController)
			.run((context) -> {
				assertThat(context).doesNotHaveBean(ProblemDetailsErrorController.class)
					.doesNotHaveBean(InputProblemsAdvice.class)
					.hasBean("requestBodyLimitFilter")
					.hasBean("strictJson");
				assertThat(context.getBean(RejectedRequestRenderer.class)).isSameAs(own);
				assertThat(context.getBean(ErrorController.class)).isSameAs(ownController);
			});
	}

	@Test
	void outsideAWebApplicationOnlyTheJsonRules() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(StrictInputAutoConfiguration.class, ServerErrorsAutoConfiguration.class))
			.run((context) -> assertThat(context).hasBean("strictJson")
				.doesNotHaveBean("requestBodyLimitFilter")
				.doesNotHaveBean(RejectedRequestRenderer.class)
				.doesNotHaveBean(ProblemDetailsErrorController.class));
	}

}
