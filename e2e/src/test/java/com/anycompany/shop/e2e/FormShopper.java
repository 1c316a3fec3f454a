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

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A shopper who knows the storefront only as a person does: by what its pages say. Forms
 * are read from the real HTML; fields are found through their labels ("Full name",
 * "Country"), a select is answered with the visible text of an option, and a form is sent
 * with whatever else it carries (CSRF token, keys) exactly as a browser would. Redirects
 * are followed one by one, so every answer's status can be checked.
 */
final class FormShopper {

	private final URI storefront;

	private final HttpClient http;

	FormShopper(URI storefront) {
		this.storefront = storefront;
		this.http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.connectTimeout(Duration.ofSeconds(5))
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/** GET, following redirects; the last answer. */
	Answer open(String path) throws IOException, InterruptedException {
		return follow(send(HttpRequest.newBuilder(this.storefront.resolve(path)).GET()));
	}

	/**
	 * Fills the form that holds a button with this text, field by field through the
	 * labels, and submits it (no redirects followed: the caller sees the first answer).
	 * @param typed visible label text to what is typed there, or for a select, the text
	 * of the option to pick
	 */
	Answer submit(Answer page, String button, Map<String, String> typed) throws IOException, InterruptedException {
		StorefrontForm form = StorefrontForm.withButton(page.document(), button);
		URI action = page.uri().resolve(form.action());
		return send(HttpRequest.newBuilder(action)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(StorefrontForm.encode(form.filledIn(typed)))));
	}

	/** Follows the answer's redirects, if any. */
	Answer follow(Answer answer) throws IOException, InterruptedException {
		Answer current = answer;
		for (int hops = 0; current.location() != null && hops < 5; hops++) {
			current = send(HttpRequest.newBuilder(current.uri().resolve(current.location())).GET());
		}
		return current;
	}

	private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
		HttpRequest built = request.timeout(Duration.ofSeconds(30)).build();
		long start = System.nanoTime();
		HttpResponse<String> response = this.http.send(built, HttpResponse.BodyHandlers.ofString());
		return new Answer(built.uri(), response.statusCode(), response.body(),
				response.headers().firstValue("Location").orElse(null), Duration.ofNanos(System.nanoTime() - start));
	}

	/** One answer of the storefront. */
	record Answer(URI uri, int status, String body, String location, Duration took) {

		Document document() {
			return Jsoup.parse(this.body, this.uri.toString());
		}

		/** The text of the element marked {@code data-test=name}, or null. */
		String text(String dataTest) {
			Element element = document().selectFirst("[data-test=" + dataTest + "]");
			return (element != null) ? element.text().strip() : null;
		}

		int count(String dataTest) {
			return document().select("[data-test=" + dataTest + "]").size();
		}

		/** The messages shown next to fields, by the field's label. */
		Map<String, String> fieldErrors() {
			Map<String, String> errors = new LinkedHashMap<>();
			Document document = document();
			for (Element invalid : document.select(".is-invalid")) {
				Element label = document.selectFirst("label[for=" + invalid.id() + "]");
				Element feedback = invalid.parent().selectFirst(".invalid-feedback");
				errors.put((label != null) ? label.text() : invalid.id(), (feedback != null) ? feedback.text() : "");
			}
			return errors;
		}

	}

}
