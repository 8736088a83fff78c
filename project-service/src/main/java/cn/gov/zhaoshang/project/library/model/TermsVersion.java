package cn.gov.zhaoshang.project.library.model;

import java.math.BigDecimal;
import java.time.Instant;

/** One version of a project's terms; {@code reason} is {@code null} for version 1, the terms at signing. */
public record TermsVersion(int version, BigDecimal contractAmount, BigDecimal fdiContractUsd, String industryCode,
        boolean manufacturing, String reason, Instant recordedAt, String recordedBy) {
}
