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
 * which the SDK filter itself cannot skip. Those run as background work: a readiness
 * probe's DynamoDB call sends nothing and is not reported as lost context.
 */
class ExcludingTracingFilter extends OncePerRequestFilter {

	private final Filter xrayFilter;

	private final List<String> excludedPaths;

	private final BackgroundWork untraced;

	private final AntPathMatcher matcher = new AntPathMatcher();

	ExcludingTracingFilter(Filter xrayFilter, List<String> excludedPaths, BackgroundWork untraced) {
		this.xrayFilter = xrayFilter;
		this.excludedPaths = List.copyOf(excludedPaths);
		this.untraced = untraced;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!excluded(request)) {
			this.xrayFilter.doFilter(request, response, chain);
			return;
		}
		try {
			this.untraced.call(() -> {
				try {
					chain.doFilter(request, response);
					return null;
				}
				catch (IOException | ServletException ex) {
					throw new FilterFailure(ex);
				}
			});
		}
		catch (FilterFailure failure) {
			if (failure.getCause() instanceof IOException io) {
				throw io;
			}
			throw (ServletException) failure.getCause();
		}
	}

	private boolean excluded(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return this.excludedPaths.stream().anyMatch((pattern) -> this.matcher.match(pattern, path));
	}

	/** Carries a checked exception through the background-work callback. */
	private static final class FilterFailure extends RuntimeException {

		FilterFailure(Exception cause) {
			super(cause);
		}

	}

}
