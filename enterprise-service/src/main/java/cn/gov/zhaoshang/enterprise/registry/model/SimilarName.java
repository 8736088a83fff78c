package cn.gov.zhaoshang.enterprise.registry.model;

import java.util.UUID;

/** A registered name and how similar it is to the one asked about (pg_trgm similarity, 0 to 1). */
public record SimilarName(UUID id, String nameZh, String uscc, double similarity) {
}
