package com.anycompany.shop.frontend.system;

import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.webmvc.autoconfigure.error.DefaultErrorViewResolver;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Storefront-wide MVC settings.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	private static final String[] STATIC_AND_PROBES = { "/actuator/**", "/webjars/**", "/css/**", "/js/**",
			"/favicon.ico" };

	private final UserTraceInterceptor userTraceInterceptor;

	private final LayoutInterceptor layoutInterceptor;

	WebConfiguration(UserTraceInterceptor userTraceInterceptor, LayoutInterceptor layoutInterceptor) {
		this.userTraceInterceptor = userTraceInterceptor;
		this.layoutInterceptor = layoutInterceptor;
	}

	/**
	 * Error pages by status (templates/error/404.html, 503.html) as Spring Boot finds
	 * them, and templates/error/error.html for every other status (Boot itself would look
	 * for templates/error.html).
	 */
	@Bean
	ErrorViewResolver errorViewResolver(ApplicationContext context, WebProperties webProperties) {
		DefaultErrorViewResolver byStatus = new DefaultErrorViewResolver(context, webProperties.getResources());
		return (request, status, model) -> {
			ModelAndView page = byStatus.resolveErrorView(request, status, model);
			return (page != null) ? page : new ModelAndView("error/error", model, status);
		};
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		// the paths the tracing module leaves untraced
		registry.addInterceptor(this.userTraceInterceptor)
			.excludePathPatterns(STATIC_AND_PROBES)
			.excludePathPatterns("/error");
		// error pages show the layout too
		registry.addInterceptor(this.layoutInterceptor).excludePathPatterns(STATIC_AND_PROBES);
	}

}
