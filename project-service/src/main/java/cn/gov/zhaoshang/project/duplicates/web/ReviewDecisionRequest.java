package cn.gov.zhaoshang.project.duplicates.web;

import cn.gov.zhaoshang.project.library.model.ReviewDecision;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A reviewer's decision on a pooled project: KEEP_AS_NEW, REJECT or MERGE, with an optional note. */
public record ReviewDecisionRequest(@NotNull ReviewDecision decision, @Size(max = 1000) String note) {
}
