package cn.gov.zhaoshang.targets.definitions.web;

import java.time.LocalDate;

import cn.gov.zhaoshang.targets.definitions.model.DefinitionContent;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** A draft version: the date it takes effect and what it defines. */
public record DefinitionDraftRequest(@NotNull LocalDate effectiveFrom, @NotNull @Valid DefinitionContent content) {
}
