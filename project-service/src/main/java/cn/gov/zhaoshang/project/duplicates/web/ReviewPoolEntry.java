package cn.gov.zhaoshang.project.duplicates.web;

import java.util.UUID;

import cn.gov.zhaoshang.project.library.application.ProjectViews.ProjectView;
import cn.gov.zhaoshang.project.library.web.ProjectResponse;

/**
 * A pooled project of the duplicate review, the project it may duplicate and the rule that found it
 * (L1…); both {@code null} when that project lies outside the caller's scope.
 */
public record ReviewPoolEntry(ProjectResponse project, UUID duplicateOf, String rule) {

    static ReviewPoolEntry of(ProjectView view) {
        ProjectResponse project = ProjectResponse.of(view);
        return new ReviewPoolEntry(project, project.duplicateOf(), project.duplicateRule());
    }
}
