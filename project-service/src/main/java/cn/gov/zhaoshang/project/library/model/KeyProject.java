package cn.gov.zhaoshang.project.library.model;

import java.util.Objects;

/**
 * A key project's responsibility (重点项目, 领导挂点): the leader who answers for it, with the unit
 * they lead (the project's own unit or one above it), and the officer who follows it day to day.
 * {@link #NONE}: not a key project.
 */
public record KeyProject(boolean key, String leaderName, String leaderUnit, String officerName) {

    public static final KeyProject NONE = new KeyProject(false, null, null, null);

    public KeyProject {
        if (key) {
            Objects.requireNonNull(leaderName, "a key project has a responsible leader");
            Objects.requireNonNull(leaderUnit, "a key project's leader leads a unit");
            leaderName = leaderName.strip();
            officerName = officerName == null || officerName.isBlank() ? null : officerName.strip();
        } else if (leaderName != null || leaderUnit != null || officerName != null) {
            throw new IllegalArgumentException("only a key project has a responsible leader and officer");
        }
    }
}
