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
 * The funds tables keyed for the report (V12) follow every write to {@code unit_month_funds}, the
 * aggregate they are derived from: an insert, an added amount, a re-keyed unit, a delete. Units of
 * their own (no other test writes them), so the checks can be exact.
 */
@PlatformIntegrationTest
class ReportReadKeysIT {

    private static final String UNIT = "T-READKEYS-A";
    private static final String RECODED = "T-READKEYS-B";

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void cleanUp() {
        for (String table : new String[] {"unit_month_funds", "unit_month_funds_in_place", "unit_signed_funds_to_date"}) {
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
