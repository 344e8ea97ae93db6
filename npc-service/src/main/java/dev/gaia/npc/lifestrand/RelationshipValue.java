package dev.gaia.npc.lifestrand;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * What a character's relationship to someone may be: a non-blank description of at most
 * {@value RelationshipValueValidator#MAX_TEXT_LENGTH} characters, or a flat object of at most
 * {@value RelationshipValueValidator#MAX_MEMBERS} members whose values are texts of that length,
 * numbers, booleans or null.
 */
@Documented
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = RelationshipValueValidator.class)
@interface RelationshipValue {

    String message() default "must be a description of at most " + RelationshipValueValidator.MAX_TEXT_LENGTH
            + " characters or a flat object of at most " + RelationshipValueValidator.MAX_MEMBERS + " members";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
