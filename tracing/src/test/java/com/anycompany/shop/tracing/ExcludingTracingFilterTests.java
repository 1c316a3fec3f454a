package com.anycompany.shop.tracing;

import java.util.ArrayList;
import java.util.List;

import com.amazonaws.xray.AWSXRayRecorderBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class ExcludingTracingFilterTests {

	private final List<String> traced = new ArrayList<>();

	private final ExcludingTracingFilter filter = new ExcludingTracingFilter((request, response, chain) -> {
		this.traced.add(((MockHttpServletRequest) request).getRequestURI());
		chain.doFilter(request, response);
	}, new ShopTracingProperties().getExcludedPaths(), new BackgroundWork(AWSXRayRecorderBuilder.standard().build()));

	@ParameterizedTest
	@CsvSource({ "/actuator/health, false", "/actuator/health/readiness, false", "/css/shop.css, false",
			"/webjars/htmx/htmx.min.js, false", "/favicon.ico, false", "/error, false",
			// what the patterns see decoded and without matrix parameters is matched too
			"/%61ctuator/health, false", "/actuator;v=1/health, false", "/, true", "/products, true",
			"/product/P-0001, true", "/cart/order, true", "/errors, true", "/favicon.ico.png, true", "/actuatorx, true",
			"/api/v1/product/P-0001, true" })
	void tracesEveryPathButTheExcludedOnes(String path, boolean traced) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
		MockFilterChain chain = new MockFilterChain();
		this.filter.doFilter(request, new MockHttpServletResponse(), chain);
		assertThat(chain.getRequest()).isSameAs(request);
		assertThat(this.traced).isEqualTo(traced ? List.of(path) : List.of());
	}

}
