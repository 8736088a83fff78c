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
    public record ExportedProject(String code, String name, String unitCode, String unitLevel, String unitName,
            String parentName, String industryCode, String stage, LocalDate signingDate, BigDecimal contractAmount,
            String investorName, List<String> chainTags, String keyArea, String channel, UUID residentTeamId,
            BigDecimal fdiUsd, LocalDate plannedStartDate, String siteAddress, String contactName, String contactPhone) {
    }

    /** The accepted projects in scope that match the filter, by signing date then name. */
    public List<ExportedProject> export(OrgScope scope, ProjectFilter filter, int limit) {
        ProjectFilterSql where = ProjectFilterSql.of(scope, filter);
        return jdbc.sql("""
                SELECT p.project_code, p.name, p.org_unit_code, u.level, u.name_zh, parent.name_zh AS parent_name,
                       p.industry_code, p.stage, p.signing_date, p.contract_amount,
                       investor.name_zh AS investor_name, p.industry_chain_tags::text AS tags, p.source_key_area, p.channel,
                       p.resident_team_id, p.fdi_contract_usd, p.planned_start_date, p.site_address, p.contact_name, p.contact_phone
                FROM project p
                LEFT JOIN enterprise_copy investor ON investor.id = p.investor_enterprise_id
                JOIN org_unit u ON u.code = p.org_unit_code
                LEFT JOIN org_unit parent ON parent.code = u.parent_code
                WHERE p.review_status = 'ACCEPTED' AND\s""" + where.where() + """

                ORDER BY p.signing_date NULLS LAST, p.name, p.id
                LIMIT :limit""")
                .params(where.parameters())
                .param("limit", limit)
                .query((rs, row) -> new ExportedProject(rs.getString("project_code"), rs.getString("name"),
                        rs.getString("org_unit_code"), rs.getString("level"), rs.getString("name_zh"),
                        rs.getString("parent_name"), rs.getString("industry_code"), rs.getString("stage"),
                        rs.getObject("signing_date", LocalDate.class), rs.getBigDecimal("contract_amount"),
                        rs.getString("investor_name"), tags(rs.getString("tags")), rs.getString("source_key_area"),
                        rs.getString("channel"), rs.getObject("resident_team_id", UUID.class), rs.getBigDecimal("fdi_contract_usd"),
                        rs.getObject("planned_start_date", LocalDate.class), rs.getString("site_address"),
                        rs.getString("contact_name"), rs.getString("contact_phone")))
                .list();
    }

    private List<String> tags(String json) {
        return json == null ? List.of() : List.of(this.json.readValue(json, String[].class));
    }
}
