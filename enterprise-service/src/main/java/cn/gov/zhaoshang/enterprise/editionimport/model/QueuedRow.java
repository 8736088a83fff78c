package cn.gov.zhaoshang.enterprise.editionimport.model;

import java.util.UUID;

/** A row waiting for a reviewer, with the import and edition it belongs to. */
public record QueuedRow(UUID importId, UUID editionId, ImportRow row) {
}
