package cn.gov.zhaoshang.project.problems.web;

import java.time.LocalDate;

import cn.gov.zhaoshang.project.problems.model.ProblemChange;
import cn.gov.zhaoshang.project.problems.model.ProblemStatus;
import cn.gov.zhaoshang.project.problems.web.ProblemRequestRules.NotBlankWhenGiven;
import cn.gov.zhaoshang.project.problems.web.ProblemRequestRules.OnlyWhenSolved;
import cn.gov.zhaoshang.project.problems.web.ProblemRequestRules.PlausibleDeadline;
import cn.gov.zhaoshang.project.problems.web.ProblemRequestRules.RequiredWhenSolved;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A change of a problem, as a JSON merge patch: an absent (or null) field is kept. The category
 * is not among them: it says what the problem is, and a problem filed under the wrong one is
 * solved with a resolution that says so and logged again.
 *
 * @param status     OPEN, IN_PROGRESS or SOLVED; OPEN or IN_PROGRESS on a SOLVED problem reopens it
 * @param resolution required with status SOLVED, refused otherwise
 */
@RequiredWhenSolved
@OnlyWhenSolved
public record ChangeProblemRequest(
        @NotBlankWhenGiven @Size(max = 2000) String description,
        @NotBlankWhenGiven @Size(max = 200) String department,
        @Pattern(regexp = ProblemRequestRules.ISO_DATE, message = "must be a date such as 2026-12-31")
        @PlausibleDeadline
        String deadline,
        @Pattern(regexp = ProblemStatus.PATTERN, message = "must be one of OPEN, IN_PROGRESS, SOLVED") String status,
        @Size(max = 2000) String resolution) {

    ProblemChange toChange() {
        return new ProblemChange(description, department, deadline == null ? null : LocalDate.parse(deadline),
                status == null ? null : ProblemStatus.valueOf(status), resolution);
    }
}
