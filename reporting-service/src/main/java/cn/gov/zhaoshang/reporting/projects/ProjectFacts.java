package cn.gov.zhaoshang.reporting.projects;

import java.math.BigDecimal;

import cn.gov.zhaoshang.contracts.project.ProjectRegistered;
import cn.gov.zhaoshang.platform.orgunits.OrgUnitDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The read model of projects: one row per project, as the events describe it. */
@Component
public class ProjectFacts {

    private final JdbcClient jdbc;
    private final OrgUnitDirectory orgUnits;

    public ProjectFacts(JdbcClient jdbc, OrgUnitDirectory orgUnits) {
        this.jdbc = jdbc;
        this.orgUnits = orgUnits;
    }

    /**
     * @throws UnknownOrgUnitException when the local org tree does not know the project's unit yet;
     *         the event is retried and then dead-lettered, to be re-driven once the tree has it
     */
    public void register(ProjectRegistered event) {
        if (!orgUnits.exists(event.orgUnit())) {
            throw new UnknownOrgUnitException(event.orgUnit());
        }
        jdbc.sql("""
                INSERT INTO project_fact (project_id, name, org_unit_code, stage, contract_amount, signing_date,
                                          industry_code, manufacturing, registered_at)
                VALUES (:id, :name, :orgUnit, :stage, :amount, :signingDate, :industryCode, :manufacturing, :registeredAt)
                ON CONFLICT (project_id) DO NOTHING""")
                .param("id", event.projectId())
                .param("name", event.name())
                .param("orgUnit", event.orgUnit())
                .param("stage", event.stage())
                .param("amount", event.contractAmount() == null ? null : new BigDecimal(event.contractAmount()))
                .param("signingDate", event.signingDate())
                .param("industryCode", event.industryCode())
                .param("manufacturing", event.manufacturing())
                .param("registeredAt", java.sql.Timestamp.from(event.registeredAt()))
                .update();
    }

    /** A project's unit is not in the local org tree (yet). */
    public static class UnknownOrgUnitException extends RuntimeException {
        public UnknownOrgUnitException(String code) {
            super("org unit " + code + " is not in the local org-unit tree");
        }
    }
}
