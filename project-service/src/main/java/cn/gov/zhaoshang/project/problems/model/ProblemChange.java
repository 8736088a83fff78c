package cn.gov.zhaoshang.project.problems.model;

import java.time.LocalDate;

/**
 * The new values a change asks for; {@code null} keeps a field as it is.
 *
 * @param status     OPEN or IN_PROGRESS reopens a SOLVED problem; SOLVED needs the resolution
 * @param resolution how the problem was solved; only with status SOLVED
 */
public record ProblemChange(String description, String department, LocalDate deadline, ProblemStatus status,
        String resolution) {
}
