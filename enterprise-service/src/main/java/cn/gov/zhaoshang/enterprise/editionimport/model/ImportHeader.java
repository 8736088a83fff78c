package cn.gov.zhaoshang.enterprise.editionimport.model;

import java.time.Instant;
import java.util.UUID;

/** An import's header: which edition and file, and whether it is still a preview. */
public record ImportHeader(UUID id, UUID editionId, String fileName, String status, Instant createdAt, String createdBy) {
}
