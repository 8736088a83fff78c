package cn.gov.zhaoshang.reporting.definitions;

import cn.gov.zhaoshang.reporting.definitions.model.DefinitionRules;
import cn.gov.zhaoshang.reporting.definitions.model.RankingMethod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import cn.gov.zhaoshang.contracts.targets.DefinitionPublished;
import org.junit.jupiter.api.Test;

class DefinitionRulesTest {

    private static final Instant PUBLISHED = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void anEventWithoutRulesGetsTheDefaultsOfMetricsMd() {
        DefinitionRules rules = DefinitionRules.of(new DefinitionPublished(1, LocalDate.of(2000, 1, 1), PUBLISHED,
                List.of("CONTRACT_INVESTMENT")));

        assertThat(rules.defaultRules()).isTrue();
        assertThat(rules.yellowBelowGapPoints()).isEqualByComparingTo("-10");
        assertThat(rules.redBelowGapPoints()).isEqualByComparingTo("-20");
        assertThat(rules.rankingMethod()).isEqualTo(RankingMethod.COMPLETION_RATE);
        assertThat(rules.rankingCap()).isNull();
        assertThat(rules.closeDeadline(YearMonth.of(2026, 10))).isEqualTo(LocalDate.of(2026, 11, 5));
        assertThat(rules.closeDeadline(YearMonth.of(2026, 12))).isEqualTo(LocalDate.of(2027, 1, 5));
    }

    @Test
    void theRulesOfAnEventAreTakenExactly() {
        DefinitionRules rules = DefinitionRules.of(new DefinitionPublished(3, LocalDate.of(2027, 1, 1), PUBLISHED,
                List.of("CONTRACT_INVESTMENT"), new DefinitionPublished.Rules("-8.5", "-18", "WEIGHTED_SCORE",
                        Map.of("CONTRACT_INVESTMENT", "0.6", "FUNDS_IN_PLACE", "0.4"), "1.2", 10)));

        assertThat(rules.defaultRules()).isFalse();
        assertThat(rules.yellowBelowGapPoints()).isEqualTo(new BigDecimal("-8.5"));
        assertThat(rules.redBelowGapPoints()).isEqualTo(new BigDecimal("-18"));
        assertThat(rules.rankingMethod()).isEqualTo(RankingMethod.WEIGHTED_SCORE);
        assertThat(rules.rankingWeights()).containsExactly(
                Map.entry("CONTRACT_INVESTMENT", new BigDecimal("0.6")), Map.entry("FUNDS_IN_PLACE", new BigDecimal("0.4")));
        assertThat(rules.rankingCap()).isEqualTo(new BigDecimal("1.2"));
        assertThat(rules.closeDeadline(YearMonth.of(2027, 2))).isEqualTo(LocalDate.of(2027, 3, 10));
    }

    @Test
    void aDeadlineOutsideOneToTwentyEightIsRefused() {
        assertThatThrownBy(() -> DefinitionRules.of(new DefinitionPublished(3, LocalDate.of(2027, 1, 1), PUBLISHED,
                List.of("X"), new DefinitionPublished.Rules("-10", "-20", "COMPLETION_RATE", Map.of(), null, 31))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
