package cn.gov.zhaoshang.project.library.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import cn.gov.zhaoshang.contracts.project.ProjectRegistered;

/**
 * A project of the library. Its decisions return what happened, so that the state change and
 * its event leave together, through the outbox, in one transaction.
 */
public record Project(
        UUID id,
        String name,
        String orgUnit,
        ProjectStage stage,
        BigDecimal contractAmount,
        LocalDate signingDate,
        IndustryCode industryCode,
        Instant registeredAt,
        String registeredBy,
        long version) {

    public Project {
        Objects.requireNonNull(id);
        Objects.requireNonNull(name);
        Objects.requireNonNull(orgUnit);
        Objects.requireNonNull(stage);
        Objects.requireNonNull(industryCode);
    }

    /** What registration produced: the project and its first event. */
    public record Registered(Project project, ProjectRegistered event) {
    }

    /**
     * Registers a project that has already been signed: it enters the library at SIGNED, with its
     * contract amount and signing date, which is how existing projects are back-filled.
     */
    public static Registered registerSigned(UUID id, String name, String orgUnit, BigDecimal contractAmount,
            LocalDate signingDate, IndustryCode industryCode, Instant now, String actor) {
        if (contractAmount == null || contractAmount.signum() <= 0) {
            throw new IllegalArgumentException("a signed project has a positive contract amount");
        }
        Objects.requireNonNull(signingDate, "a signed project has a signing date");
        Project project = new Project(id, name.strip(), orgUnit, ProjectStage.SIGNED,
                contractAmount.setScale(2), signingDate, industryCode, now, actor, 0);
        return new Registered(project, project.registeredEvent());
    }

    public boolean isManufacturing() {
        return industryCode.isManufacturing();
    }

    private ProjectRegistered registeredEvent() {
        return new ProjectRegistered(id, name, orgUnit, stage.name(),
                contractAmount == null ? null : contractAmount.toPlainString(),
                signingDate, industryCode.value(), isManufacturing(), registeredAt);
    }
}
