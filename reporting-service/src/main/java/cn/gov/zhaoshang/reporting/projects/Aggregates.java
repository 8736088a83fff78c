package cn.gov.zhaoshang.reporting.projects;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The (unit, month) aggregates: a project's contribution is added ({@code sign} +1) or taken out
 * (−1). Each figure is decided here once, from metrics.md, for one project at a time.
 */
@Component
public class Aggregates {

    static final BigDecimal HUNDRED_MILLION = new BigDecimal("100000000");
    static final BigDecimal ONE_BILLION = new BigDecimal("1000000000");
    static final BigDecimal TEN_BILLION = new BigDecimal("10000000000");
    static final BigDecimal TWENTY_BILLION = new BigDecimal("20000000000");

    /** 三类500强: the first three lists of the glossary; 四类: all four. */
    static final Set<String> THREE_CLASSES = Set.of("FORTUNE_GLOBAL_500", "CHINA_500", "CHINA_PRIVATE_500");
    static final Set<String> FOUR_CLASSES = Set.of("FORTUNE_GLOBAL_500", "CHINA_500", "CHINA_PRIVATE_500",
            "CHINA_MANUFACTURING_500");

    private final JdbcClient jdbc;

    public Aggregates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(Project project, int sign) {
        if (!project.counted()) {
            return;
        }
        jdbc.sql("""
                INSERT INTO unit_month_intake (org_unit_code, month, project_count) VALUES (:unit, :month, :n)
                ON CONFLICT (month, org_unit_code) DO UPDATE SET project_count = unit_month_intake.project_count + EXCLUDED.project_count""")
                .param("unit", project.orgUnit()).param("month", monthOf(project.registeredOn())).param("n", sign)
                .update();
        if (!project.countedAsSigned()) {
            return;
        }
        BigDecimal amount = project.contractAmount();
        BigDecimal signed = BigDecimal.valueOf(sign);
        List<String> classes = project.investorClasses();
        LocalDate signingMonth = monthOf(project.signingDate());
        jdbc.sql("""
                INSERT INTO unit_month_signing (org_unit_code, month, signed_count, contract_investment, manufacturing_count,
                    manufacturing_investment, resident_team_count, resident_team_investment, fdi_contract_usd, over_100m,
                    over_1b, over_10b, over_20b, fortune_global_500, china_500, china_private_500, china_manufacturing_500,
                    top500_three_classes, top500_four_classes)
                VALUES (:unit, :month, :n, :amount, :mn, :mAmount, :rn, :rAmount, :fdi, :b1, :b2, :b3, :b4, :fg, :c5, :cp, :cm, :t3, :t4)
                ON CONFLICT (month, org_unit_code) DO UPDATE SET
                    signed_count = unit_month_signing.signed_count + EXCLUDED.signed_count,
                    contract_investment = unit_month_signing.contract_investment + EXCLUDED.contract_investment,
                    manufacturing_count = unit_month_signing.manufacturing_count + EXCLUDED.manufacturing_count,
                    manufacturing_investment = unit_month_signing.manufacturing_investment + EXCLUDED.manufacturing_investment,
                    resident_team_count = unit_month_signing.resident_team_count + EXCLUDED.resident_team_count,
                    resident_team_investment = unit_month_signing.resident_team_investment + EXCLUDED.resident_team_investment,
                    fdi_contract_usd = unit_month_signing.fdi_contract_usd + EXCLUDED.fdi_contract_usd,
                    over_100m = unit_month_signing.over_100m + EXCLUDED.over_100m,
                    over_1b = unit_month_signing.over_1b + EXCLUDED.over_1b,
                    over_10b = unit_month_signing.over_10b + EXCLUDED.over_10b,
                    over_20b = unit_month_signing.over_20b + EXCLUDED.over_20b,
                    fortune_global_500 = unit_month_signing.fortune_global_500 + EXCLUDED.fortune_global_500,
                    china_500 = unit_month_signing.china_500 + EXCLUDED.china_500,
                    china_private_500 = unit_month_signing.china_private_500 + EXCLUDED.china_private_500,
                    china_manufacturing_500 = unit_month_signing.china_manufacturing_500 + EXCLUDED.china_manufacturing_500,
                    top500_three_classes = unit_month_signing.top500_three_classes + EXCLUDED.top500_three_classes,
                    top500_four_classes = unit_month_signing.top500_four_classes + EXCLUDED.top500_four_classes""")
                .param("unit", project.orgUnit()).param("month", signingMonth)
                .param("n", sign).param("amount", amount.multiply(signed))
                .param("mn", project.manufacturing() ? sign : 0)
                .param("mAmount", project.manufacturing() ? amount.multiply(signed) : BigDecimal.ZERO)
                .param("rn", project.residentTeam() ? sign : 0)
                .param("rAmount", project.residentTeam() ? amount.multiply(signed) : BigDecimal.ZERO)
                .param("fdi", project.fdiContractUsd() == null ? BigDecimal.ZERO : project.fdiContractUsd().multiply(signed))
                .param("b1", atLeast(amount, HUNDRED_MILLION, sign)).param("b2", atLeast(amount, ONE_BILLION, sign))
                .param("b3", atLeast(amount, TEN_BILLION, sign)).param("b4", atLeast(amount, TWENTY_BILLION, sign))
                .param("fg", classes.contains("FORTUNE_GLOBAL_500") ? sign : 0)
                .param("c5", classes.contains("CHINA_500") ? sign : 0)
                .param("cp", classes.contains("CHINA_PRIVATE_500") ? sign : 0)
                .param("cm", classes.contains("CHINA_MANUFACTURING_500") ? sign : 0)
                .param("t3", classes.stream().anyMatch(THREE_CLASSES::contains) ? sign : 0)
                .param("t4", classes.stream().anyMatch(FOUR_CLASSES::contains) ? sign : 0)
                .update();
        if (project.residentTeam() && project.residentTeamId() != null) {
            jdbc.sql("""
                    INSERT INTO team_month_signing (team_id, org_unit_code, month, signed_count, contract_investment)
                    VALUES (:team, :unit, :month, :n, :amount)
                    ON CONFLICT (month, team_id, org_unit_code) DO UPDATE SET
                        signed_count = team_month_signing.signed_count + EXCLUDED.signed_count,
                        contract_investment = team_month_signing.contract_investment + EXCLUDED.contract_investment""")
                    .param("team", project.residentTeamId()).param("unit", project.orgUnit()).param("month", signingMonth)
                    .param("n", sign).param("amount", amount.multiply(signed))
                    .update();
        }
        reached(project, "LANDED", project.landedOn(), sign);
        reached(project, "STARTED", project.startedOn(), sign);
        jdbc.sql("SELECT month, amount FROM project_funds WHERE project_id = :id")
                .param("id", project.id())
                .query((rs, row) -> {
                    addFundsRow(project, rs.getObject("month", LocalDate.class), rs.getBigDecimal("amount").multiply(signed));
                    return null;
                })
                .list();
    }

