package com.anycompany.shop.e2e;

import java.io.IOException;
import java.util.Locale;

import com.anycompany.shop.testsupport.RawHttp;
import org.assertj.core.api.SoftAssertions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One table of bad requests and what the shop answered: each answer is checked as it
 * comes, as a soft assertion, so that one run shows every violation rather than the
 * first.
 */
final class Matrix {

	/** How an answer of the service must look. */
	enum Format {

		/** An API: RFC 7807 problem details for every 4xx. */
		PROBLEM_DETAILS,

		/** The storefront: one of the shop's own pages (its layout), or a redirect. */
		SHOP_PAGE

	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final SoftAssertions softly = new SoftAssertions();

	private int size;

	/** Sends the request (exact bytes) to the port and checks the answer. */
	RawHttp.Response check(String name, int port, byte[] request, Format format, int expectedStatus) {
		RawHttp.Response response;
		try {
			response = RawHttp.exchange("127.0.0.1", port, request);
		}
		catch (IOException | RuntimeException ex) {
			this.size++;
			this.softly.fail(name + ": no answer (" + ex + ")");
			return null;
		}
		check(name, response, format, expectedStatus);
		return response;
	}

	void check(String name, RawHttp.Response response, Format format, int expectedStatus) {
		this.size++;
		String problem = (format == Format.PROBLEM_DETAILS) ? problemDetails(response) : shopPage(response);
		if (problem == null && expectedStatus != 0 && response.status() != expectedStatus) {
			problem = "expected " + expectedStatus;
		}
		this.softly.assertThat(problem)
			.withFailMessage("%s -> %d: %s | %s", name, response.status(), problem,
					abbreviate(response.header("Content-Type") + " " + response.body()))
			.isNull();
	}

	int size() {
		return this.size;
	}

	/**
	 * Fails, if any case was violated, with each violation.
	 * @param cases what the cases were, for the count printed first
	 */
	void assertAll(String cases) {
		int violated = this.softly.errorsCollected().size();
		if (violated > 0) {
			System.out.printf("%s: %d of %d cases violated%n", cases, violated, this.size);
		}
		this.softly.assertAll();
	}

	private static String problemDetails(RawHttp.Response response) {
		int status = response.status();
		if (status >= 500) {
			return "a server error";
		}
		if (status < 400) {
			return null;
		}
		String type = String.valueOf(response.header("Content-Type")).toLowerCase(Locale.ROOT);
		if (!type.startsWith("application/problem+json")) {
			return "not application/problem+json";
		}
		JsonNode body;
		try {
			body = JSON.readTree(response.body());
		}
		catch (RuntimeException ex) {
			return "not JSON";
		}
		if (body.path("status").asInt() != status || body.path("title").asString("").isBlank()) {
			return "no matching status and title";
		}
		return leaks(response.body());
	}

	private static String shopPage(RawHttp.Response response) {
		int status = response.status();
		if (status >= 500) {
			return "a server error";
		}
		if (status >= 300 && status < 400) {
			return (response.header("Location") != null) ? null : "a redirect without Location";
		}
		String type = String.valueOf(response.header("Content-Type")).toLowerCase(Locale.ROOT);
		if (type.startsWith("image/")) {
			return null;
		}
		if (!type.startsWith("text/html")) {
			return "not an HTML page";
		}
		if (!response.body().contains("data-test=\"navbar\"")) {
			return "not the shop's page";
		}
		if (response.body().contains("We&#39;ll be right back") || response.body().contains("We'll be right back")) {
			return "the outage page";
		}
		return leaks(response.body());
	}

	private static String leaks(String body) {
		for (String leak : new String[] { "Tomcat", "Whitelabel", "Exception", "\"timestamp\"", "\tat " }) {
			if (body.contains(leak)) {
				return "shows " + leak.strip();
			}
		}
		return null;
	}

	private static String abbreviate(String text) {
		String flat = text.replaceAll("\\s+", " ");
		return (flat.length() > 240) ? flat.substring(0, 240) + "..." : flat;
	}

}
