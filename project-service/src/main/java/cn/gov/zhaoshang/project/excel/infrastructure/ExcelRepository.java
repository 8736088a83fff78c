package cn.gov.zhaoshang.project.excel.infrastructure;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.gov.zhaoshang.platform.orgunits.OrgLevel;
import cn.gov.zhaoshang.platform.orgunits.OrgUnit;
import cn.gov.zhaoshang.platform.security.OrgScope;
import cn.gov.zhaoshang.project.library.infrastructure.ProjectFilterSql;
import cn.gov.zhaoshang.project.library.model.ProjectFilter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** What imports and exports read beyond the library's own repository. */
@Repository
public class ExcelRepository {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public ExcelRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Every unit in the caller's scope, to resolve the names and codes a file gives. */
    public List<OrgUnit> unitsInScope(OrgScope scope) {
        return jdbc.sql("""
                SELECT code, parent_code, level, name_zh, name_en, path::text AS path FROM org_unit
                WHERE\s""" + OrgScope.pathInSubtree("path", OrgScope.CALLER_PATH))
                .param("callerPath", scope.path())
                .query((rs, row) -> new OrgUnit(rs.getString("code"), rs.getString("parent_code"),
                        OrgLevel.valueOf(rs.getString("level")), rs.getString("name_zh"), rs.getString("name_en"),
                        rs.getString("path")))
                .list();
    }

    /** The registry's enterprise of that exact Chinese name, from the local copy of its events (not merged away). */
    public Optional<UUID> enterpriseNamed(String name) {
        return jdbc.sql("SELECT id FROM enterprise_copy WHERE name_zh = :name AND merged_into IS NULL ORDER BY updated_at DESC LIMIT 1")
                .param("name", name)
                .query(UUID.class)
                .optional();
    }

    /** A project as an export shows it, with the names of its unit and that unit's parent. */
    public record ExportedProject(UUID id, String code, String name, String unitCode, String unitLevel, String unitName,
            String parentName, String industryCode, String stage, LocalDate signingDate, BigDecimal contractAmount,
            String investorName, List<String> chainTags, String keyArea, String channel, UUID residentTeamId,
            BigDecimal fdiUsd, LocalDate plannedStartDate, String siteAddress, String contactName, String contactPhone,
            LocalDate landingDate, LocalDate startDate, LocalDate completionDate, LocalDate productionDate,
            String agreementNumber, String landingDocumentType, String landingDocumentNumber, String permitNumber) {
    }

    /** The month's funds of an exported project as they count: its latest version. */
    public record ExportedFunds(UUID projectId, LocalDate month, BigDecimal amount, String voucherNumber, LocalDate voucherDate) {
    }

    /** The latest version of every month of these projects, by project then month. */
    public List<ExportedFunds> latestFunds(List<UUID> projectIds) {
        if (projectIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT DISTINCT ON (project_id, month) project_id, month, amount, evidence_number, evidence_date
                FROM project_funds WHERE project_id IN (:ids)
                ORDER BY project_id, month, version DESC""")
                .param("ids", projectIds)
                .query((rs, row) -> new ExportedFunds(rs.getObject("project_id", UUID.class), rs.getObject("month", LocalDate.class),
                        rs.getBigDecimal("amount"), rs.getString("evidence_number"), rs.getObject("evidence_date", LocalDate.class)))
                .list();
    }

    /** The accepted projects in scope that match the filter, by signing date then name. */
    public List<ExportedProject> export(OrgScope scope, ProjectFilter filter, int limit) {
        ProjectFilterSql where = ProjectFilterSql.of(jdbc, scope, filter);
        return jdbc.sql("""
                SELECT p.id, p.project_code, p.name, p.org_unit_code, u.level, u.name_zh, parent.name_zh AS parent_name,
                       p.industry_code, p.stage, p.signing_date, p.contract_amount,
                       investor.name_zh AS investor_name, p.industry_chain_tags::text AS tags, p.source_key_area, p.channel,
                       p.resident_team_id, p.fdi_contract_usd, p.planned_start_date, p.site_address, p.contact_name, p.contact_phone,
                       p.landing_date, p.start_date, p.completion_date, p.production_date,
                       agreement.document_number AS agreement_number, landing.document_type AS landing_type,
                       landing.document_number AS landing_number, permit.document_number AS permit_number
                FROM project p
                LEFT JOIN LATERAL (SELECT document_number FROM project_evidence e WHERE e.project_id = p.id
                                   AND e.document_type = 'AGREEMENT' ORDER BY e.document_date DESC LIMIT 1) agreement ON true
                LEFT JOIN LATERAL (SELECT document_type, document_number FROM project_evidence e WHERE e.project_id = p.id
                                   AND e.document_type IN ('BUSINESS_REGISTRATION', 'LAND_GRANT') ORDER BY e.document_date LIMIT 1) landing ON true
                LEFT JOIN LATERAL (SELECT document_number FROM project_evidence e WHERE e.project_id = p.id
                                   AND e.document_type = 'CONSTRUCTION_PERMIT' ORDER BY e.document_date DESC LIMIT 1) permit ON true
                LEFT JOIN enterprise_copy investor ON investor.id = p.investor_enterprise_id
                JOIN org_unit u ON u.code = p.org_unit_code
                LEFT JOIN org_unit parent ON parent.code = u.parent_code
                WHERE p.review_status = 'ACCEPTED' AND\s""" + where.where() + """

                ORDER BY p.signing_date NULLS LAST, p.name, p.id
                LIMIT :limit""")
                .params(where.parameters())
                .param("limit", limit)
                .query((rs, row) -> new ExportedProject(rs.getObject("id", UUID.class), rs.getString("project_code"), rs.getString("name"),
                        rs.getString("org_unit_code"), rs.getString("level"), rs.getString("name_zh"),
                        rs.getString("parent_name"), rs.getString("industry_code"), rs.getString("stage"),
                        rs.getObject("signing_date", LocalDate.class), rs.getBigDecimal("contract_amount"),
                        rs.getString("investor_name"), tags(rs.getString("tags")), rs.getString("source_key_area"),
                        rs.getString("channel"), rs.getObject("resident_team_id", UUID.class), rs.getBigDecimal("fdi_contract_usd"),
                        rs.getObject("planned_start_date", LocalDate.class), rs.getString("site_address"),
                        rs.getString("contact_name"), rs.getString("contact_phone"),
                        rs.getObject("landing_date", LocalDate.class), rs.getObject("start_date", LocalDate.class),
                        rs.getObject("completion_date", LocalDate.class), rs.getObject("production_date", LocalDate.class),
                        rs.getString("agreement_number"), rs.getString("landing_type"), rs.getString("landing_number"),
                        rs.getString("permit_number")))
                .list();
    }

    private List<String> tags(String json) {
        return json == null ? List.of() : List.of(this.json.readValue(json, String[].class));
    }
}
