package cn.gov.zhaoshang.project.duplicates.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * The lock keys of a registration: two projects that a rule would match share one, so their checks
 * run one after the other; projects no rule would match share none, so they do not wait.
 */
class DuplicateKeysTest {

    private static final UUID INVESTOR = UUID.randomUUID();

    @Test
    void projectsThatEachRuleWouldMatchShareALockKey() {
        // L1: the same code; the same normalised name
        assertThat(keys("450800", "GG-1", "光伏组件", null, null, null).lockKeys())
                .containsAnyElementsOf(keys("450800", "GG-1", "铝型材", null, null, null).lockKeys());
        assertThat(keys("450800", null, "光伏组件", null, null, null).lockKeys())
                .containsAnyElementsOf(keys("450800", "GG-2", "光伏组件", null, null, null).lockKeys());
        // L2 and L3: the same investor, whatever the names and amounts
        assertThat(keys("450800", null, "铝型材一期", INVESTOR, null, null).lockKeys())
                .containsAnyElementsOf(keys("450800", null, "储能系统", INVESTOR, null, null).lockKeys());
        // L4: the same phone digits; the same site without whitespace
        assertThat(keys("450800", null, "竹木家具", null, "138-0771-2468", null).lockKeys())
                .containsAnyElementsOf(keys("450800", null, "物流园", null, "13807712468", null).lockKeys());
        assertThat(keys("450800", null, "健康食品", null, null, "桂平市 长安工业园区 A-17 地块").lockKeys())
                .containsAnyElementsOf(keys("450800", null, "冷链仓储", null, null, "桂平市长安工业园区A-17地块").lockKeys());
    }

    @Test
    void unrelatedProjectsOfOneCityAndTheSameProjectInAnotherCityShareNoKey() {
        assertThat(keys("450800", "GG-1", "光伏组件", INVESTOR, "13807712468", "长安工业园区").lockKeys())
                .doesNotContainAnyElementsOf(keys("450800", "GG-2", "铝型材", UUID.randomUUID(), "13900001111", "港城镇").lockKeys());
        assertThat(keys("450800", "GG-1", "光伏组件", INVESTOR, "13807712468", "长安工业园区").lockKeys())
                .doesNotContainAnyElementsOf(keys("450100", "GG-1", "光伏组件", INVESTOR, "13807712468", "长安工业园区").lockKeys());
    }

    @Test
    void aProjectWithoutACityIsComparedWithNothingAndLocksNothing() {
        assertThat(keys(null, "GG-1", "光伏组件", INVESTOR, "13807712468", "长安工业园区").lockKeys()).isEmpty();
        // keys the rules ignore are not locked either: too short a phone, a blank site
        assertThat(keys("450800", null, "光伏组件", null, "12-34", "  ").lockKeys()).hasSize(1);
    }

    private static DuplicateKeys keys(String city, String code, String normalizedName, UUID investor, String phone, String site) {
        return new DuplicateKeys(UUID.randomUUID(), city, code, normalizedName, investor, "C3841",
                new BigDecimal("100000000.00"), phone, site);
    }
}
