package com.anycompany.shop.constraints;

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
 * The countries the shop ships to, one rule for the whole shop: every ISO 3166-1 country
 * the JDK knows, named in English, identified by its two-letter code (what orderservice
 * stores, checked by {@link IsoCountry}). What a person types is understood as a code, an
 * English name or a name in one of the country's own languages, in any case, with or
 * without accents ("de", "Germany", " germany ", "Deutschland", "España", "Cote
 * d'Ivoire").
 */
public final class Countries {

	/** Combining marks, which is what accents are once a name is decomposed. */
	private static final Pattern ACCENTS = Pattern.compile("\\p{M}+");

	/** Code and name, sorted by name as a person reads them. */
	public static final List<Country> ALL = Stream.of(Locale.getISOCountries())
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

	/** Whether this is exactly a two-letter code of the list, such as {@code DE}. */
	public static boolean isCode(String code) {
		return CODES.contains(code);
	}

	/** The ISO code for a code or a name, whatever its case, spacing and accents. */
	public static Optional<String> codeOf(String typed) {
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

	/** A country: its ISO code and English name. */
	public record Country(String code, String name) {

	}

}
