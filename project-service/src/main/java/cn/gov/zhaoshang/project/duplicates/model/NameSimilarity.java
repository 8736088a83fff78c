package cn.gov.zhaoshang.project.duplicates.model;

/**
 * How alike two normalised project names are: 1 − Levenshtein distance ÷ length of the longer name
 * (issue 5, rule L2), counted in Unicode code points so that a Chinese character is one. Exact:
 * the threshold is compared as a fraction, never as a floating-point number.
 */
public final class NameSimilarity {

    private NameSimilarity() {
    }

    /** Levenshtein distance: insertions, deletions and substitutions of one code point each. */
    public static int distance(String a, String b) {
        int[] left = a.codePoints().toArray();
        int[] right = b.codePoints().toArray();
        int[] previous = new int[right.length + 1];
        int[] current = new int[right.length + 1];
        for (int j = 0; j <= right.length; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= left.length; i++) {
            current[0] = i;
            for (int j = 1; j <= right.length; j++) {
                int substitution = previous[j - 1] + (left[i - 1] == right[j - 1] ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[right.length];
    }

    /**
     * Whether 1 − distance ÷ longer length ≥ percent ÷ 100, i.e. 100 × (longer − distance) ≥
     * percent × longer. Two empty names are not similar: there is nothing to compare.
     */
    public static boolean atLeast(String a, String b, int percent) {
        int longer = Math.max(a.codePointCount(0, a.length()), b.codePointCount(0, b.length()));
        if (longer == 0) {
            return false;
        }
        return 100L * (longer - distance(a, b)) >= (long) percent * longer;
    }
}
