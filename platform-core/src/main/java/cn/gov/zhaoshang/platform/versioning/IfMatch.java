package cn.gov.zhaoshang.platform.versioning;

import java.util.Arrays;
import java.util.List;

import cn.gov.zhaoshang.platform.errors.PreconditionFailedException;
import cn.gov.zhaoshang.platform.errors.PreconditionRequiredException;

/**
 * The {@code If-Match} precondition of a change to a versioned record (RFC 9110 §13.1.1). A record's
 * entity tag is its version in quotes, {@code "7"}, sent as {@code ETag} on reads; a change names the
 * version it was made from, so that a change someone else made meanwhile is never overwritten.
 * Comparison is strong: a weak tag ({@code W/"7"}) or a tag that is not a version never matches, and
 * the change gets its 412. A request must name a version: {@code *} (any version) is refused with
 * 428 like a missing header, since it would overwrite what the client never saw. {@link #ANY} is for
 * changes made inside the platform under their own locks (an import), never from a request header.
 */
public final class IfMatch {

    /** Matches every version: for changes that are not made from a version a client read. */
    public static final IfMatch ANY = new IfMatch(null);

    private final List<String> entityTags;

    private IfMatch(List<String> entityTags) {
        this.entityTags = entityTags;
    }

    /** The entity tag of a record at this version. */
    public static String entityTag(long version) {
        return "\"" + version + "\"";
    }

    /**
     * @param header the request's {@code If-Match}, {@code null} when absent
     * @throws PreconditionRequiredException when absent, blank or {@code *} (428)
     */
    public static IfMatch required(String header) {
        if (header == null || header.isBlank()) {
            throw new PreconditionRequiredException(
                    "A change names the version it was made from: send If-Match with the ETag you read.");
        }
        List<String> tags = Arrays.stream(header.split(",")).map(String::strip).filter(tag -> !tag.isEmpty()).toList();
        if (tags.contains("*")) {
            throw new PreconditionRequiredException("If-Match: * would overwrite any version; send the ETag you read.");
        }
        return new IfMatch(tags);
    }

    /** @throws PreconditionFailedException when the record's current version is not one of the tags (412) */
    public void check(long currentVersion) {
        String current = entityTag(currentVersion);
        if (entityTags != null && !entityTags.contains(current)) {
            throw new PreconditionFailedException("It was changed since version " + String.join(", ", entityTags)
                    + " was read; it is now at " + current + ". Read it again, with its new ETag, and retry.", current);
        }
    }
}
