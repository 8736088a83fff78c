package cn.gov.zhaoshang.project.library.web;

import java.util.List;
import java.util.UUID;

import cn.gov.zhaoshang.platform.security.CurrentCaller;
import cn.gov.zhaoshang.platform.security.OfficerOrAdminRole;
import cn.gov.zhaoshang.platform.security.OfficerRole;
import cn.gov.zhaoshang.platform.security.OrgScope;
import cn.gov.zhaoshang.platform.versioning.IfMatch;
import cn.gov.zhaoshang.project.library.application.ProjectCorrections;
import cn.gov.zhaoshang.project.library.application.ProjectViews;
import jakarta.validation.Validator;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Corrections of a project's descriptive fields (a merge patch against the version the caller read)
 * and the erasure of its investor's contact.
 */
@RestController
public class ProjectCorrectionController {

    private final ProjectCorrections corrections;
    private final ProjectViews views;
    private final CurrentCaller currentCaller;
    private final JsonMapper json;
    private final Validator validator;

    public ProjectCorrectionController(ProjectCorrections corrections, ProjectViews views, CurrentCaller currentCaller,
            JsonMapper json, Validator validator) {
        this.corrections = corrections;
        this.views = views;
        this.currentCaller = currentCaller;
        this.json = json;
        this.validator = validator;
    }

    /**
     * 200 with the corrected project and its new {@code ETag}; 428 without {@code If-Match}, 412 when
     * the project changed since that version, 400 naming every field that cannot be corrected or is
     * bad, 409 while it waits in duplicate review.
     */
    @PatchMapping(path = "/api/projects/{id}", consumes = {"application/merge-patch+json", "application/json"})
    @OfficerRole
    public ResponseEntity<ProjectResponse> correct(@PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, @RequestBody ObjectNode patch) {
        IfMatch precondition = IfMatch.required(ifMatch);
        OrgScope scope = currentCaller.scope();
        var corrected = corrections.correct(id, precondition, ProjectCorrectionRequest.read(patch, json, validator), scope);
        ProjectResponse shown = ProjectResponse.of(views.of(List.of(corrected), scope).getFirst());
        return ResponseEntity.ok().eTag(IfMatch.entityTag(shown.version())).body(shown);
    }

    /** Erasure of the investor's contact on request (个人信息删除, PIPL): 204; the project stays. */
    @PostMapping("/api/projects/{id}/investor-contact/erasure")
    @OfficerOrAdminRole
    public ResponseEntity<Void> eraseContact(@PathVariable UUID id) {
        corrections.eraseContact(id, currentCaller.scope());
        return ResponseEntity.noContent().build();
    }
}
