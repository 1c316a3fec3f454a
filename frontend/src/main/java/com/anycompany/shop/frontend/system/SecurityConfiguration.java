package com.anycompany.shop.frontend.system;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Shoppers never log in; Spring Security is here for what every shop needs anyway: a CSRF
 * token on every form (stored in the session, added to each form by Thymeleaf's
 * th:action) and safe response headers, including a Content-Security-Policy that allows
 * nothing from other sites (Bootstrap comes from a WebJar, there is no script).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self'; "
			+ "script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

	@Bean
	SecurityFilterChain storefrontSecurity(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY)))
			// the actuator is for operators and tools (probes, the local launcher's fault
			// injection), not for browsers: no session, so no CSRF token to ask for
			.csrf((csrf) -> csrf.ignoringRequestMatchers("/actuator/**"))
			.requestCache((cache) -> cache.disable())
			.logout((logout) -> logout.disable());
		return http.build();
	}

}
