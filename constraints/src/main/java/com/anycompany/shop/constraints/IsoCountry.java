package com.anycompany.shop.constraints;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * An ISO 3166-1 alpha-2 country code of {@link Countries}, such as {@code DE}: what an
 * API takes (a person's typing is turned into it with {@link Countries#codeOf(String)}).
 * {@code null} is valid.
 */
@Documented
@Constraint(validatedBy = IsoCountry.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
public @interface IsoCountry {

	String message() default "must be a two-letter ISO 3166-1 country code, such as DE";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<IsoCountry, String> {

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			return value == null || Countries.isCode(value);
		}

	}

}
