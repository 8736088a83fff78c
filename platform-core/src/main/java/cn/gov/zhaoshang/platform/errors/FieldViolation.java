package cn.gov.zhaoshang.platform.errors;

/**
 * One invalid field of a request.
 *
 * @param field   the JSON property, e.g. {@code contractAmount}
 * @param rule    the rule it broke, e.g. {@code Pattern}, {@code NotBlank}, {@code KnownOrgUnit}
 * @param message what is wrong, for a person
 */
public record FieldViolation(String field, String rule, String message) {
}
