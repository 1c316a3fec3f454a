package com.anycompany.shop.xraylocal.query;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * A URL as the route that served it: the path without query, with each segment that
 * carries an id ({@code P-0001}, {@code O-3f2a...}, a number, a UUID) as {@code {id}}, so
 * {@code /product/P-0001} and {@code /product/P-0002} count as one operation. A segment
 * is an id when it holds a digit, except API versions ({@code v1}); a file name keeps its
 * extension ({@code /image/{id}.png}).
 */
public final class Routes {

	private static final Pattern VERSION = Pattern.compile("v\\d{1,2}");

	private static final Pattern EXTENSION = Pattern.compile("\\.[A-Za-z]{2,5}$");

	private Routes() {
	}

	/** The route of an absolute or relative URL; "/" for none. */
	public static String of(String url) {
		if (url == null || url.isEmpty()) {
			return "/";
		}
		String path = path(url);
		StringBuilder route = new StringBuilder();
		for (String segment : path.split("/")) {
			if (segment.isEmpty()) {
				continue;
			}
			route.append('/').append(isId(segment) ? idWithExtension(segment) : segment);
		}
		return (route.length() == 0) ? "/" : route.toString();
	}

	private static String path(String url) {
		String path;
		try {
			URI uri = URI.create(url);
			path = (uri.getRawPath() != null) ? uri.getRawPath() : url;
		}
		catch (IllegalArgumentException ex) {
			// not a valid URI (spaces, unescaped characters): cut by hand
			path = url.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://[^/]*", "");
			int query = path.indexOf('?');
			path = (query >= 0) ? path.substring(0, query) : path;
		}
		return path;
	}

	private static boolean isId(String segment) {
		if (VERSION.matcher(segment).matches()) {
			return false;
		}
		for (int i = 0; i < segment.length(); i++) {
			if (Character.isDigit(segment.charAt(i))) {
				return true;
			}
		}
		return false;
	}

	private static String idWithExtension(String segment) {
		var extension = EXTENSION.matcher(segment);
		return extension.find() ? "{id}" + extension.group() : "{id}";
	}

}
