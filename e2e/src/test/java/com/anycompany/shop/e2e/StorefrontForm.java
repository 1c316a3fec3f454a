package com.anycompany.shop.e2e;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A form of a storefront page as its real HTML has it, read with jsoup: what a browser
 * would send for it untouched, and its fields found through their labels as a person
 * finds them. The one form reader of these tests: the shoppers, the plain HTTP sessions
 * and the bad-input matrix all take their forms from here.
 */
final class StorefrontForm {

	private final Element form;

	private StorefrontForm(Element form) {
		this.form = form;
	}

	/** The page's forms that post, in page order. */
	static List<StorefrontForm> posting(Document page) {
		return page.select("form[method=post]").stream().map(StorefrontForm::new).toList();
	}

	/** The page's form that posts to this action. */
	static StorefrontForm postingTo(String html, String action) {
		Document page = Jsoup.parse(html);
		return posting(page).stream()
			.filter((form) -> form.action().equals(action))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No form posting to " + action + " on: " + page.title()));
	}

	/** The page's form that holds a button with this text. */
	static StorefrontForm withButton(Document page, String button) {
		return page.select("form")
			.stream()
			.filter((form) -> form.select("button, input[type=submit]")
				.stream()
				.anyMatch((b) -> b.text().equals(button) || b.attr("value").equals(button)))
			.findFirst()
			.map(StorefrontForm::new)
			.orElseThrow(() -> new AssertionError("No form with a '" + button + "' button on " + page.location()));
	}

	String action() {
		return this.form.attr("action");
	}

	/**
	 * What a browser sends for the form as it stands: each named input with its value
	 * (buttons aside), each select with its selected option (else its first), each text
	 * area with its text.
	 */
	Map<String, String> values() {
		Map<String, String> values = new LinkedHashMap<>();
		for (Element field : this.form.select("input[name], select[name], textarea[name]")) {
			if (field.is("select")) {
				Element option = field.selectFirst("option[selected]");
				option = (option != null) ? option : field.selectFirst("option");
				values.put(field.attr("name"), (option != null) ? option.val() : "");
			}
			else if (field.is("textarea")) {
				values.put(field.attr("name"), field.val());
			}
			else if (!List.of("submit", "button", "reset", "image").contains(field.attr("type"))) {
				values.put(field.attr("name"), field.val());
			}
		}
		return values;
	}

	/** The hidden fields (CSRF token, keys), which a person never types. */
	Map<String, String> hiddenFields() {
		Map<String, String> hidden = new LinkedHashMap<>();
		for (Element input : this.form.select("input[type=hidden][name]")) {
			hidden.putIfAbsent(input.attr("name"), input.val());
		}
		return hidden;
	}

	/**
	 * The form's values with what a person types, field by field through the labels.
	 * @param typed visible label text to what is typed there, or for a select, the text
	 * of the option to pick
	 */
	Map<String, String> filledIn(Map<String, String> typed) {
		Map<String, String> values = values();
		for (Map.Entry<String, String> entry : typed.entrySet()) {
			Element field = fieldLabelled(entry.getKey());
			if (field.is("select")) {
				Element option = field.select("option")
					.stream()
					.filter((candidate) -> candidate.text().equals(entry.getValue()))
					.findFirst()
					.orElseThrow(() -> new AssertionError(
							"No option '" + entry.getValue() + "' in the select labelled '" + entry.getKey() + "'"));
				values.put(field.attr("name"), option.val());
			}
			else {
				values.put(field.attr("name"), entry.getValue());
			}
		}
		return values;
	}

	private Element fieldLabelled(String label) {
		Element labelElement = this.form.select("label")
			.stream()
			.filter((candidate) -> candidate.text().equals(label))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No field labelled '" + label + "'"));
		Element field = this.form.getElementById(labelElement.attr("for"));
		if (field == null) {
			throw new AssertionError("The label '" + label + "' points at nothing");
		}
		return field;
	}

	/** Fields as an {@code application/x-www-form-urlencoded} body. */
	static String encode(Map<String, String> fields) {
		return fields.entrySet()
			.stream()
			.map((e) -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

}
