package cn.gov.zhaoshang.reporting.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import cn.gov.zhaoshang.testsupport.PlatformIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The tables keyed for the report follow every write to the aggregates they are derived from: the
 * funds tables (V12) {@code unit_month_funds}, the signing running totals (V13) {@code
 * unit_month_signing} and {@code team_month_signing}; an insert, an added amount, a re-keyed unit,
 * a delete. Units of their own (no other test writes them), so the checks can be exact.
 */
@PlatformIntegrationTest
class ReportReadKeysTest {

    private static final String UNIT = "T-READKEYS-A";
    private static final String RECODED = "T-READKEYS-B";

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void cleanUp() {
        for (String table : new String[] {"unit_month_funds", "unit_month_funds_in_place", "unit_signed_funds_to_date",
                "unit_month_signing", "unit_signing_to_date", "team_month_signing", "team_signing_to_date"}) {
            jdbc.sql("DELETE FROM " + table + " WHERE org_unit_code IN (:units)")
                    .param("units", java.util.List.of(UNIT, RECODED)).update();
        }
    }

    @Test
    void fundsInPlaceAndFundsToDateOfTheSigningMonthFollowEveryWrite() {
        // reported in March for a project signed in February
        add(UNIT, "2022-03-01", "2022-02-01", "100.00");
        assertThat(inPlace(UNIT, "2022-03-01")).isEqualByComparingTo("100.00");
        assertThat(toDate(UNIT, "2022-02-01", "2022-02-01")).isEqualByComparingTo("0");
        assertThat(toDate(UNIT, "2022-03-01", "2022-02-01")).isEqualByComparingTo("100.00");
        assertThat(toDate(UNIT, "2022-12-01", "2022-02-01")).isEqualByComparingTo("100.00");
        assertThat(toDate(UNIT, "2023-01-01", "2022-02-01")).as("the signing year ends in December").isEqualByComparingTo("0");

        // reported the year before the signing (a continuing project): counts from the signing month on
        add(UNIT, "2021-11-01", "2022-04-01", "50.00");
        assertThat(toDate(UNIT, "2022-03-01", "2022-04-01")).isEqualByComparingTo("0");
        assertThat(toDate(UNIT, "2022-04-01", "2022-04-01")).isEqualByComparingTo("50.00");
        assertThat(toDate(UNIT, "2022-12-01", "2022-04-01")).isEqualByComparingTo("50.00");

        // reported after the signing year: funds in place of its month, in no year-to-date of 2022
        add(UNIT, "2023-02-01", "2022-05-01", "70.00");
        assertThat(inPlace(UNIT, "2023-02-01")).isEqualByComparingTo("70.00");
        assertThat(toDate(UNIT, "2022-12-01", "2022-05-01")).isEqualByComparingTo("0");

        // a correction adds to the month's row, as Aggregates writes it
        add(UNIT, "2022-03-01", "2022-02-01", "-30.00");
        assertThat(inPlace(UNIT, "2022-03-01")).isEqualByComparingTo("70.00");
        assertThat(toDate(UNIT, "2022-06-01", "2022-02-01")).isEqualByComparingTo("70.00");
        assertDerivedEqualRecomputed();

        // a recoded unit: its rows are re-keyed (LocalOrgUnits), the derived amounts move with them
        jdbc.sql("UPDATE unit_month_funds SET org_unit_code = :recoded WHERE org_unit_code = :unit")
                .param("recoded", RECODED).param("unit", UNIT).update();
        assertThat(inPlace(UNIT, "2022-03-01")).isEqualByComparingTo("0");
        assertThat(toDate(UNIT, "2022-06-01", "2022-02-01")).isEqualByComparingTo("0");
        assertThat(inPlace(RECODED, "2022-03-01")).isEqualByComparingTo("70.00");
        assertThat(toDate(RECODED, "2022-06-01", "2022-02-01")).isEqualByComparingTo("70.00");
        assertDerivedEqualRecomputed();

        jdbc.sql("DELETE FROM unit_month_funds WHERE org_unit_code = :recoded").param("recoded", RECODED).update();
        assertThat(inPlace(RECODED, "2022-03-01")).isEqualByComparingTo("0");
        assertThat(toDate(RECODED, "2022-12-01", "2022-04-01")).isEqualByComparingTo("0");
        assertDerivedEqualRecomputed();
    }

