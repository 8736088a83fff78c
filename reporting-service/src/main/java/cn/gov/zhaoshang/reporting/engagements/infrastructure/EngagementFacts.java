package cn.gov.zhaoshang.reporting.engagements.infrastructure;

import java.math.BigDecimal;
import java.util.UUID;

import cn.gov.zhaoshang.contracts.enterprise.EngagementRecorded;
import cn.gov.zhaoshang.contracts.project.ProjectWarningCleared;
import cn.gov.zhaoshang.contracts.project.ProjectWarningRaised;
import cn.gov.zhaoshang.reporting.orgunits.infrastructure.LocalOrgUnits;
import cn.gov.zhaoshang.reporting.projects.infrastructure.ProjectFacts.UnknownOrgUnitException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Engagements (funnel, intents, leader trips) and project warnings, as their owners publish them. */
@Component
public class EngagementFacts {

    private final JdbcClient jdbc;
    private final LocalOrgUnits orgUnits;

    public EngagementFacts(JdbcClient jdbc, LocalOrgUnits orgUnits) {
        this.jdbc = jdbc;
        this.orgUnits = orgUnits;
    }

    public void recorded(EngagementRecorded event) {
        String unit = orgUnits.resolve(event.orgUnit()).orElseThrow(() -> new UnknownOrgUnitException(event.orgUnit()));
        String leaderUnit = event.leaderUnit() == null ? null : orgUnits.resolve(event.leaderUnit()).orElse(event.leaderUnit());
        int inserted = jdbc.sql("""
                INSERT INTO engagement_fact (engagement_id, kind, org_unit_code, team, occurred_on, outcome, intent_amount,
                                             leader_role, leader_unit, destination_area)
                VALUES (:id, :kind, :unit, :team, :on, :outcome, :amount, :role, :leaderUnit, :area)
                ON CONFLICT (engagement_id) DO NOTHING""")
                .param("id", event.engagementId()).param("kind", event.kind()).param("unit", unit).param("team", event.team())
                .param("on", event.occurredOn()).param("outcome", event.outcome())
                .param("amount", event.intentAmount() == null ? null : new BigDecimal(event.intentAmount()))
                .param("role", event.leaderRole()).param("leaderUnit", leaderUnit).param("area", event.destinationArea())
                .update();
        if (inserted == 0) {
            return;
        }
        for (UUID enterprise : event.enterpriseIds()) {
            jdbc.sql("""
                    INSERT INTO engagement_enterprise (engagement_id, enterprise_id, kind, org_unit_code, team, occurred_on)
                    VALUES (:id, :enterprise, :kind, :unit, :team, :on) ON CONFLICT DO NOTHING""")
                    .param("id", event.engagementId()).param("enterprise", enterprise).param("kind", event.kind())
                    .param("unit", unit).param("team", event.team()).param("on", event.occurredOn())
                    .update();
        }
    }

    public void warningRaised(ProjectWarningRaised event) {
        String unit = orgUnits.resolve(event.orgUnit()).orElse(event.orgUnit());
        jdbc.sql("""
                INSERT INTO project_warning (warning_id, project_id, org_unit_code, kind, stage, since, raised_at)
                VALUES (:id, :project, :unit, :kind, :stage, :since, :raisedAt) ON CONFLICT (warning_id) DO NOTHING""")
                .param("id", event.warningId()).param("project", event.projectId()).param("unit", unit)
                .param("kind", event.kind()).param("stage", event.stage()).param("since", event.since())
                .param("raisedAt", java.sql.Timestamp.from(event.raisedAt()))
                .update();
    }

    public void warningCleared(ProjectWarningCleared event) {
        jdbc.sql("UPDATE project_warning SET cleared_at = :clearedAt WHERE warning_id = :id")
                .param("id", event.warningId()).param("clearedAt", java.sql.Timestamp.from(event.clearedAt()))
                .update();
    }
}
