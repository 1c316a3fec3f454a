package com.anycompany.shop.tracing;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs the SDK's servlet filter for every request except health probes and static assets,
 * which the SDK filter itself cannot skip.
 */
class ExcludingTracingFilter extends OncePerRequestFilter {

	private final Filter xrayFilter;

	private final List<String> excludedPaths;

	private final AntPathMatcher matcher = new AntPathMatcher();

	ExcludingTracingFilter(Filter xrayFilter, List<String> excludedPaths) {
		this.xrayFilter = xrayFilter;
		this.excludedPaths = List.copyOf(excludedPaths);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return this.excludedPaths.stream().anyMatch((pattern) -> this.matcher.match(pattern, path));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		this.xrayFilter.doFilter(request, response, chain);
	}

}
