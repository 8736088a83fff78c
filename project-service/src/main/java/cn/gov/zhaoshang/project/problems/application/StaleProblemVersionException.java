package cn.gov.zhaoshang.project.problems.application;

import java.util.UUID;

/** The caller changed a problem from a version that is no longer its present one: someone else changed it since. */
public class StaleProblemVersionException extends RuntimeException {

    public StaleProblemVersionException(UUID problemId) {
        super("problem " + problemId + " was changed since that version was read");
    }
}
