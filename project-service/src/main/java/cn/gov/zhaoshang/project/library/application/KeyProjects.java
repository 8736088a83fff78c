package cn.gov.zhaoshang.project.library.application;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.gov.zhaoshang.contracts.EventTypes;
import cn.gov.zhaoshang.contracts.project.KeyProjectChanged;
import cn.gov.zhaoshang.platform.audit.AuditTrail;
import cn.gov.zhaoshang.platform.errors.ConflictException;
import cn.gov.zhaoshang.platform.errors.FieldViolation;
import cn.gov.zhaoshang.platform.errors.NotFoundException;
import cn.gov.zhaoshang.platform.errors.RequestValidationException;
import cn.gov.zhaoshang.platform.orgunits.OrgUnit;
import cn.gov.zhaoshang.platform.orgunits.OrgUnitDirectory;
import cn.gov.zhaoshang.platform.outbox.EventPublisher;
import cn.gov.zhaoshang.platform.security.OrgScope;
import cn.gov.zhaoshang.project.library.infrastructure.KeyProjectRepository;
import cn.gov.zhaoshang.project.library.infrastructure.ProjectRepository;
import cn.gov.zhaoshang.project.library.model.KeyProject;
import cn.gov.zhaoshang.project.library.model.Project;
import cn.gov.zhaoshang.project.library.model.ProjectStage;
import cn.gov.zhaoshang.project.library.model.ReviewStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Key projects (重点项目) and who answers for them (领导挂点): a leader of the project's unit or of a
 * unit above it, and an officer. Marking and unmarking are audited and published as
 * {@code key-project-changed} (without the names, which are kept here).
 */
@Service
public class KeyProjects {

    private final ProjectRepository projects;
    private final KeyProjectRepository keys;
    private final OrgUnitDirectory orgUnits;
    private final EventPublisher events;
    private final AuditTrail audit;
    private final Clock clock;

    public KeyProjects(ProjectRepository projects, KeyProjectRepository keys, OrgUnitDirectory orgUnits, EventPublisher events,
            AuditTrail audit, Clock clock) {
        this.projects = projects;
        this.keys = keys;
        this.orgUnits = orgUnits;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Marks the project key with its responsible leader and officer, or changes them.
     *
     * @throws NotFoundException outside the scope (404)
     * @throws RequestValidationException when the leader's unit is unknown or not the project's unit or one above it (400)
     * @throws ConflictException for a project waiting in duplicate review or terminated (409)
     */
    @Transactional
    public Project mark(UUID projectId, String leaderName, String leaderUnit, String officerName, OrgScope scope) {
        Project project = changeable(projectId, scope);
        OrgUnit leaders = orgUnits.find(leaderUnit).orElseThrow(() -> new RequestValidationException(
                List.of(new FieldViolation("leaderUnit", "KnownOrgUnit", "is not a known org unit code"))));
        OrgUnit owner = orgUnits.find(project.orgUnit()).orElseThrow();
        if (!leaders.contains(owner)) {
            throw new RequestValidationException(List.of(new FieldViolation("leaderUnit", "LeaderUnitAboveProject",
                    "the responsible leader leads the project's unit (" + project.orgUnit() + ") or a unit above it")));
        }
        return write(project, new KeyProject(true, leaderName, leaders.code(), officerName), scope);
    }

    /** The project is no longer a key project; unmarking one that is not key changes nothing. */
    @Transactional
    public Project unmark(UUID projectId, OrgScope scope) {
        return write(changeable(projectId, scope), KeyProject.NONE, scope);
    }

    private Project changeable(UUID projectId, OrgScope scope) {
        Project project = projects.lockInScope(projectId, scope).orElseThrow(() -> new NotFoundException("project", projectId));
        if (project.review() != ReviewStatus.ACCEPTED || project.stage() == ProjectStage.TERMINATED) {
            throw new ConflictException("only a project of the library that counts (accepted in review, not terminated) is a key project",
                    Map.of("stage", project.stage().name(), "reviewStatus", project.review().name()));
        }
        return project;
    }

    private Project write(Project project, KeyProject after, OrgScope scope) {
        KeyProject before = keys.of(List.of(project.id())).getOrDefault(project.id(), KeyProject.NONE);
        if (before.equals(after)) {
            return project;
        }
        long version = keys.write(project.id(), after);
        audit.record(scope.caller(), "project", project.id().toString(), after.key() ? "key-project-marked" : "key-project-unmarked",
                audited(before), audited(after));
        events.publish(EventTypes.PROJECT_KEY_PROJECT_CHANGED, project.id().toString(), project.orgUnit(),
                new KeyProjectChanged(project.id(), project.orgUnit(), version, after.key(), after.leaderUnit(), clock.instant()));
        return projects.findInScope(project.id(), scope).orElseThrow();
    }

    private static Map<String, Object> audited(KeyProject key) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("keyProject", key.key());
        fields.put("leaderName", key.leaderName());
        fields.put("leaderUnit", key.leaderUnit());
        fields.put("officerName", key.officerName());
        return fields;
    }
}
