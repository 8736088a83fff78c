package cn.gov.zhaoshang.reporting.targets.infrastructure;

import java.math.BigDecimal;
import java.util.Map;

import cn.gov.zhaoshang.contracts.targets.TargetSet;
import cn.gov.zhaoshang.contracts.targets.TeamChanged;
import cn.gov.zhaoshang.platform.events.EventJson;
import cn.gov.zhaoshang.reporting.orgunits.infrastructure.LocalOrgUnits;
import cn.gov.zhaoshang.reporting.projects.infrastructure.ProjectFacts.UnknownOrgUnitException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Targets in force and resident teams, as targets-service publishes them. (Definition versions are
 * kept by {@code definitions.DefinitionVersions}, from the same topic.)
 */
@Component
public class TargetFacts {

    private final JdbcClient jdbc;
    private final LocalOrgUnits orgUnits;
    private final EventJson json;

    public TargetFacts(JdbcClient jdbc, LocalOrgUnits orgUnits, EventJson json) {
        this.jdbc = jdbc;
        this.orgUnits = orgUnits;
        this.json = json;
    }

    /** The unit's targets for the year become exactly {@code after}: a figure absent there has no target. */
    public void targetSet(TargetSet event) {
        String unit = orgUnits.resolve(event.orgUnit()).orElseThrow(() -> new UnknownOrgUnitException(event.orgUnit()));
        jdbc.sql("DELETE FROM unit_target WHERE org_unit_code = :unit AND year = :year")
                .param("unit", unit).param("year", event.year()).update();
        for (Map.Entry<String, String> figure : event.after().entrySet()) {
            jdbc.sql("INSERT INTO unit_target (org_unit_code, year, figure, value) VALUES (:unit, :year, :figure, :value)")
                    .param("unit", unit).param("year", event.year()).param("figure", figure.getKey())
                    .param("value", new BigDecimal(figure.getValue()))
                    .update();
        }
    }

    public void team(TeamChanged team) {
        String unit = orgUnits.resolve(team.orgUnit()).orElseThrow(() -> new UnknownOrgUnitException(team.orgUnit()));
        jdbc.sql("""
                INSERT INTO resident_team (team_id, org_unit_code, name, key_area, member_count, closed, contract_targets)
                VALUES (:id, :unit, :name, :keyArea, :members, :closed, CAST(:targets AS jsonb))
                ON CONFLICT (team_id) DO UPDATE SET org_unit_code = EXCLUDED.org_unit_code, name = EXCLUDED.name,
                    key_area = EXCLUDED.key_area, member_count = EXCLUDED.member_count, closed = EXCLUDED.closed,
                    contract_targets = EXCLUDED.contract_targets""")
                .param("id", team.teamId()).param("unit", unit).param("name", team.name()).param("keyArea", team.keyArea())
                .param("members", team.memberCount()).param("closed", team.closed())
                .param("targets", json.toTree(team.contractTargets() == null ? Map.of() : team.contractTargets()).toString())
                .update();
    }
}
