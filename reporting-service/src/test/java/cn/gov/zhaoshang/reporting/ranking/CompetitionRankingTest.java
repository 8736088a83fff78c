package cn.gov.zhaoshang.reporting.ranking;

import cn.gov.zhaoshang.reporting.ranking.model.CompetitionRanking;
import cn.gov.zhaoshang.reporting.ranking.model.RankingScores;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CompetitionRankingTest {

    record Unit(String code, BigDecimal score) {
    }

    @Test
    void equalScoresShareARankAndTheNextRankSkips() {
        List<Unit> units = List.of(new Unit("C", new BigDecimal("0.9")), new Unit("A", new BigDecimal("1.2")),
                new Unit("B", new BigDecimal("1.20")), new Unit("D", new BigDecimal("0.5")));

        List<CompetitionRanking.Ranked<Unit>> ranked = CompetitionRanking.rank(units, Unit::score);

        assertThat(ranked).extracting(r -> r.item().code()).containsExactly("A", "B", "C", "D");
        assertThat(ranked).extracting(CompetitionRanking.Ranked::rank).containsExactly(1, 1, 3, 4);
    }

    @Test
    void equalFractionsTieEvenWhenTheyDoNotTerminate() {
        BigDecimal oneThird = RankingScores.completionRate(new BigDecimal("100"), new BigDecimal("300"));
        BigDecimal twoSixths = RankingScores.completionRate(new BigDecimal("250.00"), new BigDecimal("750"));
        List<Unit> units = List.of(new Unit("X", oneThird), new Unit("Y", twoSixths), new Unit("Z", new BigDecimal("0.3")));

        assertThat(CompetitionRanking.rank(units, Unit::score)).extracting(CompetitionRanking.Ranked::rank)
                .containsExactly(1, 1, 3);
    }

    @Test
    void aUnitWithoutAScoreHasNoRankAndComesLast() {
        List<Unit> units = List.of(new Unit("none", null), new Unit("low", new BigDecimal("0.1")),
                new Unit("high", new BigDecimal("2")));

        List<CompetitionRanking.Ranked<Unit>> ranked = CompetitionRanking.rank(units, Unit::score);

        assertThat(ranked).extracting(r -> r.item().code()).containsExactly("high", "low", "none");
        assertThat(ranked).extracting(CompetitionRanking.Ranked::rank).containsExactly(1, 2, null);
    }

    @Test
    void aCompletionRateNeedsATarget() {
        assertThat(RankingScores.completionRate(new BigDecimal("5"), null)).isNull();
        assertThat(RankingScores.completionRate(new BigDecimal("5"), BigDecimal.ZERO)).isNull();
        assertThat(RankingScores.completionRate(new BigDecimal("890.15"), new BigDecimal("750")))
                .isEqualByComparingTo("1.186866666666666666666666666666667");
    }

    @Test
    void aWeightedScoreCapsEachRatioThenWeighsIt() {
        Map<String, BigDecimal> weights = Map.of("CONTRACT_INVESTMENT", new BigDecimal("0.6"),
                "FUNDS_IN_PLACE", new BigDecimal("0.4"));
        Map<String, BigDecimal> targets = Map.of("CONTRACT_INVESTMENT", new BigDecimal("100"),
                "FUNDS_IN_PLACE", new BigDecimal("50"));

        // 0.6 × min(150/100, 1.2) + 0.4 × min(25/50, 1.2) = 0.72 + 0.2
        assertThat(RankingScores.weightedScore(weights, new BigDecimal("1.2"),
                Map.of("CONTRACT_INVESTMENT", new BigDecimal("150"), "FUNDS_IN_PLACE", new BigDecimal("25")), targets))
                .isEqualByComparingTo("0.92");
        // no cap: 0.6 × 1.5 + 0.4 × 0.5
        assertThat(RankingScores.weightedScore(weights, null,
                Map.of("CONTRACT_INVESTMENT", new BigDecimal("150"), "FUNDS_IN_PLACE", new BigDecimal("25")), targets))
                .isEqualByComparingTo("1.1");
        // a figure with no actual counts zero; a figure with no target leaves the score undefined
        assertThat(RankingScores.weightedScore(weights, null, Map.of("CONTRACT_INVESTMENT", new BigDecimal("100")), targets))
                .isEqualByComparingTo("0.6");
        assertThat(RankingScores.weightedScore(weights, null, Map.of("CONTRACT_INVESTMENT", new BigDecimal("100")),
                Map.of("CONTRACT_INVESTMENT", new BigDecimal("100")))).isNull();
    }
}
