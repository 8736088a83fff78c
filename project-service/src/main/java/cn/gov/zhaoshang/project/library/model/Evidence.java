package cn.gov.zhaoshang.project.library.model;

import java.time.LocalDate;
import java.util.Objects;

/** A document proving a stage: its type, number and date. */
public record Evidence(EvidenceType type, String number, LocalDate date) {

    public Evidence {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(date, "date");
        if (number == null || number.isBlank()) {
            throw new IllegalArgumentException("a document has a number");
        }
        number = number.strip();
    }
}
