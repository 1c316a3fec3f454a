package com.anycompany.shop.constraints;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class CountriesTests {

	@ParameterizedTest(name = "\"{0}\" -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			de                    | DE
			Germany               | DE
			' germany '           | DE
			Deutschland           | DE
			España                | ES
			espana                | ES
			Österreich            | AT
			Cote d'Ivoire         | CI
			Côte d’Ivoire         | CI
			Aland Islands         | AX
			Schweiz               | CH
			Suisse                | CH
			United  States        | US
			Polska                | PL
			日本                   | JP
			""")
	void aCountryIsUnderstoodByCodeEnglishNameOrItsOwnName(String typed, String code) {
		assertThat(Countries.codeOf(typed)).contains(code);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "Atlantis", "Germanyy", "D E" })
	void anythingElseIsNoCountry(String typed) {
		assertThat(Countries.codeOf(typed)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "Deutschland", "España", "Polska" })
	void theFormStillListsEnglishNames(String ownName) {
		assertThat(Countries.ALL).noneMatch((country) -> country.name().equals(ownName));
	}

	@ParameterizedTest
	@CsvSource({ "DE, true", "US, true", "de, false", "Germany, false", "XX, false" })
	void anApiTakesExactlyACodeOfTheSameList(String value, boolean valid) {
		assertThat(new IsoCountry.Validator().isValid(value, null)).isEqualTo(valid);
	}

}
