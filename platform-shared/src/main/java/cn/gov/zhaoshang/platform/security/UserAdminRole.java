package cn.gov.zhaoshang.platform.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Manages the people of a unit and of every unit under it: {@code user-admin}. Not {@code admin}:
 * the platform's operators run the platform, a bureau's user administrator onboards its people.
 * The role check of an operation is always one of these annotations, never a {@code @PreAuthorize}
 * expression of its own.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@PreAuthorize("hasRole('user-admin')")
public @interface UserAdminRole {
}
