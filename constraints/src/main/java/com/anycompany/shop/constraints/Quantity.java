package com.anycompany.shop.constraints;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * How many pieces of one product a cart line may hold: 1 to {@value #MAX}. cartservice
 * enforces it (also for a line that grows), the storefront offers no more. {@code null}
 * is valid (add {@code @NotNull} where a quantity is required).
 */
@Documented
@Constraint(validatedBy = {})
@Min(1)
@Max(Quantity.MAX)
@ReportAsSingleViolation
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD,
		ElementType.TYPE_USE, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
public @interface Quantity {

	/** The most pieces of one product a cart line holds. */
	int MAX = 99;

	String message() default "must be from 1 to " + MAX;

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
