package com.anycompany.shop.constraints;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;

/**
 * An id the shop can hold: a product, cart or order id, an idempotency key, a category
 * name. 1 to 64 letters, digits or dashes, so an id is safe in a URL path, a DynamoDB key
 * and an X-Ray annotation without escaping; anything else is a bad request before it
 * reaches storage or another service. {@code null} is valid (add {@code @NotNull} where
 * an id is required).
 */
@Documented
@Constraint(validatedBy = {})
@Pattern(regexp = ShopId.PATTERN)
@ReportAsSingleViolation
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD,
		ElementType.TYPE_USE, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
public @interface ShopId {

	/**
	 * The rule as a regular expression, for code that checks an id without a validator.
	 */
	String PATTERN = "[A-Za-z0-9-]{1,64}";

	String message() default "must be 1 to 64 letters, digits or dashes";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
