package cn.gov.zhaoshang.platform.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The request body an operation accepts, when it is more than the service's default
 * ({@code zhaoshang.web.max-request-body}, 1 MB): spreadsheet uploads
 * ({@code Spreadsheets.MAX_UPLOAD_BYTES}), evidence files. Counted as the body is read, whatever its
 * transfer encoding; over it, 413 problem details ({@link RequestBodyLimitFilter}).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface RequestBodyLimit {

    /** The most bytes the body may have. */
    long bytes();
}
