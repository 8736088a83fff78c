package cn.gov.zhaoshang.targets.orgunits.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import cn.gov.zhaoshang.platform.orgunits.OrgLevel;
import org.junit.jupiter.api.Test;

/** The shape of the org tree, without a server: what {@code OrgUnitTreeIT} shows through the API. */
class OrgUnitRulesTest {

    @Test
    void codesAreSixDigitDivisionsOrAParentsCodeWithAParkNumber() {
        assertThat(OrgUnitRules.isWellFormedCode("450881")).isTrue();
        assertThat(OrgUnitRules.isWellFormedCode("450881P01")).isTrue();
        assertThat(OrgUnitRules.isWellFormedCode("45088")).isFalse();
        assertThat(OrgUnitRules.isWellFormedCode("450881P1")).isFalse();
        assertThat(OrgUnitRules.isWellFormedCode("450881Q01")).isFalse();
        assertThat(OrgUnitRules.isWellFormedCode(null)).isFalse();
    }

    @Test
    void parksHangUnderCountiesOrCitiesCountiesUnderCitiesAndCitiesUnderTheRegion() {
        assertThat(OrgUnitRules.mayHangUnder(OrgLevel.PARK, OrgLevel.COUNTY)).isTrue();
        assertThat(OrgUnitRules.mayHangUnder(OrgLevel.PARK, OrgLevel.CITY)).isTrue();
        assertThat(OrgUnitRules.mayHangUnder(OrgLevel.PARK, OrgLevel.REGION)).isFalse();
        assertThat(OrgUnitRules.mayHangUnder(OrgLevel.PARK, OrgLevel.PARK)).isFalse();
        assertThat(OrgUnitRules.mayHangUnder(OrgLevel.COUNTY, OrgLevel.CITY)).isTrue();
        assertThat(OrgUnitRules.mayHangUnder(OrgLevel.COUNTY, OrgLevel.REGION)).isFalse();
        assertThat(OrgUnitRules.mayHangUnder(OrgLevel.CITY, OrgLevel.REGION)).isTrue();
        assertThat(OrgUnitRules.mayHangUnder(OrgLevel.REGION, OrgLevel.REGION)).isFalse();
    }

    @Test
    void aNewParkGetsTheNumberAfterTheHighestEverUsedUnderItsParentSoARetiredCodeIsNeverReused() {
        assertThat(OrgUnitRules.nextParkCode("450881", List.of())).isEqualTo("450881P01");
        // P02 was retired (a former code): the next park is P04, not P02
        assertThat(OrgUnitRules.nextParkCode("450881", List.of("450881P01", "450881P03", "450802P07", "450881")))
                .isEqualTo("450881P04");
        assertThatThrownBy(() -> OrgUnitRules.nextParkCode("450881", List.of("450881P99")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("450881");
    }
}
