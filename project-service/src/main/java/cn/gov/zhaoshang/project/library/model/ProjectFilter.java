package cn.gov.zhaoshang.project.library.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * What a search of the project library asks for, every field already checked; a {@code null} or
 * empty field does not filter. Fields with several values match any of them; fields together all
 * have to match.
 *
 * @param query           a name (typo-tolerant) or the start of a project code
 * @param unitPath        the path of a unit within the caller's scope: it and everything under it
 * @param industryPrefix  a GB/T 4754 code or its start, e.g. {@code C}, {@code C38}, {@code C3841}
 * @param amountFrom      contract amount in yuan, at least
 * @param amountTo        contract amount in yuan, at most
 * @param registeredFrom  registered at or after this instant
 * @param registeredBefore registered before this instant
 * @param investor        the investing enterprise's id
 * @param hasOpenWarning  whether the project has a warning not yet cleared
 * @param keyProject      whether it is a key project (重点项目)
 */
public record ProjectFilter(String query, String unitPath, Set<ProjectStage> stages, String industryPrefix,
        Set<String> chainTags, Set<Channel> channels, Set<SourceKeyArea> sourceKeyAreas, Boolean manufacturing,
        BigDecimal amountFrom, BigDecimal amountTo, LocalDate signedFrom, LocalDate signedTo,
        Instant registeredFrom, Instant registeredBefore, UUID investor, Boolean hasOpenWarning, Boolean keyProject) {

    public ProjectFilter {
        stages = Set.copyOf(stages);
        chainTags = Set.copyOf(chainTags);
        channels = Set.copyOf(channels);
        sourceKeyAreas = Set.copyOf(sourceKeyAreas);
    }

    public boolean hasQuery() {
        return query != null;
    }
}
