package cn.gov.zhaoshang.platform.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Reads a history: the audit trails and the org-unit tree's: {@code auditor} or {@code admin}.
 * The role check of an operation is always one of these annotations, never a {@code @PreAuthorize}
 * expression of its own.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@PreAuthorize("hasAnyRole('auditor','admin')")
public @interface AuditorOrAdminRole {
}
