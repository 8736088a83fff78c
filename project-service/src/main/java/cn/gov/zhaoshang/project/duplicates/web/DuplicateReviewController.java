package cn.gov.zhaoshang.project.duplicates.web;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

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
        var shown = views.of(pooled.stream().map(entry -> entry.project()).toList(), scope.caller());
        List<ReviewPoolEntry> items = IntStream.range(0, pooled.size())
                .mapToObj(i -> new ReviewPoolEntry(ProjectResponse.of(shown.get(i)), pooled.get(i).duplicateOf(),
                        pooled.get(i).rule()))
                .toList();
        return new PageResponse<>(items, page, size, review.poolSize(scope));
    }

    /** Keeps a pooled project as new (it then counts and its registered event is published), rejects or merges it. */
    @PostMapping("/api/projects/{id}/review-decision")
    @OfficerOrLeaderRole
    public ProjectResponse decide(@PathVariable UUID id, @Valid @RequestBody ReviewDecisionRequest request) {
        OrgScope scope = currentCaller.scope();
        return ProjectResponse.of(views.of(List.of(review.decide(id, request.decision(), request.note(), scope)), scope.caller()).getFirst());
    }
}
