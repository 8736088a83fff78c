package cn.gov.zhaoshang.contracts.project;

import java.time.Instant;
import java.util.UUID;

/**
 * The {@code data} of event type {@link cn.gov.zhaoshang.contracts.EventTypes#PROJECT_KEY_PROJECT_CHANGED};
 * contract {@code contracts/schemas/project/key-project-changed.v1.json}. A project was marked a key
 * project (重点项目) or no longer is. No personal data: the leader's and officer's names stay in
 * project-service; the unit the responsible leader leads is carried.
 *
 * @param version the project's version after the change
 * @param leaderUnit the unit whose leader answers for the project (领导挂点); {@code null} when not key
 */
public record KeyProjectChanged(UUID projectId, String orgUnit, long version, boolean keyProject, String leaderUnit,
        Instant changedAt) {
}
