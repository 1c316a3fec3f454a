package com.anycompany.shop.tracing;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The paths that get no segment (health probes, static assets), matched the way Spring
 * MVC matches its own mappings.
 */
final class ExcludedPaths {

	/** Parsed once here: matching runs for every request. */
	private final List<PathPattern> patterns;

	/**
	 * What an excluded path starts with, literally (up to the first wildcard or
	 * variable): most requests start with none of them and are not parsed at all.
	 */
	private final List<String> prefixes;

	ExcludedPaths(List<String> patterns) {
		this.patterns = patterns.stream().map(PathPatternParser.defaultInstance::parse).toList();
		this.prefixes = patterns.stream().map(ExcludedPaths::literalPrefix).toList();
	}

	boolean matches(HttpServletRequest request) {
		String uri = request.getRequestURI().substring(request.getContextPath().length());
		if (!mayMatch(uri)) {
			return false;
		}
		PathContainer path = PathContainer.parsePath(uri);
		for (PathPattern pattern : this.patterns) {
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
	private boolean mayMatch(String uri) {
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

}
