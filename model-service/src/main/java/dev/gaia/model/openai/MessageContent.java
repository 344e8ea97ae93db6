package dev.gaia.model.openai;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * The content of a chat message: absent, a text of at most {@value MessageContentValidator#MAX_TEXT_LENGTH}
 * characters, or a list of at most {@value MessageContentValidator#MAX_PARTS} content parts (objects).
 */
@Documented
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = MessageContentValidator.class)
@interface MessageContent {

    String message() default "must be a text of at most " + MessageContentValidator.MAX_TEXT_LENGTH
            + " characters or a list of at most " + MessageContentValidator.MAX_PARTS + " content parts";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
