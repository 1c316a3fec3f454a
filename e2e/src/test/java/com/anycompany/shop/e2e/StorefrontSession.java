package com.anycompany.shop.e2e;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;

/**
 * One shopper's browser session against the storefront, over plain HTTP: cookies kept,
 * CSRF tokens taken from the page's forms, and the X-Ray trace id of every answer kept.
 */
final class StorefrontSession {

	private final URI storefront;

	private final HttpClient http;

	StorefrontSession(URI storefront) {
		this.storefront = storefront;
		// redirects are not followed, so each POST's own trace id can be read
		this.http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.connectTimeout(Duration.ofSeconds(5))
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	Page get(String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(this.storefront.resolve(path))
			.timeout(Duration.ofSeconds(30))
			.GET()
			.build();
		return send(request);
	}

	/**
	 * Posts the form of {@code page} that posts to {@code path}, its hidden fields (CSRF
	 * token, keys) included.
	 */
	Page post(Page page, String path, Map<String, String> fields) throws IOException, InterruptedException {
		Map<String, String> all = StorefrontForm.postingTo(page.body(), path).hiddenFields();
		all.putAll(fields);
		String body = StorefrontForm.encode(all);
		HttpRequest request = HttpRequest.newBuilder(this.storefront.resolve(path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return send(request);
	}

	private Page send(HttpRequest request) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		return new Page(response.statusCode(), response.body(), response.headers().firstValue("Location").orElse(null),
				response.headers().firstValue("X-Amzn-Trace-Id").map(StorefrontSession::rootOf).orElse(null));
	}

	private static String rootOf(String header) {
		Matcher root = Pattern.compile("Root=([^;]+)").matcher(header);
		return root.find() ? root.group(1) : null;
	}

	record Page(int status, String body, String location, String traceId) {

		/** The hidden fields of the page's forms, the first of each name. */
		Map<String, String> hiddenFields() {
			Map<String, String> fields = new LinkedHashMap<>();
			StorefrontForm.posting(Jsoup.parse(this.body))
				.forEach((form) -> form.hiddenFields().forEach(fields::putIfAbsent));
			return fields;
		}

	}

}
