package cn.gov.zhaoshang.platform.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.OverridesAttribute;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Pattern;

/**
 * An amount of money as the API carries it: a decimal string of up to 16 digits and at most 2
 * decimals, e.g. {@code "150000000.00"}, never a binary number. A violation is reported as the
 * {@code Pattern} rule, as before there was this annotation; null is left to {@code @NotNull} or
 * {@code @NotBlank}. In yuan unless the field says otherwise ({@link #IN_US_DOLLARS}). The OpenAPI
 * document shows the pattern ({@link MoneyAmountSchema}).
 */
@Documented
@Constraint(validatedBy = {})
@Pattern(regexp = MoneyAmount.PATTERN)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD,
        ElementType.ANNOTATION_TYPE, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface MoneyAmount {

    String PATTERN = "^\\d{1,16}(\\.\\d{1,2})?$";

    String IN_YUAN = "must be a decimal string in yuan with at most 2 decimals, e.g. \"150000000.00\"";
    String IN_US_DOLLARS = "must be a decimal string in US dollars with at most 2 decimals, e.g. \"25000000.00\"";

    @OverridesAttribute(constraint = Pattern.class, name = "message")
    String message() default IN_YUAN;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
