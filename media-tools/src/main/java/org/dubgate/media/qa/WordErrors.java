package org.dubgate.media.qa;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Word error counts of a hypothesis against a reference: the word-level Levenshtein alignment with
 * the fewest edits, split into substitutions, deletions (reference words not heard) and insertions
 * (words heard that the reference does not have).
 */
public record WordErrors(int substitutions, int deletions, int insertions, int referenceWords) {

    /** (S + D + I) / N; {@link Double#NaN} when the reference has no word to measure against. */
    public double rate() {
        return referenceWords == 0 ? Double.NaN : (double) (substitutions + deletions + insertions) / referenceWords;
    }

    /**
     * The words of a text as compared: lower case, punctuation dropped, hyphenated words split,
     * apostrophes kept inside a word ({@code don't}) and dropped at its ends (quotes).
     */
    public static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        String unified = text.replace('\u2019', '\'').replace('\u2018', '\'').toLowerCase(Locale.ROOT);
        for (String token : unified.split("[^\\p{L}\\p{N}']+")) {
            String w = token.replaceAll("^'+|'+$", "");
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        return words;
    }

    /** Aligns two word lists; one row of the edit table at a time (lines are short, but it costs nothing). */
    public static WordErrors align(List<String> reference, List<String> hypothesis) {
        int n = reference.size();
        int m = hypothesis.size();
        // cost and its split, for the previous and the current reference prefix
        int[][] prev = new int[m + 1][];
        for (int j = 0; j <= m; j++) {
            prev[j] = new int[] {j, 0, 0, j}; // {cost, S, D, I}
        }
        for (int i = 1; i <= n; i++) {
            int[][] cur = new int[m + 1][];
            cur[0] = new int[] {i, 0, i, 0};
            for (int j = 1; j <= m; j++) {
                boolean same = reference.get(i - 1).equals(hypothesis.get(j - 1));
                int[] diag = prev[j - 1];
                int[] best = new int[] {diag[0] + (same ? 0 : 1), diag[1] + (same ? 0 : 1), diag[2], diag[3]};
                int[] up = prev[j];
                if (up[0] + 1 < best[0]) {
                    best = new int[] {up[0] + 1, up[1], up[2] + 1, up[3]};
                }
                int[] left = cur[j - 1];
                if (left[0] + 1 < best[0]) {
                    best = new int[] {left[0] + 1, left[1], left[2], left[3] + 1};
                }
                cur[j] = best;
            }
            prev = cur;
        }
        int[] r = prev[m];
        return new WordErrors(r[1], r[2], r[3], n);
    }
}
