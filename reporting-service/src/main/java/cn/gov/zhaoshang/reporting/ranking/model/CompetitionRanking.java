package cn.gov.zhaoshang.reporting.ranking.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Standard competition ranking (1, 1, 3): equal scores share a rank, and the next rank skips as
 * many places as shared the one before. Scores are compared exactly. An item without a score (no
 * target) has no rank and comes last, in the order it was given.
 */
public final class CompetitionRanking {

    private CompetitionRanking() {
    }

    /** @param rank 1 for the best; null for an item without a score */
    public record Ranked<T>(T item, BigDecimal score, Integer rank) {
    }

    public static <T> List<Ranked<T>> rank(List<T> items, Function<T, BigDecimal> scoreOf) {
        List<Ranked<T>> scored = new ArrayList<>();
        List<Ranked<T>> unscored = new ArrayList<>();
        for (T item : items) {
            BigDecimal score = scoreOf.apply(item);
            if (score == null) {
                unscored.add(new Ranked<>(item, null, null));
            } else {
                scored.add(new Ranked<>(item, score, null));
            }
        }
        // a stable sort keeps equal scores in the order given
        scored.sort(Comparator.comparing((Ranked<T> ranked) -> ranked.score()).reversed());
        List<Ranked<T>> result = new ArrayList<>(items.size());
        for (int i = 0; i < scored.size(); i++) {
            Ranked<T> current = scored.get(i);
            int rank = i > 0 && current.score().compareTo(scored.get(i - 1).score()) == 0
                    ? result.get(i - 1).rank()
                    : i + 1;
            result.add(new Ranked<>(current.item(), current.score(), rank));
        }
        result.addAll(unscored);
        return result;
    }
}
