package cn.gov.zhaoshang.contracts.targets;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The {@code data} of {@link cn.gov.zhaoshang.contracts.EventTypes#TARGETS_DEFINITION_PUBLISHED}.
 * Contract: {@code contracts/schemas/targets/definition-published.v1.json}.
 *
 * @param effectiveFrom first day the version is in force
 * @param figureCodes   the figures it defines
 */
public record DefinitionPublished(int version, LocalDate effectiveFrom, Instant publishedAt, List<String> figureCodes) {
}
