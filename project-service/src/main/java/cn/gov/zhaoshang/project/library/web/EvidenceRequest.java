package cn.gov.zhaoshang.project.library.web;

import java.time.LocalDate;

import cn.gov.zhaoshang.project.library.model.Evidence;
import cn.gov.zhaoshang.project.library.model.EvidenceType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

/** A document proving a stage: AGREEMENT, BUSINESS_REGISTRATION, LAND_GRANT, CONSTRUCTION_PERMIT or OTHER. */
public record EvidenceRequest(
        @NotNull EvidenceType documentType,
        @NotBlank @Size(max = 100) String documentNumber,
        @NotNull @PastOrPresent LocalDate documentDate) {

    Evidence toEvidence() {
        return new Evidence(documentType, documentNumber, documentDate);
    }
}