    @Test
    void signingRunningTotalsRestartEveryJanuaryAndFollowEveryWrite() {
        java.util.UUID team = java.util.UUID.randomUUID();
        signed(UNIT, team, "2022-02-01", 2, "1000.00");
        signed(UNIT, team, "2022-05-01", 1, "500.00");
        signed(UNIT, team, "2021-12-01", 4, "4000.00");
        assertThat(signedToDate(UNIT, "2022-01-01")).isEqualTo(new long[] {0, 0});
        assertThat(signedToDate(UNIT, "2022-02-01")).isEqualTo(new long[] {2, 2});
        assertThat(signedToDate(UNIT, "2022-04-01")).isEqualTo(new long[] {2, 2});
        assertThat(signedToDate(UNIT, "2022-05-01")).isEqualTo(new long[] {3, 3});
        assertThat(signedToDate(UNIT, "2022-12-01")).isEqualTo(new long[] {3, 3});
        assertThat(signedToDate(UNIT, "2021-12-01")).as("last year's total is its own").isEqualTo(new long[] {4, 4});
        assertThat(signedToDate(UNIT, "2023-01-01")).isEqualTo(new long[] {0, 0});

        // a project taken out again (an amendment moves it, a termination removes it)
        signed(UNIT, team, "2022-02-01", -1, "-400.00");
        assertThat(signedToDate(UNIT, "2022-03-01")).isEqualTo(new long[] {1, 1});
        assertThat(jdbc.sql("SELECT contract_investment FROM unit_signing_to_date WHERE org_unit_code = :unit AND month = :month")
                .param("unit", UNIT).param("month", LocalDate.parse("2022-06-01")).query(BigDecimal.class).single())
                .isEqualByComparingTo("1100.00");
        assertRunningTotalsEqualRecomputed();

        for (String table : new String[] {"unit_month_signing", "team_month_signing"}) {
            jdbc.sql("UPDATE " + table + " SET org_unit_code = :recoded WHERE org_unit_code = :unit")
                    .param("recoded", RECODED).param("unit", UNIT).update();
        }
        assertThat(signedToDate(UNIT, "2022-12-01")).isEqualTo(new long[] {0, 0});
        assertThat(signedToDate(RECODED, "2022-12-01")).isEqualTo(new long[] {2, 2});
        assertRunningTotalsEqualRecomputed();

        for (String table : new String[] {"unit_month_signing", "team_month_signing"}) {
            jdbc.sql("DELETE FROM " + table + " WHERE org_unit_code = :recoded").param("recoded", RECODED).update();
        }
        assertThat(signedToDate(RECODED, "2022-12-01")).isEqualTo(new long[] {0, 0});
        assertRunningTotalsEqualRecomputed();
    }

    /** A signing contribution as Aggregates writes it: to the unit's row and to the team's. */
    private void signed(String unit, java.util.UUID team, String month, int count, String amount) {
        jdbc.sql("""
                INSERT INTO unit_month_signing (org_unit_code, month, signed_count, contract_investment) VALUES (:unit, :month, :n, :amount)
                ON CONFLICT (month, org_unit_code) DO UPDATE SET
                    signed_count = unit_month_signing.signed_count + EXCLUDED.signed_count,
                    contract_investment = unit_month_signing.contract_investment + EXCLUDED.contract_investment""")
                .param("unit", unit).param("month", LocalDate.parse(month)).param("n", count).param("amount", new BigDecimal(amount))
                .update();
        jdbc.sql("""
                INSERT INTO team_month_signing (team_id, org_unit_code, month, signed_count, contract_investment)
                VALUES (:team, :unit, :month, :n, :amount)
                ON CONFLICT (month, team_id, org_unit_code) DO UPDATE SET
                    signed_count = team_month_signing.signed_count + EXCLUDED.signed_count,
                    contract_investment = team_month_signing.contract_investment + EXCLUDED.contract_investment""")
                .param("team", team).param("unit", unit).param("month", LocalDate.parse(month)).param("n", count)
                .param("amount", new BigDecimal(amount)).update();
    }

