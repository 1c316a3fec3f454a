package com.anycompany.shop.support.server;

import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.startup.Tomcat;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import com.anycompany.shop.support.web.ProblemDetailsAutoConfiguration;

/**
 * Errors the application's exception handlers never see, in the service's format:
 * <ul>
 * <li>what Tomcat rejects before any servlet runs, through {@link ShopErrorReportValve}
 * and the service's {@link RejectedRequestRenderer} (problem details unless the service
 * declares its own, as the storefront does);</li>
 * <li>what reaches the error page {@code /error} (e.g. {@code TRACE}, which Tomcat
 * refuses with 405), through {@link ProblemDetailsErrorController} in services that
 * answer problem details; a service with its own {@link ErrorController} keeps it.</li>
 * </ul>
 */
@AutoConfiguration(before = ErrorMvcAutoConfiguration.class, after = ProblemDetailsAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(Tomcat.class)
public class ServerErrorsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	RejectedRequestRenderer rejectedRequestRenderer() {
		return new ProblemDetailsRejectedRequestRenderer();
	}

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> shopErrorReportValve(
			ObjectProvider<RejectedRequestRenderer> renderer) {
		return (factory) -> factory.addContextCustomizers((context) -> {
			// the host is the context's parent by now; its default ErrorReportValve
			// (added
			// when the host was created) gives way to the shop's, and naming the shop's
			// class keeps the host from adding another when it starts
			StandardHost host = (StandardHost) context.getParent();
			for (Valve valve : host.getPipeline().getValves()) {
				if (valve instanceof ErrorReportValve) {
					host.getPipeline().removeValve(valve);
				}
			}
			host.getPipeline().addValve(new ShopErrorReportValve(renderer::getIfAvailable));
			host.setErrorReportValveClass(ShopErrorReportValve.class.getName());
		});
	}

	@Bean
	@ConditionalOnBean(ResponseEntityExceptionHandler.class)
	@ConditionalOnMissingBean(ErrorController.class)
	ProblemDetailsErrorController problemDetailsErrorController() {
		return new ProblemDetailsErrorController();
	}

}
