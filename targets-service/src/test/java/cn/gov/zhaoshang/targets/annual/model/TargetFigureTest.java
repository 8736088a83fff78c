package cn.gov.zhaoshang.targets.annual.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import cn.gov.zhaoshang.platform.orgunits.OrgLevel;
import org.junit.jupiter.api.Test;

/**
 * The rules of a target value, without a server: what {@code AnnualTargetsIT} and
 * {@code ExcelBulkEntryIT} show through the API and the Excel upload.
 */
class TargetFigureTest {

    @Test
    void nextYearGrowsAmountsAndCountsRoundedHalfUpAndCarriesRatesAndRequirementsOver() {
        BigDecimal tenPercent = new BigDecimal("10");

        assertThat(TargetFigure.CONTRACT_INVESTMENT.nextYear(new BigDecimal("75000000000.00"), tenPercent))
                .isEqualTo(new BigDecimal("82500000000.00"));
        assertThat(TargetFigure.SIGNED_COUNT.nextYear(new BigDecimal("247"), tenPercent)).isEqualTo(new BigDecimal("272"));
        assertThat(TargetFigure.SIGNED_COUNT.nextYear(new BigDecimal("245"), tenPercent))
                .as("269.5 rounds half up").isEqualTo(new BigDecimal("270"));
        assertThat(TargetFigure.MANUFACTURING_SHARE.nextYear(new BigDecimal("45.00"), tenPercent))
                .isEqualTo(new BigDecimal("45.00"));
        assertThat(TargetFigure.LEADER_TRIPS_CITY_DEPUTY.nextYear(new BigDecimal("2"), tenPercent))
                .isEqualTo(new BigDecimal("2"));
    }

    @Test
    void aValueIsRefusedWhenNegativeTooPreciseForItsFigureOrAPercentageOver100() {
        assertThat(TargetFigure.CONTRACT_INVESTMENT.problemWith(new BigDecimal("-1"))).hasValue("must not be negative");
        assertThat(TargetFigure.SIGNED_COUNT.problemWith(new BigDecimal("2.5"))).hasValue("must be a whole number");
        assertThat(TargetFigure.SIGNED_COUNT.problemWith(new BigDecimal("3.00"))).as("3.00 is the whole number 3").isEmpty();
        assertThat(TargetFigure.CONTRACT_INVESTMENT.problemWith(new BigDecimal("1.005"))).hasValue("has more than 2 decimals");
        assertThat(TargetFigure.MANUFACTURING_SHARE.problemWith(new BigDecimal("150"))).hasValue("is a percentage of at most 100");
        assertThat(TargetFigure.MANUFACTURING_SHARE.problemWith(new BigDecimal("100"))).isEmpty();
        assertThat(TargetFigure.CONTRACT_INVESTMENT.problemWith(new BigDecimal("15050000000.00"))).isEmpty();
    }

    @Test
    void leaderRequirementsBelongToTheirLevelsAndHaveThePlansMinimum() {
        assertThat(TargetFigure.LEADER_TRIPS_CITY_PRINCIPAL.problemFor(OrgLevel.COUNTY, BigDecimal.ONE))
                .hasValue("is not a target of a COUNTY");
        assertThat(TargetFigure.LEADER_TRIPS_CITY_PRINCIPAL.problemFor(OrgLevel.CITY, BigDecimal.ONE)).isEmpty();
        assertThat(TargetFigure.LEADER_TRIPS_CITY_DEPUTY.problemFor(OrgLevel.CITY, BigDecimal.ONE))
                .hasValue("must be at least 2 as the plan requires");
        assertThat(TargetFigure.LEADER_TRIPS_COUNTY_PARK_PRINCIPAL.problemFor(OrgLevel.PARK, BigDecimal.TWO)).isEmpty();
        assertThat(TargetFigure.SPECIAL_CAMPAIGN_DAYS.problemFor(OrgLevel.COUNTY, new BigDecimal("14")))
                .hasValue("must be at least 15 as the plan requires");
        assertThat(TargetFigure.CONTRACT_INVESTMENT.problemFor(OrgLevel.PARK, BigDecimal.ZERO)).isEmpty();
    }
}
