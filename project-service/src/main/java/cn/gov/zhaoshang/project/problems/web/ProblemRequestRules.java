package cn.gov.zhaoshang.project.problems.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import cn.gov.zhaoshang.project.problems.model.ProblemDeadlines;
import cn.gov.zhaoshang.project.problems.model.ProblemStatus;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * The Bean Validation rules of the problem log's requests that the standard constraints do not
 * have. Each annotation's simple name is the {@code rule} a 400 names, and every rule is checked
 * with the others, so one answer names every bad field. The rules that hold between fields are
 * reported on the field to fix ({@code resolution}), not on the whole body.
 */
public final class ProblemRequestRules {

    /** A date as the API writes it; the calendar check is {@link PlausibleDeadline}'s. */
    public static final String ISO_DATE = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";

    private ProblemRequestRules() {
    }

    /**
     * A day of the calendar within {@link ProblemDeadlines}' reach of today (in the clock's zone).
     * A value not shaped like a date is left to {@code @Pattern(regexp = ISO_DATE)}, null to {@code @NotNull}.
     */
    @Documented
    @Constraint(validatedBy = PlausibleDeadlineValidator.class)
    @Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
    @Retention(RetentionPolicy.RUNTIME)
    public @interface PlausibleDeadline {
        String message() default "must lie between 3 years before and 5 years after today";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    /** Null (kept as it is) or text with something in it. */
    @Documented
    @Constraint(validatedBy = NotBlankWhenGivenValidator.class)
    @Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
    @Retention(RetentionPolicy.RUNTIME)
    public @interface NotBlankWhenGiven {
        String message() default "must not be blank when given";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    /** A change that solves a problem (status SOLVED) gives its resolution. */
    @Documented
    @Constraint(validatedBy = RequiredWhenSolvedValidator.class)
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    public @interface RequiredWhenSolved {
        String message() default "a problem is solved with its resolution";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    /** A resolution comes only with solving (status SOLVED): an open problem has none. */
    @Documented
    @Constraint(validatedBy = OnlyWhenSolvedValidator.class)
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    public @interface OnlyWhenSolved {
        String message() default "a resolution is given when the problem is solved (status SOLVED)";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    /** A Spring-managed validator: "today" is the injected clock's, the same day the warnings judge overdue on. */
    public static class PlausibleDeadlineValidator implements ConstraintValidator<PlausibleDeadline, String> {

        private final Clock clock;

        public PlausibleDeadlineValidator(Clock clock) {
            this.clock = clock;
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || !value.matches(ISO_DATE)) {
                return true;
            }
            LocalDate deadline;
            try {
                deadline = LocalDate.parse(value);
            } catch (DateTimeParseException notADay) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate("is not a day of the calendar").addConstraintViolation();
                return false;
            }
            return ProblemDeadlines.isPlausible(deadline, LocalDate.now(clock));
        }
    }

    public static class NotBlankWhenGivenValidator implements ConstraintValidator<NotBlankWhenGiven, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || !value.isBlank();
        }
    }

    public static class RequiredWhenSolvedValidator implements ConstraintValidator<RequiredWhenSolved, ChangeProblemRequest> {

        @Override
        public boolean isValid(ChangeProblemRequest request, ConstraintValidatorContext context) {
            boolean solving = ProblemStatus.SOLVED.name().equals(request.status());
            boolean valid = !solving || (request.resolution() != null && !request.resolution().isBlank());
            return valid || onResolution(context);
        }
    }

    public static class OnlyWhenSolvedValidator implements ConstraintValidator<OnlyWhenSolved, ChangeProblemRequest> {

        @Override
        public boolean isValid(ChangeProblemRequest request, ConstraintValidatorContext context) {
            boolean valid = request.resolution() == null || ProblemStatus.SOLVED.name().equals(request.status());
            return valid || onResolution(context);
        }
    }

    // The shared handler lists field errors; a violation of the whole body would not be named.
    private static boolean onResolution(ConstraintValidatorContext context) {
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                .addPropertyNode("resolution").addConstraintViolation();
        return false;
    }
}
