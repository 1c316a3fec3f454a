package com.anycompany.shop.frontend.checkout;

import java.text.Collator;
import java.text.Normalizer;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The countries a shopper can ship to: every ISO 3166-1 country the JDK knows, shown by
 * its English name, sent as its two-letter code (what orderservice stores). A value typed
 * by a client that does not use the form's list is understood as a code, an English name
 * or a name in one of the country's own languages, in any case, with or without accents
 * ("de", "Germany", " germany ", "Deutschland", "España", "Cote d'Ivoire").
 */
final class Countries {

	/** Combining marks, which is what accents are once a name is decomposed. */
	private static final Pattern ACCENTS = Pattern.compile("\\p{M}+");

	/** Code and name, sorted by name as a person reads them. */
	static final List<Country> ALL = Stream.of(Locale.getISOCountries())
		.map((code) -> new Country(code,
				new Locale.Builder().setRegion(code).build().getDisplayCountry(Locale.ENGLISH)))
		.sorted(Comparator.comparing(Country::name, Collator.getInstance(Locale.ENGLISH)))
		.toList();

	private static final Set<String> CODES = ALL.stream().map(Country::code).collect(Collectors.toUnmodifiableSet());

	/**
	 * Codes, English names, then the names each country has in the languages the JDK
	 * knows it by; where two would clash the earlier wins.
	 */
	private static final Map<String, String> BY_CODE_OR_NAME = Stream
		.of(ALL.stream().map((country) -> Map.entry(key(country.code()), country.code())),
				ALL.stream().map((country) -> Map.entry(key(country.name()), country.code())),
				Stream.of(Locale.getAvailableLocales())
					.filter((locale) -> CODES.contains(locale.getCountry()) && !locale.getLanguage().isEmpty())
					.map((locale) -> Map.entry(key(locale.getDisplayCountry(locale)), locale.getCountry())))
		.flatMap((entries) -> entries)
		.filter((entry) -> !entry.getKey().isEmpty())
		.collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue, (first, second) -> first));

	private Countries() {
	}

	/** The ISO code for a code or a name, whatever its case, spacing and accents. */
	static Optional<String> codeOf(String typed) {
		if (typed == null) {
			return Optional.empty();
		}
		return Optional.ofNullable(BY_CODE_OR_NAME.get(key(typed)));
	}

	/**
	 * Lower case, single spaces, accents taken off, one kind of apostrophe (the JDK
	 * writes Côte d’Ivoire with a typographic one, people type the plain one).
	 */
	private static String key(String name) {
		String spaced = name.strip().replaceAll("\\s+", " ").replaceAll("[\u2018\u2019\u02BC`]", "'");
		return ACCENTS.matcher(Normalizer.normalize(spaced, Normalizer.Form.NFD))
			.replaceAll("")
			.toLowerCase(Locale.ROOT);
	}

	/** One choice of the country selector. */
	record Country(String code, String name) {

	}

}
