package cn.gov.zhaoshang.project.library.application;

import java.util.List;
import java.util.UUID;

import cn.gov.zhaoshang.platform.audit.AuditLog;
import cn.gov.zhaoshang.platform.errors.NotFoundException;
import cn.gov.zhaoshang.platform.paging.PageResponse;
import cn.gov.zhaoshang.platform.security.OrgScope;
import cn.gov.zhaoshang.project.library.infrastructure.ProjectRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A project's audit history, whoever acted on it: its registration, corrections, stage moves,
 * transfers, reviews and its monthly funds ({@code project-funds}, keyed {@code <project>/<month>}).
 */
@Service
public class ProjectHistory {

    static final List<String> ENTITY_TYPES = List.of("project", "project-funds");

    private final ProjectRepository projects;
    private final AuditLog auditLog;

    public ProjectHistory(ProjectRepository projects, AuditLog auditLog) {
        this.projects = projects;
        this.auditLog = auditLog;
    }

    /** @throws NotFoundException when the project does not exist or is outside the scope */
    @Transactional
    public PageResponse<AuditLog.AuditRow> of(UUID projectId, int page, int size, OrgScope scope) {
        if (!projects.existsInScope(projectId, scope)) {
            throw new NotFoundException("project", projectId);
        }
        return auditLog.history(ENTITY_TYPES, projectId.toString(), page, size, scope);
    }
}
