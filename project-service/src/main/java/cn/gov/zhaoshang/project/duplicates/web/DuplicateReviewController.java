package cn.gov.zhaoshang.project.duplicates.web;

import java.util.List;
import java.util.UUID;

import cn.gov.zhaoshang.platform.paging.PageResponse;
import cn.gov.zhaoshang.platform.paging.Paging;
import cn.gov.zhaoshang.platform.security.CurrentCaller;
import cn.gov.zhaoshang.platform.security.OfficerOrLeaderRole;
import cn.gov.zhaoshang.platform.security.OrgScope;
import cn.gov.zhaoshang.platform.security.ReaderRole;
import cn.gov.zhaoshang.project.duplicates.application.DuplicateReview;
import cn.gov.zhaoshang.project.library.application.ProjectViews;
import cn.gov.zhaoshang.project.library.web.ProjectController;
import cn.gov.zhaoshang.project.library.web.ProjectResponse;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The duplicate review pool (查重待审) within the caller's scope. */
@RestController
public class DuplicateReviewController {

    private final DuplicateReview review;
    private final ProjectViews views;
    private final CurrentCaller currentCaller;

    public DuplicateReviewController(DuplicateReview review, ProjectViews views, CurrentCaller currentCaller) {
        this.review = review;
        this.views = views;
        this.currentCaller = currentCaller;
    }

    /** Pooled projects, oldest first. */
    @GetMapping("/api/projects/review-pool")
    @ReaderRole
    public PageResponse<ReviewPoolEntry> pool(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        Paging.checkRange(page, size);
        OrgScope scope = currentCaller.scope();
        var pooled = review.pool(scope, page, size);
        // What each may duplicate is named only when that project is within the caller's scope too.
        List<ReviewPoolEntry> items = views.of(pooled, scope).stream()
                .map(ReviewPoolEntry::of)
                .toList();
        return new PageResponse<>(items, page, size, review.poolSize(scope));
    }

    /** Keeps a pooled project as new (it then counts and its registered event is published), rejects or merges it. */
    @PostMapping("/api/projects/{id}/review-decision")
    @OfficerOrLeaderRole
    public ProjectResponse decide(@PathVariable UUID id, @Valid @RequestBody ReviewDecisionRequest request) {
        OrgScope scope = currentCaller.scope();
        return ProjectResponse.of(views.of(List.of(review.decide(id, request.decision(), request.note(), scope)), scope).getFirst());
    }
}
