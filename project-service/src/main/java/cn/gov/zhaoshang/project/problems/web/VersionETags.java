package cn.gov.zhaoshang.project.problems.web;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.gov.zhaoshang.platform.errors.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Optimistic concurrency over HTTP (RFC 9110 §13.1.1): a record's version is its strong ETag
 * {@code "<version>"}, and a change must name the version it was made from in {@code If-Match}.
 * Without one the change is refused with 428 (RFC 6585), so that no client overwrites a change
 * it never saw; with a version that is no longer the present one, with 412. Both answers are
 * problem details; the 428 is an {@link ErrorResponseException}, which the shared handler renders.
 */
final class VersionETags {

    private static final Pattern STRONG_VERSION_TAG = Pattern.compile("^\"([0-9]{1,18})\"$");

    private VersionETags() {
    }

    static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The versions an {@code If-Match} header names. Weak tags ({@code W/"3"}) and tags that are
     * not versions of ours are dropped, as they never match under If-Match's strong comparison; a
     * header left with none matches no version, and the change then gets its 412.
     *
     * @throws ErrorResponseException 428 when the header is missing, or is {@code *}, which names no version
     */
    static Set<Long> versionsNamedBy(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw preconditionRequired("A change names the version it was made from: send If-Match with the ETag you read.");
        }
        if (ifMatch.strip().equals("*")) {
            throw preconditionRequired("If-Match: * would overwrite any version; send the ETag you read.");
        }
        Set<Long> versions = new HashSet<>();
        for (String tag : ifMatch.split(",")) {
            Matcher version = STRONG_VERSION_TAG.matcher(tag.strip());
            if (version.matches()) {
                versions.add(Long.parseLong(version.group(1)));
            }
        }
        return versions;
    }

    /** The 412 of a change made from a version that is no longer the present one. */
    static ProblemDetail preconditionFailed() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_FAILED,
                "It was changed since you read it: read it again, with its new ETag, and retry.");
        problem.setType(ProblemTypes.type("precondition-failed"));
        problem.setTitle("Changed by someone else");
        return problem;
    }

    private static ErrorResponseException preconditionRequired(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_REQUIRED, detail);
        problem.setType(ProblemTypes.type("precondition-required"));
        problem.setTitle("If-Match required");
        return new ErrorResponseException(HttpStatus.PRECONDITION_REQUIRED, problem, null);
    }
}
