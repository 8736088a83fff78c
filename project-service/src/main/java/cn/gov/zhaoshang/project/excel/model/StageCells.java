package cn.gov.zhaoshang.project.excel.model;

import java.time.LocalDate;

import cn.gov.zhaoshang.project.library.model.EvidenceType;

/**
 * The platform's columns V–AC of a row of the monthly list: the date each stage was reached and the
 * numbers of the documents that prove them. The bureaus' columns A–U carry none of these; the
 * monthly routine needs them to move a project on (docs/projects.md, "Excel"). Empty cells are {@code null}.
 */
public record StageCells(LocalDate landingDate, LocalDate startDate, LocalDate completionDate, LocalDate productionDate,
        String agreementNumber, EvidenceType landingDocumentType, String landingDocumentNumber, String permitNumber) {

    public static final StageCells NONE = new StageCells(null, null, null, null, null, null, null, null);
}
