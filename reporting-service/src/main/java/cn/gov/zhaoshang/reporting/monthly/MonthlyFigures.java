package cn.gov.zhaoshang.reporting.monthly;

import java.math.BigDecimal;
import java.time.YearMonth;

import cn.gov.zhaoshang.platform.orgunits.OrgUnit;
import cn.gov.zhaoshang.platform.security.OrgScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Signing figures of a unit and everything under it, from the project read model. */
@Repository
public class MonthlyFigures {

    private final JdbcClient jdbc;

    public MonthlyFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Projects signed in the month, under {@code unit}, within the caller's scope. Terminated
     * projects leave every count (metrics.md).
     */
    public Signings signings(OrgUnit unit, YearMonth month, OrgScope scope) {
        return jdbc.sql("""
                SELECT count(*) AS signed_count, coalesce(sum(contract_amount), 0) AS contract_investment
                FROM project_fact
                WHERE signing_date BETWEEN :from AND :to
                  AND stage <> 'TERMINATED'
                  AND org_unit_code IN (SELECT code FROM org_unit WHERE path <@ CAST(:unitPath AS ltree))
                """ + " AND " + OrgScope.WITHIN_SCOPE)
                .param("from", month.atDay(1))
                .param("to", month.atEndOfMonth())
                .param("unitPath", unit.path())
                .param("callerPath", scope.path())
                .query(Signings.class)
                .single();
    }

    /** @param contractInvestment exact sum in yuan */
    public record Signings(long signedCount, BigDecimal contractInvestment) {
    }
}
