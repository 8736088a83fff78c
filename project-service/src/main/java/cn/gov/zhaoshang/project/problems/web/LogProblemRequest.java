package cn.gov.zhaoshang.project.problems.web;

import java.time.LocalDate;

import cn.gov.zhaoshang.project.problems.application.ProblemLog.NewProblem;
import cn.gov.zhaoshang.project.problems.model.ProblemCategory;
import cn.gov.zhaoshang.project.problems.web.ProblemRequestRules.PlausibleDeadline;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A problem to log. The category and deadline are read as text and checked here, so that a wrong
 * one is named together with every other bad field rather than failing the whole body alone.
 *
 * @param category   LAND, PERMITS, UTILITIES, FINANCING, EQUIPMENT or OTHER
 * @param department the department responsible for solving it (责任单位)
 * @param deadline   {@code yyyy-mm-dd}, from 3 years before today to 5 years after it
 */
public record LogProblemRequest(
        @NotNull
        @Pattern(regexp = ProblemCategory.PATTERN, message = "must be one of LAND, PERMITS, UTILITIES, FINANCING, EQUIPMENT, OTHER")
        String category,
        @NotBlank @Size(max = 2000) String description,
        @NotBlank @Size(max = 200) String department,
        @NotNull
        @Pattern(regexp = ProblemRequestRules.ISO_DATE, message = "must be a date such as 2026-12-31")
        @PlausibleDeadline
        String deadline) {

    NewProblem toNewProblem() {
        return new NewProblem(ProblemCategory.valueOf(category), description, department, LocalDate.parse(deadline));
    }
}
