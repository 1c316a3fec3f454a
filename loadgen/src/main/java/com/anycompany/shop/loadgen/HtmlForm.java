package com.anycompany.shop.loadgen;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A form of a storefront page, read with regular expressions: enough for the pages this
 * project renders itself (well-formed, attributes quoted), not for HTML at large.
 *
 * @param action where it posts to, as written in the page
 * @param method {@code GET} or {@code POST}
 * @param attributes the form tag's attributes (e.g. {@code data-test})
 * @param fields its inputs, selects and text areas, in page order
 */
record HtmlForm(String action, String method, Map<String, String> attributes, List<Field> fields) {

	private static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>(.*?)</form\\s*>",
			Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

	private static final Pattern CONTROL = Pattern.compile(
			"<(input|button)\\b([^>]*)>|<(select|textarea)\\b([^>]*)>(.*?)</\\3\\s*>",
			Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

	private static final Pattern ATTRIBUTE = Pattern
		.compile("([\\w:@.-]+)(?:\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'>]+)))?", Pattern.DOTALL);

	private static final Pattern OPTION = Pattern.compile("<option\\b([^>]*)>(.*?)(?=</option|<option|$)",
			Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

	/** Every form of a page. */
	static List<HtmlForm> parseAll(String html) {
		List<HtmlForm> forms = new ArrayList<>();
		Matcher form = FORM.matcher(html);
		while (form.find()) {
			Map<String, String> attributes = attributes(form.group(1));
			forms.add(new HtmlForm(attributes.getOrDefault("action", ""),
					attributes.getOrDefault("method", "get").toUpperCase(Locale.ROOT), attributes,
					fields(form.group(2))));
		}
		return forms;
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

	private static List<Field> fields(String body) {
		List<Field> fields = new ArrayList<>();
		Matcher control = CONTROL.matcher(body);
		while (control.find()) {
			if (control.group(1) != null) {
				Map<String, String> attributes = attributes(control.group(2));
				String type = attributes.getOrDefault("type",
						control.group(1).equalsIgnoreCase("button") ? "submit" : "text");
				fields.add(new Field(attributes.getOrDefault("name", ""), type.toLowerCase(Locale.ROOT),
						attributes.getOrDefault("value", ""), attributes.containsKey("checked"), attributes));
			}
			else if (control.group(3).equalsIgnoreCase("select")) {
				Map<String, String> attributes = attributes(control.group(4));
				fields.add(new Field(attributes.getOrDefault("name", ""), "select", selected(control.group(5)), false,
						attributes));
			}
			else {
				Map<String, String> attributes = attributes(control.group(4));
				fields.add(new Field(attributes.getOrDefault("name", ""), "textarea", unescape(control.group(5)), false,
						attributes));
			}
		}
		return fields;
	}

	/** The selected option's value, else the first option's, as a browser submits. */
	private static String selected(String options) {
		String first = null;
		Matcher option = OPTION.matcher(options);
		while (option.find()) {
			Map<String, String> attributes = attributes(option.group(1));
			String value = attributes.containsKey("value") ? attributes.get("value")
					: unescape(option.group(2).strip());
			if (attributes.containsKey("selected")) {
				return value;
			}
			if (first == null) {
				first = value;
			}
		}
		return (first != null) ? first : "";
	}

	static Map<String, String> attributes(String text) {
		Map<String, String> attributes = new LinkedHashMap<>();
		Matcher attribute = ATTRIBUTE.matcher(text);
		while (attribute.find()) {
			String value = attribute.group(2);
			if (value == null) {
				value = attribute.group(3);
			}
			if (value == null) {
				value = attribute.group(4);
			}
			attributes.putIfAbsent(attribute.group(1).toLowerCase(Locale.ROOT), (value != null) ? unescape(value) : "");
		}
		return attributes;
	}

	static String unescape(String text) {
		if (text.indexOf('&') < 0) {
			return text;
		}
		StringBuilder out = new StringBuilder(text.length());
		Matcher entity = Pattern.compile("&(#x[0-9a-fA-F]+|#\\d+|amp|lt|gt|quot|apos);").matcher(text);
		int last = 0;
		while (entity.find()) {
			out.append(text, last, entity.start());
			String name = entity.group(1);
			if (name.startsWith("#x")) {
				out.appendCodePoint(Integer.parseInt(name.substring(2), 16));
			}
			else if (name.startsWith("#")) {
				out.appendCodePoint(Integer.parseInt(name.substring(1)));
			}
			else {
				out.append(switch (name) {
					case "amp" -> "&";
					case "lt" -> "<";
					case "gt" -> ">";
					case "quot" -> "\"";
					default -> "'";
				});
			}
			last = entity.end();
		}
		return out.append(text, last, text.length()).toString();
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
