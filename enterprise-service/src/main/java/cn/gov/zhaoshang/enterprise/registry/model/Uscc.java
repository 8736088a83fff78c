package cn.gov.zhaoshang.enterprise.registry.model;

import java.util.Optional;

/**
 * A unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters over
 * {@value #ALPHABET}, the last one a check character over the first 17.
 */
public record Uscc(String value) {

    public static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    public static final int LENGTH = 18;
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    public Uscc {
        Optional<Problem> problem = problemWith(value);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get().message());
        }
    }

    /** Why a text is not a valid USCC. {@code expectedCheckCharacter} is set when only the check character is wrong. */
    public record Problem(String rule, String message, Character expectedCheckCharacter) {
    }

    /** Empty when {@code text} is a valid USCC; otherwise what is wrong, naming the expected check character. */
    public static Optional<Problem> problemWith(String text) {
        if (text == null || text.length() != LENGTH) {
            return Optional.of(new Problem("UsccLength", "a USCC has exactly 18 characters", null));
        }
        for (int i = 0; i < LENGTH; i++) {
            if (ALPHABET.indexOf(text.charAt(i)) < 0) {
                return Optional.of(new Problem("UsccCharacter", "character " + (i + 1) + " ('" + text.charAt(i)
                        + "') is not one of " + ALPHABET, null));
            }
        }
        char expected = checkCharacterOf(text.substring(0, LENGTH - 1));
        char actual = text.charAt(LENGTH - 1);
        if (actual != expected) {
            return Optional.of(new Problem("UsccCheckCharacter",
                    "the check character is '" + actual + "' but the first 17 characters require '" + expected + "'",
                    expected));
        }
        return Optional.empty();
    }

    /**
     * The check character of the first 17 characters: c = 31 − (Σ index × weight mod 31), where 31
     * stands for 0 (glossary, enterprise classes).
     */
    public static char checkCharacterOf(String first17) {
        if (first17.length() != LENGTH - 1) {
            throw new IllegalArgumentException("the check character is computed over 17 characters");
        }
        int sum = 0;
        for (int i = 0; i < LENGTH - 1; i++) {
            int index = ALPHABET.indexOf(first17.charAt(i));
            if (index < 0) {
                throw new IllegalArgumentException("not a USCC character: " + first17.charAt(i));
            }
            sum += index * WEIGHTS[i];
        }
        int c = 31 - sum % 31;
        return ALPHABET.charAt(c == 31 ? 0 : c);
    }
}
