package cn.gov.zhaoshang.project.library.web;

import java.util.UUID;

import cn.gov.zhaoshang.platform.audit.AuditLog;
import cn.gov.zhaoshang.platform.paging.PageResponse;
import cn.gov.zhaoshang.platform.paging.Paging;
import cn.gov.zhaoshang.platform.security.AuditorOrAdminRole;
import cn.gov.zhaoshang.platform.security.CurrentCaller;
import cn.gov.zhaoshang.project.library.application.ProjectHistory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/projects/{id}/audit}: the project's audit history for {@code auditor} and
 * {@code admin}, newest first; 404 for a project outside the caller's scope. Reading it is recorded.
 */
@RestController
public class ProjectHistoryController {

    private final ProjectHistory history;
    private final CurrentCaller currentCaller;

    public ProjectHistoryController(ProjectHistory history, CurrentCaller currentCaller) {
        this.history = history;
        this.currentCaller = currentCaller;
    }

    @GetMapping("/api/projects/{id}/audit")
    @AuditorOrAdminRole
    public PageResponse<AuditLog.AuditRow> history(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        Paging.checkRange(page, size);
        return history.of(id, page, size, currentCaller.scope());
    }
}
