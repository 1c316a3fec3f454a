package com.anycompany.shop.tracing;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.server.PathContainer;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Runs the SDK's servlet filter for every request except health probes and static assets,
 * which the SDK filter itself cannot skip. Those run as background work: a readiness
 * probe's DynamoDB call sends nothing and is not reported as lost context.
 */
class ExcludingTracingFilter extends OncePerRequestFilter {

	private final Filter xrayFilter;

	/** Parsed once here: matching runs for every request. */
	private final List<PathPattern> excludedPaths;

	/**
	 * What an excluded path starts with, literally (up to the first wildcard or
	 * variable): most requests start with none of them and are not parsed at all.
	 */
	private final List<String> prefixes;

	private final BackgroundWork untraced;

	ExcludingTracingFilter(Filter xrayFilter, List<String> excludedPaths, BackgroundWork untraced) {
		this.xrayFilter = xrayFilter;
		this.excludedPaths = excludedPaths.stream().map(PathPatternParser.defaultInstance::parse).toList();
		this.prefixes = excludedPaths.stream().map(ExcludingTracingFilter::literalPrefix).toList();
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
		String uri = request.getRequestURI().substring(request.getContextPath().length());
		if (!mayBeExcluded(uri)) {
			return false;
		}
		PathContainer path = PathContainer.parsePath(uri);
		for (PathPattern pattern : this.excludedPaths) {
			if (pattern.matches(path)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * False when no pattern can match: the path starts with none of their literal
	 * prefixes. An encoded path or one with matrix parameters (which the patterns see
	 * decoded and stripped) is always parsed and matched.
	 */
	private boolean mayBeExcluded(String uri) {
		if (uri.indexOf('%') >= 0 || uri.indexOf(';') >= 0) {
			return true;
		}
		for (String prefix : this.prefixes) {
			if (uri.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

	static String literalPrefix(String pattern) {
		int end = pattern.length();
		for (int i = 0; i < pattern.length(); i++) {
			char c = pattern.charAt(i);
			if (c == '*' || c == '?' || c == '{') {
				end = i;
				break;
			}
		}
		return pattern.substring(0, end);
	}

	/** Carries a checked exception through the background-work callback. */
	private static final class FilterFailure extends RuntimeException {

		FilterFailure(Exception cause) {
			super(cause);
		}

	}

}
