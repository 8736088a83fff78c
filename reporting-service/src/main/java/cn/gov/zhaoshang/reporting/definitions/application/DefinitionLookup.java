package cn.gov.zhaoshang.reporting.definitions.application;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import cn.gov.zhaoshang.reporting.definitions.infrastructure.DefinitionVersions;
import cn.gov.zhaoshang.reporting.definitions.model.DefinitionRules;
import org.springframework.stereotype.Component;

/** The definition versions as reporting knows them. They hold for the whole region, so nothing here is scoped. */
@Component
public class DefinitionLookup {

    private final DefinitionVersions versions;

    public DefinitionLookup(DefinitionVersions versions) {
        this.versions = versions;
    }

    /** @param orderBy one of the list's sort terms, never request text */
    public List<DefinitionRules> page(String orderBy, int page, int size) {
        return versions.page(orderBy, page, size);
    }

    public long count() {
        return versions.count();
    }

    public Optional<DefinitionRules> inForceOn(LocalDate date) {
        return versions.inForceOn(date);
    }
}
