package cn.gov.zhaoshang.project.library.infrastructure;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import cn.gov.zhaoshang.project.library.model.TermsVersion;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The versions of signed projects' terms; rows are only ever inserted. */
@Repository
public class TermsRepository {

    /** When and by whom a project was signed: its move into SIGNED, or its registration at SIGNED or later. */
    public record SignedBy(Instant at, String by) {
    }

    private final JdbcClient jdbc;

    public TermsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<TermsVersion> historyOf(UUID projectId) {
        return jdbc.sql("""
                SELECT version, contract_amount, fdi_contract_usd, industry_code, manufacturing, reason, recorded_at, recorded_by
                FROM project_terms_version WHERE project_id = :id ORDER BY version""")
                .param("id", projectId)
                .query((rs, row) -> new TermsVersion(rs.getInt("version"), rs.getBigDecimal("contract_amount"),
                        rs.getBigDecimal("fdi_contract_usd"), rs.getString("industry_code"), rs.getBoolean("manufacturing"),
                        rs.getString("reason"), rs.getTimestamp("recorded_at").toInstant(), rs.getString("recorded_by")))
                .list();
    }

    public void insert(UUID projectId, TermsVersion terms) {
        jdbc.sql("""
                INSERT INTO project_terms_version (project_id, version, contract_amount, fdi_contract_usd, industry_code,
                                                   manufacturing, reason, recorded_at, recorded_by)
                VALUES (:id, :version, :amount, :fdi, :industry, :manufacturing, :reason, :at, :by)""")
                .param("id", projectId).param("version", terms.version()).param("amount", terms.contractAmount())
                .param("fdi", terms.fdiContractUsd()).param("industry", terms.industryCode())
                .param("manufacturing", terms.manufacturing()).param("reason", terms.reason())
                .param("at", Timestamp.from(terms.recordedAt())).param("by", terms.recordedBy())
                .update();
    }

    /** The signing's record in the stage history: the last move into SIGNED that was not a resumption, or the registration. */
    public SignedBy signingOf(UUID projectId) {
        return jdbc.sql("""
                SELECT moved_at, moved_by FROM project_stage_move
                WHERE project_id = :id AND (from_stage IS NULL OR (to_stage = 'SIGNED' AND from_stage <> 'SUSPENDED'))
                ORDER BY seq DESC LIMIT 1""")
                .param("id", projectId)
                .query((rs, row) -> new SignedBy(rs.getTimestamp("moved_at").toInstant(), rs.getString("moved_by")))
                .single();
    }

    /** Writes the latest terms onto a project that was read with {@code ProjectRepository.lockInScope}. */
    public void updateProjectTerms(UUID projectId, BigDecimal amount, BigDecimal fdi, String industryCode, boolean manufacturing,
            long version) {
        jdbc.sql("""
                UPDATE project SET contract_amount = :amount, fdi_contract_usd = :fdi, industry_code = :industry,
                                   manufacturing = :manufacturing, version = :version
                WHERE id = :id""")
                .param("id", projectId).param("amount", amount).param("fdi", fdi).param("industry", industryCode)
                .param("manufacturing", manufacturing).param("version", version)
                .update();
    }
}
