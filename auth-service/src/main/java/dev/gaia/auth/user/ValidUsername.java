package dev.gaia.auth.user;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** A username: 3 to 64 characters, each a letter, digit, '_', '.' or '-'. */
@NotNull
@Pattern(regexp = "[a-zA-Z0-9_.-]{3,64}")
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Documented
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidUsername {

    String message() default "must be 3 to 64 letters, digits, '_', '.' or '-'";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
