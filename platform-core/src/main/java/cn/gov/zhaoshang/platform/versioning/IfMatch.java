package cn.gov.zhaoshang.platform.versioning;

import java.util.Arrays;
import java.util.List;

import cn.gov.zhaoshang.platform.errors.PreconditionFailedException;
import cn.gov.zhaoshang.platform.errors.PreconditionRequiredException;

/**
 * The {@code If-Match} precondition of a write on a versioned record (RFC 9110 §13.1.1). A record's
 * entity tag is its version in quotes, {@code "7"}, sent as {@code ETag} on reads; a write names the
 * version it was based on, so that a change made meanwhile by someone else is not overwritten.
 * Comparison is strong: a weak tag ({@code W/"7"}) never matches; {@code *} matches any version.
 */
public record IfMatch(boolean any, List<String> entityTags) {

    /** The entity tag of a record at this version. */
    public static String entityTag(long version) {
        return "\"" + version + "\"";
    }

    /**
     * @param header the request's {@code If-Match}, {@code null} when absent
     * @throws PreconditionRequiredException when absent or blank (428)
     */
    public static IfMatch required(String header) {
        if (header == null || header.isBlank()) {
            throw new PreconditionRequiredException(
                    "This change requires If-Match with the ETag of the version it is based on; read the record first.");
        }
        List<String> tags = Arrays.stream(header.split(",")).map(String::strip).filter(tag -> !tag.isEmpty()).toList();
        return new IfMatch(tags.contains("*"), tags);
    }

    /** @throws PreconditionFailedException when the record's current version is not one of the tags (412) */
    public void check(long currentVersion) {
        String current = entityTag(currentVersion);
        if (!any && !entityTags.contains(current)) {
            throw new PreconditionFailedException("The record was changed since version " + String.join(", ", entityTags)
                    + " was read; it is now at " + current + ". Read it again and reapply the change.", current);
        }
    }
}
