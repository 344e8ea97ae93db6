package dev.gaia.npc.lifestrand;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * Any JSON value, as long as it is small: at most {@value BoundedJsonValidator#MAX_DEPTH} levels
 * deep and {@value BoundedJsonValidator#MAX_NODES} values in all, no string longer than
 * {@value BoundedJsonValidator#MAX_TEXT_LENGTH} characters.
 */
@Documented
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = BoundedJsonValidator.class)
@interface BoundedJson {

    String message() default "must be at most " + BoundedJsonValidator.MAX_DEPTH + " levels deep, "
            + BoundedJsonValidator.MAX_NODES + " values in all, with texts of at most "
            + BoundedJsonValidator.MAX_TEXT_LENGTH + " characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
