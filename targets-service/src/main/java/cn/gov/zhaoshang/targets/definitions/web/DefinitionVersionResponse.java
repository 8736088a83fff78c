package cn.gov.zhaoshang.targets.definitions.web;

import java.time.Instant;
import java.time.LocalDate;

import cn.gov.zhaoshang.targets.definitions.model.DefinitionVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A definition version as the API shows it; {@code content} has the shape of the draft request's. */
public record DefinitionVersionResponse(int version, LocalDate effectiveFrom, String status, Instant publishedAt,
        String createdBy, JsonNode content) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static DefinitionVersionResponse of(DefinitionVersion version) {
        return new DefinitionVersionResponse(version.version(), version.effectiveFrom(), version.status().name(),
                version.publishedAt(), version.createdBy(), JSON.valueToTree(version.content()));
    }
}
