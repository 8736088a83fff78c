package cn.gov.zhaoshang.project.library.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import cn.gov.zhaoshang.project.library.model.Project;

/** A project as the API shows it; amounts are decimal strings in yuan. */
public record ProjectResponse(
        UUID id,
        String name,
        String orgUnit,
        String stage,
        String contractAmount,
        LocalDate signingDate,
        String industryCode,
        boolean manufacturing,
        Instant registeredAt,
        String registeredBy,
        long version,
        LocalDate startDate,
        String interruptedStage,
        String reviewStatus) {

    static ProjectResponse of(Project project) {
        return new ProjectResponse(project.id(), project.name(), project.orgUnit(), project.stage().name(),
                project.contractAmount() == null ? null : project.contractAmount().toPlainString(),
                project.signingDate(), project.industryCode().value(), project.isManufacturing(),
                project.registeredAt(), project.registeredBy(), project.version(), project.startDate(),
                project.interruptedStage() == null ? null : project.interruptedStage().name(), project.review().name());
    }
}
