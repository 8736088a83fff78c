package cn.gov.zhaoshang.project.library.web;

import java.util.List;
import java.util.UUID;

import cn.gov.zhaoshang.platform.security.CurrentCaller;
import cn.gov.zhaoshang.platform.security.OfficerOrLeaderRole;
import cn.gov.zhaoshang.platform.security.OrgScope;
import cn.gov.zhaoshang.project.library.application.KeyProjects;
import cn.gov.zhaoshang.project.library.application.ProjectViews;
import cn.gov.zhaoshang.project.library.model.Project;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Key projects (重点项目) and their responsible leader and officer (领导挂点); the list filters them with {@code keyProject}. */
@RestController
public class KeyProjectController {

    private final KeyProjects keyProjects;
    private final ProjectViews views;
    private final CurrentCaller currentCaller;

    public KeyProjectController(KeyProjects keyProjects, ProjectViews views, CurrentCaller currentCaller) {
        this.keyProjects = keyProjects;
        this.views = views;
        this.currentCaller = currentCaller;
    }

    /** Marks the project key, or changes who answers for it. */
    @PutMapping("/api/projects/{id}/key-project")
    @OfficerOrLeaderRole
    public ProjectResponse mark(@PathVariable UUID id, @Valid @RequestBody KeyProjectRequest request) {
        OrgScope scope = currentCaller.scope();
        return shown(keyProjects.mark(id, request.leaderName(), request.leaderUnit(), request.officerName(), scope), scope);
    }

    /** The project is no longer a key project. */
    @DeleteMapping("/api/projects/{id}/key-project")
    @OfficerOrLeaderRole
    public ProjectResponse unmark(@PathVariable UUID id) {
        OrgScope scope = currentCaller.scope();
        return shown(keyProjects.unmark(id, scope), scope);
    }

    private ProjectResponse shown(Project project, OrgScope scope) {
        return ProjectResponse.of(views.of(List.of(project), scope).getFirst());
    }
}