    /** The signed count to the end of the month: {unit's running total, the team's}. */
    private long[] signedToDate(String unit, String month) {
        return jdbc.sql("""
                SELECT (SELECT coalesce(sum(signed_count), 0) FROM unit_signing_to_date WHERE org_unit_code = :unit AND month = :month),
                       (SELECT coalesce(sum(signed_count), 0) FROM team_signing_to_date WHERE org_unit_code = :unit AND month = :month)""")
                .param("unit", unit).param("month", LocalDate.parse(month))
                .query((rs, row) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
    }

    /** Both running totals, recomputed from the monthly rows over 2021-2023, for the test's units. */
    private void assertRunningTotalsEqualRecomputed() {
        long differences = jdbc.sql("""
                WITH months AS (SELECT make_date(y, m, 1) AS month FROM generate_series(2021, 2023) y, generate_series(1, 12) m),
                unit_recomputed AS (
                    SELECT s.org_unit_code, months.month, sum(s.signed_count) AS n, sum(s.contract_investment) AS amount
                    FROM unit_month_signing s JOIN months ON s.month <= months.month
                     AND extract(year FROM s.month) = extract(year FROM months.month)
                    WHERE s.org_unit_code IN (:units) GROUP BY 1, 2),
                team_recomputed AS (
                    SELECT s.org_unit_code, months.month, s.team_id, sum(s.signed_count) AS n, sum(s.contract_investment) AS amount
                    FROM team_month_signing s JOIN months ON s.month <= months.month
                     AND extract(year FROM s.month) = extract(year FROM months.month)
                    WHERE s.org_unit_code IN (:units) GROUP BY 1, 2, 3)
                SELECT (SELECT count(*) FROM unit_recomputed r
                        FULL JOIN (SELECT * FROM unit_signing_to_date WHERE org_unit_code IN (:units)) d USING (org_unit_code, month)
                        WHERE coalesce(r.n, 0) <> coalesce(d.signed_count, 0) OR coalesce(r.amount, 0) <> coalesce(d.contract_investment, 0))
                     + (SELECT count(*) FROM team_recomputed r
                        FULL JOIN (SELECT * FROM team_signing_to_date WHERE org_unit_code IN (:units)) d USING (org_unit_code, month, team_id)
                        WHERE coalesce(r.n, 0) <> coalesce(d.signed_count, 0) OR coalesce(r.amount, 0) <> coalesce(d.contract_investment, 0))""")
                .param("units", java.util.List.of(UNIT, RECODED)).query(Long.class).single();
        assertThat(differences).isZero();
    }

    private void add(String unit, String month, String signingMonth, String amount) {
        jdbc.sql("""
                INSERT INTO unit_month_funds (org_unit_code, month, signing_month, amount) VALUES (:unit, :month, :signing, :amount)
                ON CONFLICT (month, org_unit_code, signing_month) DO UPDATE SET amount = unit_month_funds.amount + EXCLUDED.amount""")
                .param("unit", unit).param("month", LocalDate.parse(month)).param("signing", LocalDate.parse(signingMonth))
                .param("amount", new BigDecimal(amount)).update();
    }

    private BigDecimal inPlace(String unit, String month) {
        return jdbc.sql("SELECT coalesce(sum(amount), 0) FROM unit_month_funds_in_place WHERE org_unit_code = :unit AND month = :month")
                .param("unit", unit).param("month", LocalDate.parse(month)).query(BigDecimal.class).single();
    }

    private BigDecimal toDate(String unit, String toMonth, String signingMonth) {
        return jdbc.sql("""
                SELECT coalesce(sum(amount), 0) FROM unit_signed_funds_to_date
                WHERE org_unit_code = :unit AND to_month = :to AND signing_month = :signing""")
                .param("unit", unit).param("to", LocalDate.parse(toMonth)).param("signing", LocalDate.parse(signingMonth))
                .query(BigDecimal.class).single();
    }

    /** Both derived tables, recomputed from unit_month_funds by their definitions, for the test's units. */
    private void assertDerivedEqualRecomputed() {
        long inPlaceDifferences = jdbc.sql("""
                SELECT count(*) FROM (
                    SELECT org_unit_code, month, sum(amount) AS amount FROM unit_month_funds
                    WHERE org_unit_code IN (:units) GROUP BY 1, 2) f
                FULL JOIN (SELECT * FROM unit_month_funds_in_place WHERE org_unit_code IN (:units)) d USING (org_unit_code, month)
                WHERE coalesce(f.amount, 0) <> coalesce(d.amount, 0)""")
                .param("units", java.util.List.of(UNIT, RECODED)).query(Long.class).single();
        long toDateDifferences = jdbc.sql("""
                WITH months AS (SELECT make_date(2022, m, 1) AS to_month FROM generate_series(1, 12) AS m),
                recomputed AS (
                    SELECT f.org_unit_code, months.to_month, f.signing_month, sum(f.amount) AS amount
                    FROM unit_month_funds f JOIN months
                      ON f.signing_month <= months.to_month AND f.month <= months.to_month
                     AND extract(year FROM f.signing_month) = 2022
                    WHERE f.org_unit_code IN (:units) GROUP BY 1, 2, 3)
                SELECT count(*) FROM recomputed r
                FULL JOIN (SELECT * FROM unit_signed_funds_to_date WHERE org_unit_code IN (:units)) d
                  USING (org_unit_code, to_month, signing_month)
                WHERE coalesce(r.amount, 0) <> coalesce(d.amount, 0)""")
                .param("units", java.util.List.of(UNIT, RECODED)).query(Long.class).single();
        assertThat(inPlaceDifferences).isZero();
        assertThat(toDateDifferences).isZero();
    }
}
