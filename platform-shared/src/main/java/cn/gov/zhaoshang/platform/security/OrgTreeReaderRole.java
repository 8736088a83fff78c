package cn.gov.zhaoshang.platform.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Reads the org tree within the caller's scope: every reader, and {@code user-admin}, who places
 * people in the units of its subtree and reads nothing else.
 * The role check of an operation is always one of these annotations, never a {@code @PreAuthorize}
 * expression of its own.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@PreAuthorize("hasAnyRole('viewer','officer','leader','target-admin','auditor','admin','user-admin')")
public @interface OrgTreeReaderRole {
}
