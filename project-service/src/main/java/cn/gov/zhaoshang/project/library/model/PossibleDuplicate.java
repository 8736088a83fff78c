package cn.gov.zhaoshang.project.library.model;

import java.util.UUID;

/**
 * What a caller is told about the project a pooled (or checked) one may duplicate. The project and
 * the rule are named only when that project lies within the caller's scope; otherwise both are
 * {@code null}, and the caller learns no more than that the reviewers of the city will decide.
 *
 * @param duplicateOf the project it may duplicate, or {@code null} when outside the caller's scope
 * @param rule the rule that found it (L1–L4), or {@code null} when outside the caller's scope
 */
public record PossibleDuplicate(UUID duplicateOf, String rule) {

    /** A hit on a project the caller may not see. */
    public static final PossibleDuplicate UNDISCLOSED = new PossibleDuplicate(null, null);

    /** The hit as a caller is told it: in full when the other project is within their scope. */
    public static PossibleDuplicate disclosed(UUID duplicateOf, String rule, boolean withinCallersScope) {
        return withinCallersScope ? new PossibleDuplicate(duplicateOf, rule) : UNDISCLOSED;
    }

    public boolean disclosed() {
        return duplicateOf != null;
    }
}
