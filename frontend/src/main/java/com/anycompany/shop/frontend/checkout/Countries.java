package com.anycompany.shop.frontend.checkout;

import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The countries a shopper can ship to: every ISO 3166-1 country the JDK knows, shown by
 * its English name, sent as its two-letter code (what orderservice stores). A value typed
 * by a client that does not use the form's list is understood as a code or an English
 * name in any case ("de", "Germany", " germany ").
 */
final class Countries {

	/** Code and name, sorted by name as a person reads them. */
	static final List<Country> ALL = Stream.of(Locale.getISOCountries())
		.map((code) -> new Country(code,
				new Locale.Builder().setRegion(code).build().getDisplayCountry(Locale.ENGLISH)))
		.sorted(Comparator.comparing(Country::name, Collator.getInstance(Locale.ENGLISH)))
		.toList();

	private static final Map<String, String> BY_CODE_OR_NAME = Stream
		.concat(ALL.stream().map((country) -> Map.entry(country.code().toLowerCase(Locale.ROOT), country.code())),
				ALL.stream().map((country) -> Map.entry(country.name().toLowerCase(Locale.ROOT), country.code())))
		.collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue, (first, second) -> first));

	private Countries() {
	}

	/** The ISO code for a code or English name, whatever its case and spacing. */
	static Optional<String> codeOf(String typed) {
		if (typed == null) {
			return Optional.empty();
		}
		String key = typed.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
		return Optional.ofNullable(BY_CODE_OR_NAME.get(key));
	}

	/** One choice of the country selector. */
	record Country(String code, String name) {

	}

}