    /** A change of one month's funds of a project by {@code delta} yuan. */
    void addFunds(Project project, LocalDate month, BigDecimal delta) {
        if (project.countedAsSigned() && delta.signum() != 0) {
            addFundsRow(project, month, delta);
        }
    }

    private void addFundsRow(Project project, LocalDate month, BigDecimal delta) {
        jdbc.sql("""
                INSERT INTO unit_month_funds (org_unit_code, month, signing_month, amount) VALUES (:unit, :month, :signingMonth, :amount)
                ON CONFLICT (month, org_unit_code, signing_month) DO UPDATE SET amount = unit_month_funds.amount + EXCLUDED.amount""")
                .param("unit", project.orgUnit()).param("month", month).param("signingMonth", monthOf(project.signingDate()))
                .param("amount", delta)
                .update();
    }

    private void reached(Project project, String stage, LocalDate reachedOn, int sign) {
        if (reachedOn == null) {
            return;
        }
        jdbc.sql("""
                INSERT INTO unit_stage_reached (org_unit_code, signing_month, stage, reached_month, project_count)
                VALUES (:unit, :signingMonth, :stage, :reachedMonth, :n)
                ON CONFLICT (signing_month, org_unit_code, stage, reached_month) DO UPDATE SET
                    project_count = unit_stage_reached.project_count + EXCLUDED.project_count""")
                .param("unit", project.orgUnit()).param("signingMonth", monthOf(project.signingDate()))
                .param("stage", stage).param("reachedMonth", monthOf(reachedOn)).param("n", sign)
                .update();
    }

    private static int atLeast(BigDecimal amount, BigDecimal threshold, int sign) {
        return amount.compareTo(threshold) >= 0 ? sign : 0;
    }

    static LocalDate monthOf(LocalDate day) {
        return day.withDayOfMonth(1);
    }
}
