package cn.gov.zhaoshang.platform.orgunits;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/** The value is the code of a unit in the local org-unit tree. Null is left to {@code @NotNull}. */
@Documented
@Constraint(validatedBy = KnownOrgUnitValidator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface KnownOrgUnit {
    String message() default "is not a known org unit code";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
