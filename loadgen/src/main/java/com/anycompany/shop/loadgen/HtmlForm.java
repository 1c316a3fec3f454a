package com.anycompany.shop.loadgen;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;

/**
 * A form of a storefront page, read with jsoup: the page is parsed as a browser would
 * (any quoting, entities, upper-case tags), so a change of template markup does not
 * silently lose a field.
 *
 * @param action where it posts to, as written in the page
 * @param method {@code GET} or {@code POST}
 * @param attributes the form tag's attributes (e.g. {@code data-test})
 * @param fields its inputs, buttons, selects and text areas, in page order
 */
record HtmlForm(String action, String method, Map<String, String> attributes, List<Field> fields) {

	/** Every form of a page. */
	static List<HtmlForm> parseAll(String html) {
		return Jsoup.parse(html).select("form").stream().map(HtmlForm::of).toList();
	}

	/**
	 * The first form that posts to the given path (ignoring a query string).
	 */
	static Optional<HtmlForm> postingTo(String html, String path) {
		return parseAll(html).stream().filter((form) -> path.equals(stripQuery(form.action()))).findFirst();
	}

	/**
	 * Values to submit: hidden fields exactly as the page holds them, visible ones filled
	 * by {@code fill} (which sees the field and answers {@code null} to keep the page's
	 * value), as a browser would. Buttons, unchecked boxes and nameless fields are left
	 * out.
	 */
	Map<String, String> values(Function<Field, String> fill) {
		Map<String, String> values = new LinkedHashMap<>();
		for (Field field : this.fields) {
			if (field.name().isEmpty() || field.type().equals("submit") || field.type().equals("button")
					|| field.type().equals("reset") || field.type().equals("image")) {
				continue;
			}
			if ((field.type().equals("checkbox") || field.type().equals("radio")) && !field.checked()) {
				continue;
			}
			String value = field.hidden() ? null : fill.apply(field);
			values.putIfAbsent(field.name(), (value != null) ? value : field.value());
		}
		return values;
	}

	Optional<Field> field(String name) {
		return this.fields.stream().filter((field) -> field.name().equals(name)).findFirst();
	}

	/** {@code application/x-www-form-urlencoded} body of the given values. */
	static String encode(Map<String, String> values) {
		return values.entrySet()
			.stream()
			.map((entry) -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	private static HtmlForm of(Element form) {
		List<Field> fields = form.select("input, button, select, textarea").stream().map(HtmlForm::field).toList();
		return new HtmlForm(form.attr("action"),
				form.attr("method").isEmpty() ? "GET" : form.attr("method").toUpperCase(Locale.ROOT), attributes(form),
				fields);
	}

	private static Field field(Element control) {
		String type = switch (control.normalName()) {
			case "select", "textarea" -> control.normalName();
			case "button" -> control.hasAttr("type") ? control.attr("type") : "submit";
			default -> control.hasAttr("type") ? control.attr("type") : "text";
		};
		String value = switch (control.normalName()) {
			case "select" -> selected(control);
			// as typed between the tags: a browser submits the text area's own line
			// breaks
			case "textarea" -> control.wholeText();
			default -> control.attr("value");
		};
		return new Field(control.attr("name"), type.toLowerCase(Locale.ROOT), value, control.hasAttr("checked"),
				attributes(control));
	}

	/** The selected option's value, else the first option's, as a browser submits. */
	private static String selected(Element select) {
		Element option = select.selectFirst("option[selected]");
		if (option == null) {
			option = select.selectFirst("option");
		}
		if (option == null) {
			return "";
		}
		return option.hasAttr("value") ? option.attr("value") : option.text();
	}

	private static Map<String, String> attributes(Element element) {
		Map<String, String> attributes = new LinkedHashMap<>();
		for (Attribute attribute : element.attributes()) {
			attributes.putIfAbsent(attribute.getKey(), attribute.getValue());
		}
		return attributes;
	}

	private static String stripQuery(String action) {
		int query = action.indexOf('?');
		return (query >= 0) ? action.substring(0, query) : action;
	}

	/**
	 * One control of a form.
	 *
	 * @param name the name it is submitted under
	 * @param type {@code text}, {@code hidden}, {@code email}, {@code number},
	 * {@code select}, {@code textarea}, ...
	 * @param value its value in the page
	 * @param checked for check boxes and radio buttons
	 * @param attributes all its attributes
	 */
	record Field(String name, String type, String value, boolean checked, Map<String, String> attributes) {

		boolean hidden() {
			return this.type.equals("hidden");
		}

	}

}
