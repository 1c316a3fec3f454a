package com.anycompany.shop.constraints;

import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConstraintsTests {

	private static ValidatorFactory factory;

	private static Validator validator;

	@BeforeAll
	static void validator() {
		factory = Validation.buildDefaultValidatorFactory();
		validator = factory.getValidator();
	}

	@AfterAll
	static void close() {
		factory.close();
	}

	@Test
	void anIdIsOneToSixtyFourLettersDigitsOrDashes() {
		assertThat(violations(new Line("P-0001", 1))).isEmpty();
		assertThat(violations(new Line("a".repeat(64), 1))).isEmpty();
		assertThat(violations(new Line(null, 1))).as("null is @NotNull's business").isEmpty();
		for (String id : new String[] { "", "a".repeat(65), "P 0001", "P_0001", "../etc", "P-0001\n", "Pé" }) {
			assertThat(violations(new Line(id, 1))).as(id)
				.containsExactly("productId: must be 1 to 64 letters, digits or dashes");
		}
	}

	@Test
	void aQuantityIsOneToTheMaximum() {
		assertThat(violations(new Line("P-0001", Quantity.MAX))).isEmpty();
		assertThat(violations(new Line("P-0001", Quantity.MAX + 1))).containsExactly("quantity: must be from 1 to 99");
		assertThat(violations(new Line("P-0001", 0))).containsExactly("quantity: must be from 1 to 99");
	}

	@Test
	void thePatternConstantIsTheRuleTheConstraintChecks() {
		assertThat("P-0001".matches(ShopId.PATTERN)).isTrue();
		assertThat("P_0001".matches(ShopId.PATTERN)).isFalse();
	}

	private static Set<String> violations(Line line) {
		Set<ConstraintViolation<Line>> violations = validator.validate(line);
		return violations.stream()
			.map((violation) -> violation.getPropertyPath() + ": " + violation.getMessage())
			.collect(java.util.stream.Collectors.toSet());
	}

	record Line(@ShopId String productId, @Quantity Integer quantity) {

	}

}
